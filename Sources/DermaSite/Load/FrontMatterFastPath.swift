/// Most front matter is a few `key: value` lines. Yams builds a node tree for it and checks
/// the keys for duplicates by hashing nodes: 4.7 % of a 400-article build's instructions.
///
/// Front matter made only of such lines, whose values read without question, is decoded here.
/// Anything else goes to Yams as before: a list on lines of its own (`sources`), a comment, an
/// unknown or repeated key, an escape, a value that would be a warning or an error. So every
/// message and position stays Yams's. FrontMatterFastPathTests holds the two to the same
/// result.
enum FrontMatterFastPath {
    /// The keys read here; any other key sends the whole front matter to Yams.
    static let keys: Set<String> = ["title", "description", "date", "updated", "draft", "slug", "order", "tags"]

    /// The front matter, or nil when Yams should read it.
    static func decode(yaml: String, file: String, lineOffset: Int) -> FrontMatter? {
        var meta = FrontMatter()
        var lineNumber = 0
        for line in yaml.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon != line.startIndex,
                  line[..<colon].allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 95 }) else { return nil }
            let key = String(decoding: line[..<colon], as: UTF8.self)
            // A repeated key is an error Yams words.
            guard keys.contains(key), meta.keysPresent.insert(key).inserted else { return nil }
            var rest = line[line.index(after: colon)...]
            guard rest.first == 32 else { return nil }
            while rest.first == 32 { rest = rest.dropFirst() }
            guard !rest.isEmpty, read(key, Array(rest), into: &meta) else { return nil }
            meta.keyPositions[key] = SourcePosition(file: file, line: lineNumber + lineOffset, column: 1)
        }
        return meta.keysPresent.isEmpty ? nil : meta
    }

    /// Sets `key` from its value's bytes; false when Yams should read it.
    private static func read(_ key: String, _ bytes: [UInt8], into meta: inout FrontMatter) -> Bool {
        switch key {
        case "tags":
            if bytes.first == UInt8(ascii: "[") {
                guard bytes.last == UInt8(ascii: "]") else { return false }
                let inner = bytes.dropFirst().dropLast()
                guard !inner.allSatisfy({ $0 == 32 }) else {
                    meta.tags = []
                    return true
                }
                var tags: [String] = []
                for item in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    guard let text = scalar(Array(trimmingSpaces(item)), inList: true)?.text else { return false }
                    let tag = text.trimmingWhitespace()
                    if !tag.isEmpty { tags.append(tag) }
                }
                meta.tags = tags
            } else {
                guard let text = scalar(bytes, inList: false)?.text else { return false }
                let tag = text.trimmingWhitespace()
                meta.tags = tag.isEmpty ? [] : [tag]
            }
        case "draft":
            guard let value = scalar(bytes, inList: false), value.plain else { return false }
            switch value.text.lowercased() {
            case "true", "yes", "on": meta.draft = true
            case "false", "no", "off": meta.draft = false
            default: return false
            }
        case "order":
            // Digits only, not starting with 0 (octal to YAML); a sign, `0x`, `_` or `1:30` go to Yams.
            guard let value = scalar(bytes, inList: false), value.plain, let first = value.text.utf8.first,
                  value.text == "0" || first != 48, value.text.utf8.count <= 18,
                  value.text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(value.text) else { return false }
            meta.order = number
        default:
            guard let text = scalar(bytes, inList: false)?.text else { return false }
            switch key {
            case "title":
                meta.title = text.trimmingWhitespace()
                if meta.title.isEmpty { return false }
            case "description": meta.description = text.trimmingWhitespace()
            case "slug": meta.slug = text
            case "date", "updated":
                guard let day = Day(iso: text.trimmingWhitespace()) else { return false }
                if key == "date" { meta.date = day } else { meta.updated = day }
            default: return false
            }
        }
        return true
    }

    /// Bytes that cannot start a plain scalar, and those a plain list item cannot hold.
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
    private static let flowIndicators = Set(",[]{}:".utf8)

    /// A one-line scalar that means its own text: plain, or quoted with nothing to unescape.
    private static func scalar(_ bytes: [UInt8], inList: Bool) -> (text: String, plain: Bool)? {
        guard let first = bytes.first, let last = bytes.last, printable(bytes) else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard bytes.count >= 2, last == first else { return nil }
            let inner = bytes.dropFirst().dropLast()
            guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            // A list item's comma inside quotes would have split it: the list goes to Yams.
            return (String(decoding: inner, as: UTF8.self), false)
        }
        guard !indicators.contains(first), last != 32, last != UInt8(ascii: ":") else { return nil }
        for index in bytes.indices {
            let byte = bytes[index]
            if inList, flowIndicators.contains(byte) { return nil }
            if byte == UInt8(ascii: ":"), bytes[index + 1] == 32 { return nil }
            if byte == UInt8(ascii: "#"), index > 0, bytes[index - 1] == 32 { return nil }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // Null to YAML: the key is then as if not written.
        if ["~", "null", "Null", "NULL"].contains(text) { return nil }
        return (text, true)
    }

    /// Printable to YAML, with no tab and nothing YAML reads as a line break: no control
    /// characters (C0, DEL, C1), no U+2028 or U+2029, no byte-order mark, no U+FFFE or U+FFFF.
    private static func printable(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF
                || bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return false }
        }
        return true
    }

    private static func trimmingSpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var trimmed = bytes
        while trimmed.first == 32 { trimmed = trimmed.dropFirst() }
        while trimmed.last == 32 { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
