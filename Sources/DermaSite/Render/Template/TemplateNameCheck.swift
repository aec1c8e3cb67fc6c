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

    /// Every value tag's name (`{{x}}`, `{{{x}}}`, `{{&x}}`, `{{#x}}`, `{{^x}}`) with where it is.
    static func names(in text: String) -> [(name: String, line: Int, column: Int)] {
        var out: [(String, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var name = rest[open.upperBound..<close.lowerBound].trimmingWhitespace()
                if name.hasPrefix("{") { name.removeFirst() }
                if let sigil = name.first, "#^&".contains(sigil) { name = String(name.dropFirst()).trimmingWhitespace() }
                if !name.isEmpty, name.first.map({ $0.isLetter }) == true {
                    out.append((name, index + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                }
                rest = rest[close.upperBound...]
            }
        }
        return out
    }
}
