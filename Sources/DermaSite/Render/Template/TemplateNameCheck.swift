/// A value a template names that pages are never given (`{{site.publsher}}`) shows as nothing,
/// silently: each is a warning at its tag, with the nearest real name. The names are checked
/// against what every page is given under `site` and `footer`, taken from those values' types.
enum TemplateNameCheck {
    static func check(_ source: TemplateSource, site: Site) -> [Diagnostic] {
        let frame = PageFrame(site: site)
        let known = ["site": TemplateEncoder.values(frame.site).keys.sorted(),
                     "footer": TemplateEncoder.values(FooterValues(site.config.footer, current: "", baseURL: frame.baseURL)).keys.sorted()]
        var found: [Diagnostic] = []
        for file in source.files {
            for tag in names(in: file.text) {
                let parts = tag.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2, let keys = known[parts[0]], !keys.contains(parts[1]) else { continue }
                let hint = Suggestion.closest(to: parts[1], in: keys).map { "; did you mean \(parts[0]).\($0)?" } ?? ""
                found.append(.warning(file.path, line: tag.line, column: tag.column,
                    "'\(parts[0]).\(parts[1])' is not a value pages are given, so it shows as nothing\(hint)"))
            }
        }
        return found
    }

    typealias Name = (name: String, line: Int, column: Int)

    /// Every value tag's name (`{{x}}`, `{{{x}}}`, `{{&x}}`, `{{#x}}`, `{{^x}}`) with where it is.
    /// Lines of ASCII are read as bytes (reading Characters with Foundation's search was 3 % of
    /// a bundled build); others by Characters, as the column counts them.
    static func names(in text: String) -> [Name] {
        TemplateSet.byLine(text, ascii: asciiNames, characters: characterNames)
    }

    static func asciiNames(_ line: [UInt8], line number: Int) -> [Name] {
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
        func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
        let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var out: [Name] = []
        var i = 0
        while i + 1 < line.count {
            guard line[i] == brace, line[i + 1] == brace else {
                i += 1
                continue
            }
            var end = i + 2
            while end + 1 < line.count, !(line[end] == close && line[end + 1] == close) { end += 1 }
            guard end + 1 < line.count else { break }
            var first = i + 2, last = end
            while first < last, isSpace(line[first]) { first += 1 }
            while last > first, isSpace(line[last - 1]) { last -= 1 }
            if first < last, line[first] == brace { first += 1 }
            if first < last, [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "&")].contains(line[first]) {
                first += 1
                while first < last, isSpace(line[first]) { first += 1 }
            }
            if first < last, isLetter(line[first]) {
                out.append((String(decoding: line[first..<last], as: UTF8.self), number, i + 1))
            }
            i = end + 2
        }
        return out
    }

    static func characterNames(_ line: Substring, line number: Int) -> [Name] {
        var out: [Name] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            var name = rest[open.upperBound..<close.lowerBound].trimmingWhitespace()
            if name.hasPrefix("{") { name.removeFirst() }
            if let sigil = name.first, "#^&".contains(sigil) { name = String(name.dropFirst()).trimmingWhitespace() }
            if !name.isEmpty, name.first.map({ $0.isLetter }) == true {
                out.append((name, number, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
            }
            rest = rest[close.upperBound...]
        }
        return out
    }
}
