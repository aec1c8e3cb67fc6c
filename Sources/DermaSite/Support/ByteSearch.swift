import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte` at or after `start`, or `count` when there is none. memchr,
    /// for the scanners that skip long runs of text to the next `<` or `>`.
    func index(of byte: UInt8, from start: Int) -> Int {
        guard start < count, let base = baseAddress, let hit = memchr(base + start, Int32(byte), count - start) else {
            return count
        }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
