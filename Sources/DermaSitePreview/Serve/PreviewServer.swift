import DermaSite
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `dermasite serve`: the site from memory over HTTP, a file watcher that rebuilds on every save,
/// and live reload over Server-Sent Events. The port is bound once (port 0: any free one), then the
/// site is built for the address bound; requests wait in the listen queue until it is. Stops on
/// SIGINT or SIGTERM, ending the live-reload streams first so no connected browser holds the
/// shutdown up.
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

    /// Serves until a shutdown signal; `onReady` gets the bound port once the first build is in.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = try makeApplication(onReady: onReady)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// The application with its services, for callers that run their own service group (tests).
    /// The file watcher is running when this returns.
    public func makeApplication(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) throws
        -> some ApplicationProtocol {
        let responder = StaticResponder(store: store)
        let hub = self.hub
        var logger = Logger(label: "dermasite-serve")
        logger.logLevel = .warning
        let store = self.store, log = self.log, session = self.session, host = self.host
        var rebuilds = RebuildLoop(session: session, watcher: watcher, waitsForFirstBuild: true,
                                   onShutdown: { await hub.close() }) { outcome, files in
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
        // Saves during the first build are rebuilt after it.
        try rebuilds.startWatching()
        let loop = rebuilds
        let heartbeat = Heartbeat(hub: hub)
        return Application(
            responder: CallbackResponder { (request: Request, context: BasicRequestContext) in
                try await Self.respond(to: request, context: context, responder: responder, hub: hub)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "dermasite"),
            services: [rebuilds, heartbeat],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                session.useBaseURL(Self.baseURL(host: host, port: port))
                let first = await RebuildLoop.rebuildOffThePool(session, .everything)
                store.apply(first, files: session.files)
                log(.firstBuild(first))
                if let failure = first.failure { await hub.failed(FailureEvent(failure)) }
                loop.firstBuildDone()
                await onReady(port)
            },
            logger: logger
        )
    }

    /// The address pages name for themselves. Listening on every address: localhost.
    public static func baseURL(host: String, port: Int) -> String {
        let shown = ["0.0.0.0", "::"].contains(host) ? "localhost" : host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    static func respond(to request: Request, context: BasicRequestContext, responder: StaticResponder,
                        hub: LiveReloadHub) async throws -> Response {
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
        return try await responder.respond(to: request, context: context)
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
    /// The first build, made once the port is bound.
    case firstBuild(PreviewSession.Outcome)
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
