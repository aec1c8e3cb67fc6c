import Testing
import Synchronization
@testable import DermaSite

@Suite struct ExitMemoryTests {
    final class Marker: Sendable {}

    @Test func aKeptValueOutlivesItsLastReference() {
        weak var kept: Marker?
        weak var dropped: Marker?
        do {
            let a = Marker(), b = Marker()
            kept = a
            dropped = b
            ExitMemory.keep(a)
        }
        #expect(kept != nil)
        #expect(dropped == nil)
    }
}

/// Parallel.release ends each item's last reference once, on whichever core: every object is
/// freed by the time it returns, none twice (a double release would crash the run).
@Suite struct ParallelReleaseTests {
    private final class Counted {
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
