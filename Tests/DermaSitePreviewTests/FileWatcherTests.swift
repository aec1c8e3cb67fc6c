import DermaSite
@testable import DermaSitePreview
import Foundation
import Testing

/// The watchers on a real folder: saves, new folders and what is inside them, deletions.
@Suite(.serialized) struct FileWatcherTests {
    final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [ChangeSet] = []
        func add(_ batch: ChangeSet) { lock.withLock { seen.append(batch) } }

        /// Waits until some batch touches `path`.
        func wait(for path: String, timeout: Double = 5) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if lock.withLock({ seen.contains { $0.touches(path) } }) { return true }
                Thread.sleep(forTimeInterval: 0.01)
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

    func exercise(_ polling: Bool) throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var settings = WatchSettings(root: root)
        settings.pollInterval = .milliseconds(50)
        let watcher = makeFileWatcher(settings, polling: polling)
        let batches = Batches()
        try watcher.start { batches.add($0) }
        defer { watcher.stop() }

        try "changed".write(toFile: root + "/Content/articles/a.md", atomically: true, encoding: .utf8)
        #expect(batches.wait(for: "Content/articles/a.md"), "a save")
        // A new folder, and then a file in it: the folder is watched as soon as it appears.
        try FileManager.default.createDirectory(atPath: root + "/Content/articles/new", withIntermediateDirectories: false)
        Thread.sleep(forTimeInterval: 0.1)
        try "b".write(toFile: root + "/Content/articles/new/b.md", atomically: false, encoding: .utf8)
        #expect(batches.wait(for: "Content/articles/new/b.md"), "a file in a new folder")
        try FileManager.default.removeItem(atPath: root + "/Templates/partials")
        #expect(batches.wait(for: "Templates/partials/footer.mustache"), "a deleted folder and its file")
    }

    @Test func inotifyWatcher() throws {
        #expect(makeFileWatcher(WatchSettings(root: "/tmp")) is InotifyWatcher)
        try exercise(false)
    }

    @Test func pollingWatcher() throws {
        try exercise(true)
    }
}
