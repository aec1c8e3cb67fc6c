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

    /// The index of the first `needle` at or after `start`, or nil: memchr to each place its
    /// first byte is, then the rest compared (attributes are short, and memmem's setup cost more
    /// than it saved on them).
    func index(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        let last = count - needle.count
        var at = start
        while at <= last {
            at = index(of: first, from: at)
            guard at <= last else { return nil }
            var matched = 1
            while matched < needle.count && self[at + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return at }
            at += 1
        }
        return nil
    }
}
