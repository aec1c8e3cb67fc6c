/// FNV-1a, 64 bit: a stable fingerprint for asset names and the output manifest.
/// Not a security hash; it only has to change when the bytes change.
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
        let value = fnv1a64(bytes)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
