/// The words a reader sees in a page's main part, each with how much it counts for search:
/// the title most, then headings, then the body. Marks in the templates steer it, as Pagefind's do:
/// `data-search-ignore` leaves an element out (the emergency box, repeated on every page), and
/// `data-search-weight="2"` counts an element's words twice (or 0.5 for half).
/// The pages are this generator's own output, checked by the Nu HTML Checker: a small tag scanner
/// that knows void elements, comments and character references reads them.
public struct PageText: Sendable, Equatable {
    public enum Field: Int, Sendable { case body, heading, title }

    public struct Part: Sendable, Equatable {
        public var field: Field
        public var weight: Double
        public var text: String

        public init(field: Field, weight: Double, text: String) {
            self.field = field
            self.weight = weight
            self.text = text
        }
    }

    /// The first `<h1>` of the main part.
    public var title = ""
    public var parts: [Part] = []

    /// The reading text, for the snippet under a result: body and headings in page order.
    public var plain: String {
        parts.filter { $0.field != .title }.map(\.text).joined(separator: " ")
    }

    private static let void: [TagName] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "source", "track", "wbr"]
    /// Elements whose content is not reading text. Navigation (breadcrumbs, "On this page")
    /// repeats what other pages or the headings say.
    private static let skipped: [TagName] = ["script", "style", "svg", "template", "noscript", "button", "form", "select", "nav"]
    private static let headings: [TagName] = ["h2", "h3", "h4", "h5", "h6", "dt", "caption", "figcaption"]

    public init(title: String = "", parts: [Part] = []) {
        self.title = title
        self.parts = parts
    }

    /// Reads the `<main>` element of `html` (the whole document when it has none).
    public init(html: String) {
        self.init(html: Array(html.utf8))
    }

    public init(html bytes: [UInt8]) {
        self.init()
        bytes.withUnsafeBufferPointer { read($0) }
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        struct Open { let name: TagName; let skip: Bool; let field: Field; let weight: Double }
        var stack: [Open] = []
        var textStart = 0, textEnd = 0
        let count = bytes.count
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        var inMain = bytes.index(of: Self.mainOpen, from: 0) == nil
        var titleDone = false
        // The part being read is kept as bytes and made a String once, when it ends: appending
        // each run of text to a String was a seventh of reading a page.
        var openField: Field?, openWeight = 0.0, openText: [UInt8] = []
        // A text run with its white space collapsed is written here, through a pointer: appending
        // byte by byte to an array checked the array's uniqueness each byte, most of reading a page.
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(count, 1))
        defer { scratch.deallocate() }
        func endPart() {
            if let field = openField { parts.append(Part(field: field, weight: openWeight, text: String(decoding: openText, as: UTF8.self))) }
        }
        defer { endPart() }
        func take(_ words: UnsafeBufferPointer<UInt8>, field: Field, weight: Double) {
            if field == .title, !titleDone {
                let text = String(decoding: words, as: UTF8.self)
                title += title.isEmpty ? text : " " + text
            }
            if openField == field, openWeight == weight {
                openText.append(0x20)
                openText.append(contentsOf: words)
            } else {
                endPart()
                (openField, openWeight) = (field, weight)
                openText.removeAll(keepingCapacity: true)
                openText.append(contentsOf: words)
            }
        }
        func flush() {
            defer { textStart = textEnd }
            guard inMain, textEnd > textStart else { return }
            let top = stack.last ?? Open(name: TagName([UInt8]()), skip: false, field: .body, weight: 1)
            guard !top.skip, top.weight > 0 else { return }
            // Runs of ASCII white space become one space, on the bytes (Character splitting is slow).
            var length = 0
            var ampersand = false
            for index in textStart..<textEnd {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    if length > 0, scratch[length - 1] != 0x20 { scratch[length] = 0x20; length += 1 }
                } else {
                    if byte == UInt8(ascii: "&") { ampersand = true }
                    scratch[length] = byte
                    length += 1
                }
            }
            if length > 0, scratch[length - 1] == 0x20 { length -= 1 }
            guard length > 0 else { return }
            let words = UnsafeBufferPointer(rebasing: scratch[0..<length])
            if ampersand {
                Array(Self.decodeReferences(String(decoding: words, as: UTF8.self)).utf8).withUnsafeBufferPointer {
                    take($0, field: top.field, weight: top.weight)
                }
            } else {
                take(words, field: top.field, weight: top.weight)
            }
        }
        var index = 0
        while index < count {
            guard bytes[index] == lt else {
                textStart = index
                index = bytes.index(of: lt, from: index)
                textEnd = index
                flush()
                continue
            }
            if index + 3 < count, bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                index = bytes.index(of: Self.commentClose, from: index).map { $0 + 3 } ?? count
                continue
            }
            let close = bytes.index(of: gt, from: index)
            let tagStart = min(index + 1, close)
            index = min(close + 1, count)
            let isEnd = tagStart < close && bytes[tagStart] == slash
            var nameEnd = isEnd ? tagStart + 1 : tagStart
            let nameStart = nameEnd
            while nameEnd < close && Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart else { continue }
            let name = TagName(UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]))
            if isEnd {
                if name == Self.main { inMain = false }
                if name == Self.h1, !title.isEmpty { titleDone = true }
                if let at = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(at...) }
                continue
            }
            if name == Self.main { inMain = true }
            // What a script, style or template holds is not markup: on to its end tag.
            let kind = Self.kind(of: name)
            if kind.contains(.raw) {
                let end = [lt, slash] + bytes[nameStart..<nameEnd].map { $0 | 0x20 }
                index = bytes.index(of: end, from: index) ?? count
                continue
            }
            guard !kind.contains(.void), bytes[close - 1] != slash else { continue }
            let parent = stack.last
            var skip = (parent?.skip ?? false) || kind.contains(.skipped)
            var weight = parent?.weight ?? 1
            // Attributes are read only when the tag has any, and not inside an element left out
            // (its words are left out whatever they say: a map's long path data were searched
            // three times a tag).
            if !skip, close - nameEnd > 1 {
                let attributes = UnsafeBufferPointer(rebasing: bytes[nameEnd..<close])
                skip = skip || attributes.index(of: Self.ignoreMark, from: 0) != nil
                    || attributes.index(of: Self.ariaHidden, from: 0) != nil
                if let at = attributes.index(of: Self.weightMark, from: 0) {
                    let value = attributes[(at + Self.weightMark.count)...].prefix { $0 != UInt8(ascii: "\"") }
                    // A weight from 0 (left out) to 10; anything else counts as 1.
                    let given = Double(String(decoding: value, as: UTF8.self)) ?? 1
                    weight *= given.isFinite && given >= 0 && given <= 10 ? given : 1
                }
            }
            var field = parent?.field ?? .body
            if name == Self.h1 { field = .title } else if kind.contains(.heading), field == .body { field = .heading }
            stack.append(Open(name: name, skip: skip, field: field, weight: weight))
        }
    }

    private static let main = TagName("main")
    private static let mainOpen = Array("<main".utf8)
    private static let h1 = TagName("h1")
    private static let raw: [TagName] = ["script", "style", "template"]

    private struct Kind: OptionSet {
        let rawValue: UInt8
        static let void = Kind(rawValue: 1), skipped = Kind(rawValue: 2), heading = Kind(rawValue: 4), raw = Kind(rawValue: 8)
    }

    /// The four lists as one table in the order of the names' packed words, searched by halves
    /// once a tag: looking a tag up in each list in turn was a hundredth of a large site's build.
    private static let kinds: [(name: TagName, kind: Kind)] = {
        var table: [(name: TagName, kind: Kind)] = []
        for (names, kind) in [(void, Kind.void), (skipped, .skipped), (headings, .heading), (raw, .raw)] {
            for name in names {
                if let at = table.firstIndex(where: { $0.name == name }) { table[at].kind.insert(kind) } else { table.append((name, kind)) }
            }
        }
        return table.sorted { $0.name.packed < $1.name.packed }
    }()

    private static func kind(of name: TagName) -> Kind {
        let key = name.packed
        var low = 0, high = kinds.count
        while low < high {
            let middle = (low + high) / 2
            if kinds[middle].name.packed < key { low = middle + 1 } else { high = middle }
        }
        return low < kinds.count && kinds[low].name == name ? kinds[low].kind : []
    }
    private static let ignoreMark = Array("data-search-ignore".utf8)
    private static let ariaHidden = Array("aria-hidden=\"true\"".utf8)
    private static let weightMark = Array("data-search-weight=\"".utf8)
    private static let commentClose = Array("-->".utf8)

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Built once: building it for every `&` was most of the decoding.
    private static let namedReferences = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
                                          "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "rsquo": "\u{2019}",
                                          "lsquo": "\u{2018}"]

    /// `&amp;`, `&#39;`, `&#x2019;` and the few named references the templates write.
    static func decodeReferences(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }  // Foundation's contains(String) is a UTF-16 search
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semi]
            if let value = namedReferences[String(name)] {
                out += value
            } else if name.hasPrefix("#"), let code = name.hasPrefix("#x") || name.hasPrefix("#X")
                        ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&" + name + ";"
            }
            rest = after[after.index(after: semi)...]
        }
        return out + rest
    }
}
