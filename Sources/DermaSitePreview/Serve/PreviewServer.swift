import DermaSite
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `dermasite serve`: the site from memory over HTTP, a file watcher that rebuilds on every save,
/// and live reload over Server-Sent Events. Stops on SIGINT or SIGTERM, ending the live-reload
/// streams first so no connected browser holds the shutdown up.
public struct PreviewServer: Sendable {
    public let session: PreviewSession
    public let store: SiteStore
    public let hub: LiveReloadHub
    public let host: String
    public let port: Int
    public let watcher: any FileWatcher
    /// One line per rebuild and per problem, for the terminal.
    /// Set by the command line: exit this many seconds after SIGINT or SIGTERM even if a rebuild
    /// is still running. Nil in tests, which run the server inside the test process.
    public var exitAfterShutdownSignal: Double?
    public let log: @Sendable (PreviewLog) -> Void

    public init(session: PreviewSession, store: SiteStore, hub: LiveReloadHub = LiveReloadHub(), host: String, port: Int,
                watcher: any FileWatcher, log: @escaping @Sendable (PreviewLog) -> Void) {
        self.session = session
        self.store = store
        self.hub = hub
        self.host = host
        self.port = port
        self.watcher = watcher
        self.log = log
    }

    /// Serves until a shutdown signal; `onReady` gets the bound port.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = try makeApplication(onReady: onReady)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// The application with its services, for callers that run their own service group (tests).
    /// The file watcher is running when this returns.
    public func makeApplication(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) throws
        -> some ApplicationProtocol {
        let responder = StaticResponder(store: store, injection: LiveReloadScript.tag)
        let hub = self.hub
        var logger = Logger(label: "dermasite-serve")
        logger.logLevel = .warning
        let store = self.store, log = self.log
        var rebuilds = RebuildLoop(session: session, watcher: watcher, onShutdown: { await hub.close() }) { outcome, files in
            store.apply(outcome, files: files)
            if let failure = outcome.failure {
                log(.failed(failure))
                await hub.failed(FailureEvent(failure))
            } else {
                log(.rebuilt(outcome))
                await hub.built(ReloadEvent(outcome, basePath: store.basePath, files: files))
            }
        }
        rebuilds.exitAfterShutdownSignal = exitAfterShutdownSignal
        try rebuilds.startWatching()
        let heartbeat = Heartbeat(hub: hub)
        return Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                try await Self.respond(to: request, responder: responder, hub: hub)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "dermasite"),
            services: [rebuilds, heartbeat],
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    static func respond(to request: Request, responder: StaticResponder, hub: LiveReloadHub) async throws -> Response {
        let target = request.head.path ?? "/"
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        if path == LiveReloadScript.eventsPath, request.method == .get {
            return await events(hub)
        }
        if path == LiveReloadScript.path, request.method == .get || request.method == .head {
            var headers: HTTPFields = [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"]
            headers[.contentLength] = String(LiveReloadScript.source.utf8.count)
            let body = request.method == .head ? ByteBuffer() : ByteBuffer(string: LiveReloadScript.source)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let answer = responder.respond(to: PreviewRequest(method: request.method.rawValue, target: target, headers: headers))
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(status: .init(code: answer.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// One browser's live-reload stream. It ends on graceful shutdown, or when the hub closes.
    static func events(_ hub: LiveReloadHub) async -> Response {
        let stream = await hub.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await text in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.finish(nil)
        })
    }
}

/// What the server tells the terminal.
public enum PreviewLog: Sendable {
    case rebuilt(PreviewSession.Outcome)
    case failed(BuildFailure)
}

/// Keeps idle live-reload streams open and finds browsers that went away.
struct Heartbeat: Service {
    let hub: LiveReloadHub

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(15)) }
            await hub.heartbeat()
        }
    }
}
