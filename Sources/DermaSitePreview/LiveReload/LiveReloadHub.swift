import Foundation

/// The browsers connected for live reload, each an open Server-Sent Events stream. A rebuild's
/// event goes to all of them; a browser that connects while the build is broken is told at once.
public actor LiveReloadHub {
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    /// The event describing the current failure, if the latest rebuild failed.
    private var failure: String?
    /// Sent first on every connection: a browser that sees a new value knows the server restarted.
    public let hello: String

    public init() {
        hello = "event: hello\ndata: {\"run\":\"\(UInt64.random(in: 0...UInt64.max))\"}\n\n"
    }

    /// A stream of event texts for one browser; it ends when the hub closes.
    public func subscribe() -> AsyncStream<String> {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.yield("retry: 500\n" + hello)
        if let failure { continuation.yield(failure) }
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        clients[id] = continuation
        return stream
    }

    private func remove(_ id: Int) {
        clients[id] = nil
    }

    public func built(_ event: ReloadEvent) {
        failure = nil
        broadcast(event.serverSentEvent)
    }

    public func failed(_ event: FailureEvent) {
        failure = event.serverSentEvent
        broadcast(failure!)
    }

    /// A comment line: keeps proxies from closing an idle stream and finds browsers that left.
    public func heartbeat() {
        broadcast(": ping\n\n")
    }

    public func broadcast(_ text: String) {
        for client in clients.values { client.yield(text) }
    }

    /// Ends every stream, so their responses finish and the server can stop.
    public func close() {
        for client in clients.values { client.finish() }
        clients = [:]
    }
}
