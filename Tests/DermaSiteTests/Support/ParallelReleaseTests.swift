import Testing
import Synchronization
@testable import DermaSite

/// Parallel.release ends each item's last reference once, on whichever core: every object is
/// freed by the time it returns, none twice (a double release would crash the run). The shares
/// go to other cores only on a machine with two or more; on one, the items go as the call ends.
@Suite struct ParallelReleaseTests {
    private final class Counted: Sendable {
        static let freed = Mutex(0)
        deinit { Self.freed.withLock { $0 += 1 } }
    }

    @Test func everyItemIsFreedOnceBeforeItReturns() {
        for count in [0, 1, 255, 512, 5001] {
            Counted.freed.withLock { $0 = 0 }
            var items: [Counted?] = (0..<count).map { _ in Counted() }
            items.append(nil)
            Parallel.release(consume items)
            #expect(Counted.freed.withLock { $0 } == count, "\(count) items")
        }
    }
}
