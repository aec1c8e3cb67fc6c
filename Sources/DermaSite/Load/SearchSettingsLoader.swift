import Yams

/// Reads Content/data/search.yml. The file is optional: without it, search finds the pages' own words.
public enum SearchSettingsLoader {
    public static let path = "Content/data/search.yml"

    public static func load(root: String, fileSystem: FileSystem) -> (SearchSettings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard fileSystem.exists(FilePath.join(root, path)) else { return (SearchSettings(), []) }
        let settings = YAMLFile.read(path, root: root, fileSystem: fileSystem, diagnostics: &diagnostics) { decode($0, reader: &$1) }
        return (settings ?? SearchSettings(), diagnostics)
    }

    static func decode(_ node: Node, reader: inout YAMLReader) -> SearchSettings {
        var settings = SearchSettings()
        for (key, _, value) in reader.fields(of: node, known: ["synonyms", "urgent", "not_urgent"], context: "the search settings")
            where !YAMLReader.isNull(value) {
            if key == "urgent" || key == "not_urgent" {
                let list = phrases(reader.strings(value, key: key), at: value, reader: &reader)
                if key == "urgent" { settings.urgentWords = list } else { settings.notUrgent = list }
                continue
            }
            guard case let .sequence(items) = value else {
                reader.report(.error, at: value, "'synonyms' must be a list of entries with 'words:' and 'find:'")
                continue
            }
            for item in items {
                var words: [String] = [], find: [String] = [], given: Set<String> = []
                for (key, _, value) in reader.fields(of: item, known: ["words", "find"], context: "a synonym") {
                    given.insert(key)
                    let list = phrases(reader.strings(value, key: key), at: value, reader: &reader)
                    if key == "words" { words = list } else { find = list }
                }
                // A list given with only unusable words was reported as such.
                if given.contains("words") && words.isEmpty || given.contains("find") && find.isEmpty { continue }
                guard !words.isEmpty, !find.isEmpty else {
                    reader.report(.error, at: item, "a synonym needs 'words:' (what readers type) and 'find:' (the words the pages use)")
                    continue
                }
                settings.synonyms.append(SearchSettings.Synonym(words: words, find: find, position: reader.position(of: item)))
            }
        }
        return settings
    }

    /// Phrases that make at least one search term: "the" alone would find nothing.
    private static func phrases(_ list: [String], at node: Node, reader: inout YAMLReader) -> [String] {
        list.compactMap { phrase in
            let trimmed = phrase.trimmingWhitespace()
            if SearchWords.terms(trimmed).isEmpty {
                reader.report(.error, at: node, "'\(phrase)' has no word search can use (it is empty or only words such as 'the')")
                return nil
            }
            return trimmed
        }
    }
}
