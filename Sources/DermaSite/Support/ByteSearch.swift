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

    /// The index of the first `needle` at or after `start`, or nil: memchr to each place the
    /// needle's byte at `anchor` is, then the whole needle compared. The first byte by default
    /// (attributes are short, and memmem's setup cost more than it saved on them).
    func index(of needle: [UInt8], from start: Int, anchor: Int = 0) -> Int? {
        guard needle.indices.contains(anchor), start >= 0 else { return nil }
        let last = count - needle.count
        var at = start + anchor
        while at - anchor <= last {
            at = index(of: needle[anchor], from: at)
            let candidate = at - anchor
            guard candidate <= last else { return nil }
            if needle.indices.allSatisfy({ self[candidate + $0] == needle[$0] }) { return candidate }
            at += 1
        }
        return nil
    }

    /// `index(of:from:)` for whole texts, anchored on the needle's least common byte (punctuation
    /// before digits before letters and spaces). Stopping at each `d` of an article to look for
    /// `dermatome-` cost more than the rest of loading it; its `-` is far rarer.
    func index(ofInText needle: [UInt8], from start: Int) -> Int? {
        func commonness(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: " "): 2
            case UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: 1
            default: 0
            }
        }
        let anchor = needle.indices.min { commonness(needle[$0]) < commonness(needle[$1]) } ?? 0
        return index(of: needle, from: start, anchor: anchor)
    }
}
