/// An element's name as PageText compares it: lower case, and packed into two words when it has
/// at most 16 bytes, as every name the reader looks for has. Pages are mostly map markup, so
/// telling a `<path>` from a `<nav>` should make no String and hash nothing.
struct TagName: Equatable, ExpressibleByStringLiteral {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private let length: Int
    /// The bytes of a name longer than 16.
    private var long: [UInt8]?

    /// `bytes` are ASCII letters and digits (`| 0x20` lower-cases the letters and keeps the digits).
    init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        length = bytes.count
        guard length <= 16 else {
            long = bytes.map { $0 | 0x20 }
            return
        }
        for (index, byte) in bytes.enumerated() {
            let lowered = UInt64(byte | 0x20)
            if index < 8 { low |= lowered << (8 * UInt64(index)) } else { high |= lowered << (8 * UInt64(index - 8)) }
        }
    }

    init(_ text: String) { self.init(Array(text.utf8)) }

    init(stringLiteral text: String) { self.init(text) }

    /// Orders the names of at most 16 bytes (a long name's packed words are zero).
    var packed: (low: UInt64, high: UInt64, length: Int) { (low, high, length) }

    /// The packed words first: the bytes of a long name are compared only when both are long.
    static func == (a: TagName, b: TagName) -> Bool {
        a.low == b.low && a.high == b.high && a.length == b.length && (a.length <= 16 || a.long == b.long)
    }
}
