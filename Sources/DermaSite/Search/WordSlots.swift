/// One page's words, each mapped to a number, keyed by the word's UTF-8 bytes. Scoring reads
/// every word of every page: a `[String: Int]` made a String of each word and hashed it with
/// seeded SipHash, which was most of the scoring's cost. Here a word is hashed with FNV-1a where
/// it lies and copied once, when it is first seen.
struct WordSlots {
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var values: [Int] = []
    /// An index into `values`, or -1 for an empty bucket; the count is a power of two.
    private var buckets: [Int]

    init() {
        buckets = Array(repeating: -1, count: 512)
    }

    /// The number for `word`, made by `make` (and kept) the first time the word is seen.
    mutating func value(for word: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Int) -> Int {
        let mask = buckets.count - 1
        var bucket = Self.hash(word) & mask
        while true {
            let entry = buckets[bucket]
            if entry < 0 { break }
            if lengths[entry] == word.count, arena.withUnsafeBufferPointer({ stored in
                word.isEmpty || memcmp(stored.baseAddress! + starts[entry], word.baseAddress!, word.count) == 0
            }) {
                return values[entry]
            }
            bucket = (bucket + 1) & mask
        }
        let value = make(word)
        buckets[bucket] = values.count
        starts.append(arena.count)
        lengths.append(word.count)
        values.append(value)
        arena.append(contentsOf: word)
        if values.count * 2 > buckets.count { grow() }
        return value
    }

    /// Gives the word added last another number (the caller found a better one after `make`).
    mutating func replaceLast(with value: Int) {
        values[values.count - 1] = value
    }

    private mutating func grow() {
        buckets = Array(repeating: -1, count: buckets.count * 2)
        let mask = buckets.count - 1
        arena.withUnsafeBufferPointer { stored in
            for entry in values.indices {
                var bucket = Self.hash(stored[starts[entry]..<(starts[entry] + lengths[entry])]) & mask
                while buckets[bucket] >= 0 { bucket = (bucket + 1) & mask }
                buckets[bucket] = entry
            }
        }
    }

    /// FNV-1a, its high bits folded in (the table takes the low ones).
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
