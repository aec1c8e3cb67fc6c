/// Escaping for text the generator writes itself (templates escape through Mustache).
public enum Escape {
    /// Safe in HTML text and in double- or single-quoted attributes, and in XML.
    public static func html(_ text: String) -> String {
        escape(text, dropXMLInvalid: false)
    }

    /// XML 1.0 forbids most control characters even when escaped: drop them.
    public static func xml(_ text: String) -> String {
        escape(text, dropXMLInvalid: true)
    }

    // Works on UTF-8 bytes: every page escapes dozens of values, and feeds and maps whole pages
    // of text. Most values need nothing and are handed back as they are.
    private static func escape(_ text: String, dropXMLInvalid: Bool) -> String {
        var text = text
        let mask: UInt8 = dropXMLInvalid ? 3 : 1
        let escaped = work.withUnsafeBufferPointer { work in text.withUTF8 { bytes -> String? in
            func needsWork(_ b: UInt8) -> Bool { work[Int(b)] & mask != 0 }
            guard let first = bytes.firstIndex(where: needsWork) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            // Runs that need nothing are copied whole: a feed escapes whole articles.
            var start = 0, i = first
            while i < bytes.count {
                let b = bytes[i]
                guard needsWork(b) else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                i += 1
                if let entity = entity(b) {
                    out.append(contentsOf: entity)
                } else if b == 0xEF {  // U+FFFE and U+FFFF are dropped; other characters kept
                    if i + 1 < bytes.count, bytes[i] == 0xBF, bytes[i + 1] == 0xBE || bytes[i + 1] == 0xBF {
                        i += 2
                    } else {
                        out.append(b)
                    }
                }  // else a control character XML forbids: dropped
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: out, as: UTF8.self)
        } }
        return escaped ?? text
    }

    /// `html(text)` written onto the end of `out`: the compiled templates' page buffer.
    static func appendHTML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                guard let entity = entity(bytes[index]) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: entity)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// The five characters HTML escapes, as their entities.
    private static func entity(_ b: UInt8) -> [UInt8]? {
        switch b {
        case UInt8(ascii: "&"): amp
        case UInt8(ascii: "<"): lt
        case UInt8(ascii: ">"): gt
        case UInt8(ascii: "\""): quot
        case UInt8(ascii: "'"): apos
        default: nil
        }
    }

    /// Per byte: 1 for the five characters HTML escapes, 2 for what XML 1.0 forbids (control
    /// characters but tab, line feed and carriage return) and 0xEF, which may start U+FFFE or U+FFFF.
    /// One lookup a byte: a feed escapes whole articles, maps and all.
    private static let work: [UInt8] = (0...255).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): 1
        case 9, 10, 13: 0
        case 0..<0x20, 0xEF: 2
        default: 0
        }
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
}

extension String {
    /// Every occurrence of `target` replaced, matching UTF-8 bytes exactly.
    func replacingAll(_ target: String, with replacement: String) -> String {
        var text = self
        text.makeContiguousUTF8()
        guard !target.isEmpty, var found = text.utf8Offset(of: target) else { return text }
        let bytes = Array(text.utf8), width = target.utf8.count
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + replacement.utf8.count)
        var start = 0
        while true {
            out.append(contentsOf: bytes[start..<found])
            out.append(contentsOf: replacement.utf8)
            start = found + width
            guard let next = text.utf8Offset(of: target, from: start) else { break }
            found = next
        }
        out.append(contentsOf: bytes[start...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte offset of the first occurrence of `needle`, searching UTF-8 directly (Foundation's
    /// `range(of:)` converts the whole text to UTF-16 first, which dominated on large pages).
    /// memmem (ByteSearch): most searches are of whole articles for a marker that is not there.
    func utf8Offset(of needle: String, from start: Int = 0) -> Int? {
        let pattern = Array(needle.utf8)
        return utf8.withContiguousStorageIfAvailable { $0.index(ofInText: pattern, from: max(start, 0)) } ?? nil
    }
}
