import DermaSite
@testable import DermaSitePreview
import Foundation
import Testing

extension PreviewTests {
    /// The watchers on a real folder: saves, new folders and what is inside them, deletions.
    @Suite(.serialized) struct FileWatcherTests {
        final class Batches: @unchecked Sendable {
            private let lock = NSLock()
            private var seen: [ChangeSet] = []
            func add(_ batch: ChangeSet) { lock.withLock { seen.append(batch) } }

            /// Waits until some batch touches `path` (names it, or a folder above or below it).
            func wait(for path: String, timeout: Double = 15) async -> Bool {
                await wait(timeout: timeout) { $0.touches(path) }
            }

            /// Whether a batch so far named `path` itself.
            func named(_ path: String) -> Bool {
                lock.withLock { seen.contains { if case let .paths(paths) = $0 { paths.contains(path) } else { false } } }
            }

            /// Waits until some batch names `path` itself: a batch naming only its folder does not count.
            func wait(forExactly path: String, timeout: Double = 15) async -> Bool {
                await wait(timeout: timeout) { if case let .paths(paths) = $0 { paths.contains(path) } else { false } }
            }

            private func wait(timeout: Double, until found: (ChangeSet) -> Bool) async -> Bool {
                let deadline = Date().addingTimeInterval(timeout)
                while Date() < deadline {
                    if lock.withLock({ seen.contains(where: found) }) { return true }
                    try? await Task.sleep(for: .milliseconds(10))
                }
                return false
            }
        }

        func site() throws -> String {
            let root = NSTemporaryDirectory() + "dermasite-watch-" + UUID().uuidString
            for folder in ["Content/articles", "Templates/partials"] {
                try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            }
            try "a".write(toFile: root + "/Content/articles/a.md", atomically: false, encoding: .utf8)
            try "footer".write(toFile: root + "/Templates/partials/footer.mustache", atomically: false, encoding: .utf8)
            return root
        }

        func exercise(_ polling: Bool) async throws {
            let root = try site()
            defer { try? FileManager.default.removeItem(atPath: root) }
            var settings = WatchSettings(root: root)
            settings.pollInterval = .milliseconds(50)
            let watcher = makeFileWatcher(settings, polling: polling)
            let batches = Batches()
            try watcher.start { batches.add($0) }
            defer { watcher.stop() }

            try "changed".write(toFile: root + "/Content/articles/a.md", atomically: true, encoding: .utf8)
            #expect(await batches.wait(for: "Content/articles/a.md"), "a save")
            // A hidden file (an editor's swap file, a save's temporary copy) is no change: builds skip it.
            try "swap".write(toFile: root + "/Content/articles/.a.md.swp", atomically: false, encoding: .utf8)
            try await Task.sleep(for: .milliseconds(100))
            try "c".write(toFile: root + "/Content/articles/c.md", atomically: false, encoding: .utf8)
            #expect(await batches.wait(forExactly: "Content/articles/c.md"), "a new file")
            #expect(!batches.named("Content/articles/.a.md.swp"), "a hidden file")
            // A new folder, and then a file in it: the folder is watched as soon as it appears.
            try FileManager.default.createDirectory(atPath: root + "/Content/articles/new", withIntermediateDirectories: false)
            try await Task.sleep(for: .milliseconds(100))
            try "b".write(toFile: root + "/Content/articles/new/b.md", atomically: false, encoding: .utf8)
            // The file's own event, not only the folder's: proves the new folder itself is watched.
            #expect(await batches.wait(forExactly: "Content/articles/new/b.md"), "a file in a new folder")
            try FileManager.default.removeItem(atPath: root + "/Templates/partials")
            #expect(await batches.wait(for: "Templates/partials/footer.mustache"), "a deleted folder and its file")
        }

        @Test func inotifyWatcher() async throws {
            #expect(makeFileWatcher(WatchSettings(root: "/tmp")) is InotifyWatcher)
            try await exercise(false)
        }

        @Test func pollingWatcher() async throws {
            try await exercise(true)
        }
    }
}
