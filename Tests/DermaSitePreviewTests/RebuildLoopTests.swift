import DermaSite
@testable import DermaSitePreview
import Foundation
import Testing

extension PreviewTests {
    /// A burst of saves is one rebuild of its final state, however long the burst.
    @Suite struct RebuildLoopTests {
        /// A watcher the test drives by hand.
        final class ManualWatcher: FileWatcher, @unchecked Sendable {
            // Safe: set once by start, before any emit.
            var onChange: (@Sendable (ChangeSet) -> Void)?
            func start(onChange: @escaping @Sendable (ChangeSet) -> Void) throws { self.onChange = onChange }
            func stop() {}
            func emit(_ paths: Set<String>) { onChange?(.paths(paths)) }
        }

        actor Outcomes {
            var count = 0
            func add() { count += 1 }
        }

        /// A session on a copy of the bundled site, after its first build.
        func session() throws -> (root: String, session: PreviewSession) {
            let root = try ServeCommandTests.site()
            var options = BuildOptions(root: root)
            options.today = Day(iso: "2026-12-01")
            let session = PreviewSession(options: options, destination: .memory)
            #expect(session.rebuild(.everything).succeeded)
            return (root, session)
        }

        @Test func aNewerSaveCancelsTheRebuildAndTheNextOneShowsBoth() throws {
            let (root, session) = try session()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let before = session.files
            let first = "Content/articles/sensory-exam.md", second = "Content/articles/foot-drop.md"
            for path in [first, second] {
                let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
                try (text + "\nA sentence added to \(path).\n").write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
            }
            let cancelled = session.rebuild(.paths([first]), shouldStop: { true })
            #expect(cancelled.cancelled && !cancelled.succeeded && cancelled.failure == nil)
            #expect(session.files == before, "nothing of a cancelled rebuild is kept")
            let next = session.rebuild(ChangeSet.paths([first]).merged(with: .paths([second])))
            #expect(next.succeeded)
            #expect(next.changed.contains("articles/sensory-exam/index.html") && next.changed.contains("articles/foot-drop/index.html"))
        }

        @Test func pendingChangesMerge() {
            let pending = PendingChanges()
            #expect(pending.take() == nil)
            pending.add(.paths(["a"]))
            pending.add(.paths(["b"]))
            #expect(pending.take() == .paths(["a", "b"]))
            #expect(pending.take() == nil)
            pending.add(.paths(["a"]))
            pending.add(.everything)
            #expect(pending.take() == .everything)
        }

        @Test func aBurstOfFiftySavesIsOneRebuildOfTheLastState() async throws {
            let (root, session) = try session()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let watcher = ManualWatcher(), outcomes = Outcomes()
            let loop = RebuildLoop(session: session, watcher: watcher) { _, _ in await outcomes.add() }
            try loop.startWatching()
            let article = "Content/articles/sensory-exam.md"
            let text = try String(contentsOfFile: root + "/" + article, encoding: .utf8)
            for save in 1...50 {
                try (text + "\nSave number \(save).\n").write(toFile: root + "/" + article, atomically: true, encoding: .utf8)
                watcher.emit([article])
            }
            let running = Task { try await loop.run() }
            for _ in 0..<200 where await outcomes.count == 0 { try await Task.sleep(for: .milliseconds(20)) }
            try await Task.sleep(for: .milliseconds(200))
            #expect(await outcomes.count == 1, "50 saves before the loop ran are one rebuild")
            #expect(String(decoding: session.files["articles/sensory-exam/index.html"] ?? [], as: UTF8.self).contains("Save number 50."))
            running.cancel()
        }
    }
}
