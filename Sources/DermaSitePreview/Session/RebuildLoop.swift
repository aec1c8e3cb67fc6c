import Foundation
import DermaSite
import Logging
import ServiceLifecycle

/// Turns the watcher's batches into rebuilds, one at a time, and hands each outcome on. Batches
/// that arrive during a rebuild are merged into one, so a burst of saves costs one more rebuild.
public struct RebuildLoop: Service {
    let session: PreviewSession
    let watcher: any FileWatcher
    let onShutdown: @Sendable () async -> Void
    let onOutcome: @Sendable (PreviewSession.Outcome, [String: [UInt8]]) async -> Void
    private let batches: AsyncStream<ChangeSet>
    private let continuation: AsyncStream<ChangeSet>.Continuation

    public init(session: PreviewSession, watcher: any FileWatcher, onShutdown: @escaping @Sendable () async -> Void = {},
                onOutcome: @escaping @Sendable (PreviewSession.Outcome, [String: [UInt8]]) async -> Void) {
        self.session = session
        self.watcher = watcher
        self.onShutdown = onShutdown
        self.onOutcome = onOutcome
        (batches, continuation) = AsyncStream<ChangeSet>.makeStream()
    }

    /// Starts watching; saves from now on are rebuilt once `run` runs. Separate from `run`, so a
    /// caller can say "watching" only when it is true.
    public func startWatching() throws {
        let continuation = self.continuation
        try watcher.start { continuation.yield($0) }
    }

    public func run() async throws {
        let continuation = self.continuation
        await withGracefulShutdownHandler {
            var pending = batches.makeAsyncIterator()
            while let batch = await pending.next() {
                let outcome = await Self.rebuildOffThePool(session, batch)
                await onOutcome(outcome, session.files)
            }
        } onGracefulShutdown: {
            watcher.stop()
            continuation.finish()
        }
        watcher.stop()
        await onShutdown()
    }

    /// A rebuild blocks for as long as it takes (seconds for a full rebuild of a large site): on a
    /// thread of its own it leaves the task pool to the requests.
    private static let queue = DispatchQueue(label: "dermasite-rebuild")

    static func rebuildOffThePool(_ session: PreviewSession, _ changes: ChangeSet) async -> PreviewSession.Outcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: session.rebuild(changes)) }
        }
    }

    /// Runs just the loop until SIGINT or SIGTERM: `dermasite build --watch`.
    public func runUntilSignalled() async throws {
        let group = ServiceGroup(configuration: .init(services: [self], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: Logger(label: "dermasite-watch")))
        try await group.run()
    }
}
