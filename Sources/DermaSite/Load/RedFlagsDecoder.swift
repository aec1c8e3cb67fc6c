import Yams

/// red-flags.yml: the cauda equina warning signs, a one-line summary for the emergency box, and
/// the other emergencies. Numbers and services are placeholders filled from site.yml.
enum RedFlagsDecoder {
    static let required = ["title", "intro", "signs", "advice", "why", "sources"]
    static let keys = required + ["summary", "others"]

    static func decode(_ node: Node, reader: inout YAMLReader) -> RedFlags? {
        var values: [String: Node] = [:]
        for (key, _, value) in reader.fields(of: node, known: keys, context: "the red flags") where !YAMLReader.isNull(value) {
            values[key] = value
        }
        let missing = required.filter { values[$0] == nil }
        if !missing.isEmpty {
            reader.report(.error, at: node, "the red flags are missing \(missing.map { "'\($0)'" }.joined(separator: ", "))")
            return nil
        }
        func text(_ key: String) -> String {
            guard let node = values[key] else { return "" }
            let value = reader.string(node, key: key)?.trimmingWhitespace() ?? ""
            checkPlaceholders(value, at: node, reader: &reader)
            return value
        }
        let signs = reader.strings(values["signs"]!, key: "signs")
        for sign in signs { checkPlaceholders(sign, at: values["signs"]!, reader: &reader) }
        let sources = FrontMatterDecoder.sources(values["sources"]!, reader: &reader)
        if signs.isEmpty { reader.report(.error, at: values["signs"], "'signs' needs at least one warning sign") }
        let others = values["others"].map { decodeOthers($0, reader: &reader) } ?? []
        return RedFlags(title: text("title"), intro: text("intro"), signs: signs, advice: text("advice"), why: text("why"),
                        summary: text("summary"), others: others, sources: sources)
    }

    private static func decodeOthers(_ node: Node, reader: inout YAMLReader) -> [OtherEmergency] {
        guard case let .sequence(items) = node else {
            reader.report(.error, at: node, "'others' must be a list of '- level: ...', 'name: ...' and 'text: ...' entries")
            return []
        }
        return items.compactMap { item in
            var level: CareLevel?, name: String?, text: String?
            for (key, _, value) in reader.fields(of: item, known: ["level", "name", "text"], context: "an emergency") {
                let string = reader.string(value, key: key)?.trimmingWhitespace()
                switch key {
                case "level":
                    level = string.flatMap(CareLevel.init(rawValue:))
                    if level == nil { reader.report(.error, at: value, "'level' is emergency, urgent or non-urgent") }
                case "name": name = string
                default:
                    text = string
                    if let string { checkPlaceholders(string, at: value, reader: &reader) }
                }
            }
            guard let level, let name, !name.isEmpty, let text, !text.isEmpty else {
                reader.report(.error, at: item, "an emergency needs 'level', 'name' and 'text'")
                return nil
            }
            return OtherEmergency(level: level, name: name, text: text)
        }
    }

    /// A number written into the text would be wrong for a site in another country; a misspelt
    /// placeholder would be shown to readers as it is.
    static func checkPlaceholders(_ text: String, at node: Node, reader: inout YAMLReader) {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let close = rest[open...].firstIndex(of: "}") ?? rest.endIndex
            let name = String(rest[open..<min(rest.index(after: close), rest.endIndex)])
            if !EmergencySettings.placeholders.contains(name) {
                reader.report(.error, at: node, "unknown placeholder '\(name)': use \(EmergencySettings.placeholders.joined(separator: ", "))")
            }
            rest = close < rest.endIndex ? rest[rest.index(after: close)...] : ""
        }
        let words = text.split(whereSeparator: { !$0.isNumber })
        if let number = words.first(where: { ["999", "911", "112", "111", "000"].contains($0) }) {
            reader.report(.error, at: node, "write '{call}' or '{urgent_line}' instead of '\(number)': the numbers come from 'emergency:' in site.yml, so a site for another country changes them in one place")
        }
    }
}
