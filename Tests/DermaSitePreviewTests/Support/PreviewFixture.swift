import DermaSite
@testable import DermaSitePreview
import DermaSiteTestSupport
import Foundation
import ServiceLifecycle
import Logging

/// The bundled site copied to a temporary folder and served by an in-process preview server on
/// the loopback port it binds (port 0: any free one), with a real file watcher. `stop()` shuts it down as SIGTERM would.
final class PreviewFixture: @unchecked Sendable {
    static let projectRoot = ProjectFolder.path

    let root: String
    let port: Int
    let session: PreviewSession
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(polling: Bool = false) async throws {
        root = NSTemporaryDirectory() + "dermasite-preview-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(atPath: Self.projectRoot + "/" + folder, toPath: root + "/" + folder)
        }
        var options = BuildOptions(root: root)
        options.today = Day(iso: "2026-12-01")
        session = PreviewSession(options: options, destination: .memory)
        let store = SiteStore(basePath: "/")
        var settings = WatchSettings(root: root)
        settings.pollInterval = .milliseconds(100)
        let server = PreviewServer(session: session, store: store, host: "127.0.0.1", port: 0,
                                   watcher: makeFileWatcher(settings, polling: polling), log: { _ in })
        let ready = AsyncStream<Int>.makeStream()
        let app = try server.makeApplication { port in ready.continuation.yield(port) }
        // As runService does: the application, then the services it carries (the rebuild loop).
        let group = ServiceGroup(configuration: .init(services: [app] + app.services, logger: Logger(label: "test")))
        self.group = group
        task = Task { try await group.run() }
        var iterator = ready.stream.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: root + "/" + path, encoding: .utf8) }

    func edit(_ path: String, _ change: (String) -> String) throws { try write(path, change(try read(path))) }

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> HTTPTestClient.Response {
        try HTTPTestClient.request(port: port, method, target, headers: headers)
    }

    /// Shuts down gracefully; returns how long it took.
    @discardableResult
    func stop() async -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        await group.triggerGracefulShutdown()
        _ = await task.result
        try? FileManager.default.removeItem(atPath: root)
        return clock.now - start
    }
}
