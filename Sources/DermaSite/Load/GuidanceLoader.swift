import Yams

/// Reads the glossary and the red-flag warning signs from Content/data. Both are optional.
public enum GuidanceLoader {
    public static let glossaryPath = "Content/data/glossary.yml"
    public static let redFlagsPath = "Content/data/red-flags.yml"

    public static func load(root: String, fileSystem: FileSystem) -> (Glossary?, RedFlags?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let glossary = read(glossaryPath, root: root, fileSystem: fileSystem, diagnostics: &diagnostics) { parseGlossary($0, reader: &$1) }
        let flags = read(redFlagsPath, root: root, fileSystem: fileSystem, diagnostics: &diagnostics) { RedFlagsDecoder.decode($0, reader: &$1) }
        return (glossary ?? nil, flags ?? nil, diagnostics)
    }

    private static func read<T>(_ path: String, root: String, fileSystem: FileSystem, diagnostics: inout [Diagnostic],
                                _ body: (Node, inout YAMLReader) -> T) -> T? {
        guard fileSystem.exists(FilePath.join(root, path)) else { return nil }  // both files are optional
        return YAMLFile.read(path, root: root, fileSystem: fileSystem, diagnostics: &diagnostics, body)
    }

    static func parseGlossary(_ node: Node, reader: inout YAMLReader) -> Glossary? {
        let top = reader.fields(of: node, known: ["terms"], context: "the glossary")
        guard let list = top.first(where: { $0.key == "terms" })?.value, case let .sequence(items) = list else {
            reader.report(.error, at: node, "missing 'terms:', the list of words and their definitions")
            return nil
        }
        var terms: [Glossary.Term] = []
        var seen: [String: Int] = [:]
        for item in items {
            var id: String?, term: String?, definition: String?
            for (key, _, value) in reader.fields(of: item, known: ["id", "term", "definition"], context: "a glossary entry") {
                let text = reader.string(value, key: key)?.trimmingWhitespace()
                switch key {
                case "id": id = text
                case "term": term = text
                default: definition = text
                }
            }
            let position = reader.position(of: item)
            guard let id, let term, let definition, !definition.isEmpty else {
                reader.report(.error, at: item, "a glossary entry needs 'id', 'term' and 'definition'")
                continue
            }
            if Slug.make(id) != id {
                reader.report(.error, at: item, "glossary id '\(id)' must be lower-case letters, digits and hyphens, such as '\(Slug.make(id))'")
                continue
            }
            if let line = seen[id] {
                reader.report(.error, at: item, "glossary id '\(id)' is defined twice (first on line \(line))")
                continue
            }
            seen[id] = position.line
            terms.append(.init(id: id, term: term, definition: definition, position: position))
        }
        return Glossary(terms: terms)
    }
}
