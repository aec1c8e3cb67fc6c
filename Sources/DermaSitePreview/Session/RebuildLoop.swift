import Foundation
import Synchronization
import DermaSite
import Logging
import ServiceLifecycle

/// Turns the watcher's batches into rebuilds, one at a time, and hands each outcome on. Batches
/// that arrive during a rebuild are merged into one, so a burst of saves costs one more rebuild
/// (of the burst's final state), however long the burst.
public struct RebuildLoop: Service {
    let session: PreviewSession
    let watcher: any FileWatcher
    let onShutdown: @Sendable () async -> Void
    let onOutcome: @Sendable (PreviewSession.Outcome, [String: [UInt8]]) async -> Void
    /// Changes not yet rebuilt, merged; the doorbell rings (at most one ring kept) when there are some.
    private let pending = PendingChanges()
    private let doorbell: AsyncStream<Void>
    private let ring: AsyncStream<Void>.Continuation
    /// The preview server builds first, once its port is bound: the loop waits for that build.
    private let waitsForFirstBuild: Bool
    private let firstBuild: AsyncStream<Void>
    private let firstBuildEnded: AsyncStream<Void>.Continuation
    /// Set by the command line: after a shutdown signal, exit within this time even if a rebuild is
    /// still running (the output is whole at any moment, so nothing is lost). Nil in tests.
    public var exitAfterShutdownSignal: Double?

    public init(session: PreviewSession, watcher: any FileWatcher, waitsForFirstBuild: Bool = false,
                onShutdown: @escaping @Sendable () async -> Void = {},
                onOutcome: @escaping @Sendable (PreviewSession.Outcome, [String: [UInt8]]) async -> Void) {
        self.session = session
        self.watcher = watcher
        self.waitsForFirstBuild = waitsForFirstBuild
        self.onShutdown = onShutdown
        self.onOutcome = onOutcome
        (doorbell, ring) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        (firstBuild, firstBuildEnded) = AsyncStream<Void>.makeStream()
    }

    /// With `waitsForFirstBuild`: the first build is done, rebuilds may start.
    public func firstBuildDone() {
        firstBuildEnded.finish()
    }

    /// Starts watching; saves from now on are rebuilt once `run` runs. Separate from `run`, so a
    /// caller can say "watching" only when it is true.
    public func startWatching() throws {
        let (pending, ring) = (self.pending, self.ring)
        try watcher.start { batch in
            pending.add(batch)
            ring.yield()
        }
    }

    public func run() async throws {
        let (ring, exitAfter, firstBuildEnded) = (self.ring, exitAfterShutdownSignal, self.firstBuildEnded)
        await withGracefulShutdownHandler {
            if waitsForFirstBuild {
                for await _ in firstBuild {}
            }
            var rings = doorbell.makeAsyncIterator()
            var cancelledInARow = 0
            while await rings.next() != nil {
                guard let changes = pending.take() else { continue }
                // A newer save makes this rebuild useless: stop it, unless saves keep coming so
                // fast that nothing would ever be shown.
                let pending = self.pending, mayStop = cancelledInARow < 3
                let outcome = await Self.rebuildOffThePool(session, changes) { mayStop && pending.hasChanges }
                if outcome.cancelled {
                    cancelledInARow += 1
                    pending.add(changes)  // merged with the newer ones; the doorbell has already rung
                    continue
                }
                cancelledInARow = 0
                await onOutcome(outcome, session.files)
            }
        } onGracefulShutdown: {
            watcher.stop()
            ring.finish()
            firstBuildEnded.finish()
            if let exitAfter {
                DispatchQueue.global().asyncAfter(deadline: .now() + exitAfter) { exit(0) }
            }
        }
        watcher.stop()
        await onShutdown()
    }

    /// A rebuild blocks for as long as it takes (seconds for a full rebuild of a large site): on a
    /// thread of its own it leaves the task pool to the requests.
    private static let queue = DispatchQueue(label: "dermasite-rebuild")

    static func rebuildOffThePool(_ session: PreviewSession, _ changes: ChangeSet,
                                  shouldStop: (@Sendable () -> Bool)? = nil) async -> PreviewSession.Outcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: session.rebuild(changes, shouldStop: shouldStop)) }
        }
    }

    /// Runs just the loop until SIGINT or SIGTERM: `dermasite build --watch`.
    public func runUntilSignalled() async throws {
        let group = ServiceGroup(configuration: .init(services: [self], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: Logger(label: "dermasite-watch")))
        try await group.run()
    }
}

/// The watcher's batches not yet rebuilt, merged into one change set.
final class PendingChanges: Sendable {
    private let changes = Mutex<ChangeSet?>(nil)

    func add(_ batch: ChangeSet) {
        changes.withLock { $0 = $0.map { $0.merged(with: batch) } ?? batch }
    }

    var hasChanges: Bool { changes.withLock { $0 != nil } }

    func take() -> ChangeSet? {
        changes.withLock { changes in
            defer { changes = nil }
            return changes
        }
    }
}
