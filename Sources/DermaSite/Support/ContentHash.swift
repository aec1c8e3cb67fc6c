/// Stable fingerprints: FNV-1a, 64 bit, for asset names, and a faster hash of whole files for the
/// manifest and the input fingerprint. Not security hashes; they only have to change when the
/// bytes change.
public enum ContentHash {
    public static func fnv1a64<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        hex(fnv1a64(bytes))
    }

    /// A hash of a whole file's bytes, eight at a time, for what only the build itself reads
    /// back (the manifest, the input fingerprint): FNV-1a, a byte at a time, was 1.6 % of a
    /// build. Asset names keep FNV-1a, as the pages already name them by it.
    public static func fileHex(_ bytes: [UInt8]) -> String {
        hex(bytes.withUnsafeBytes(words64))
    }

    static func words64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))) &* multiplier
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* multiplier
        // MurmurHash3's finaliser: every input bit reaches every output bit.
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
