@testable import DermaSite
import Testing

/// The manifest and the input fingerprint notice a change by a file's hash (beside its size).
@Suite struct ContentHashTests {
    /// Every one-byte change and every truncation of seeded files changes the hash: each byte of a
    /// word and of the tail reaches it.
    @Test func everySmallChangeChangesTheFileHash() {
        var random = SeededRandom(seed: 20261211)
        var seen = Set<String>()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let hash = ContentHash.fileHex(bytes)
            #expect(hash.utf8.count == 16 && seen.insert(hash).inserted, "\(length)")
            for index in bytes.indices {
                for bit in [0, 3, 7] {
                    var changed = bytes
                    changed[index] ^= 1 << bit
                    #expect(ContentHash.fileHex(changed) != hash, "length \(length), byte \(index), bit \(bit)")
                }
            }
            if !bytes.isEmpty { #expect(ContentHash.fileHex(Array(bytes.dropLast())) != hash) }
            #expect(ContentHash.fileHex(bytes + [0]) != hash, "a zero byte added")
        }
    }

    /// The same on every machine and every build. The values were worked out by a separate
    /// Python version of the hash (little-endian words, 64-bit wrapping arithmetic).
    @Test func theFileHashIsPinned() {
        #expect(ContentHash.fileHex(Array("dermatome".utf8)) == "c11b27197d5e5c40")
        #expect(ContentHash.fileHex(Array(String(repeating: "<!doctype html>\n", count: 5).utf8)) == "7e8ed07a0ec14e69")
        #expect(ContentHash.fileHex([]) != ContentHash.fileHex([0]))
    }
}
