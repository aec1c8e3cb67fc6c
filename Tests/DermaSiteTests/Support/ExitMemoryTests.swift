import Testing
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
