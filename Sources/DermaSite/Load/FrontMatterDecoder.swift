import Yams

/// Turns front-matter YAML into `FrontMatter`, with a diagnostic for every problem.
public enum FrontMatterDecoder {
    /// `search: false`, `true`, or a weight from 0.1 to 10.
    static func searchWeight(_ node: Node, reader: inout YAMLReader) -> Double {
        let text = node.scalar?.string.lowercased() ?? ""
        if ["false", "no"].contains(text) { return 0 }
        if ["true", "yes"].contains(text) { return 1 }
        if let weight = Double(text), weight >= 0.1, weight <= 10 { return weight }
        reader.report(.error, at: node, "'search' is false (leave this page out of site search), true, or a weight from 0.1 to 10 (2 counts its words twice)")
        return 1
    }

    /// `fastPath: false` reads everything with Yams (the tests compare the two).
    public static func decode(yaml: String, file: String, lineOffset: Int = 1, fastPath: Bool = true) -> (FrontMatter, [Diagnostic]) {
        if fastPath, let meta = FrontMatterFastPath.decode(yaml: yaml, file: file, lineOffset: lineOffset) { return (meta, []) }
        var reader = YAMLReader(file: file, lineOffset: lineOffset)
        var meta = FrontMatter()
        guard let root = reader.compose(yaml) else {
            meta.unreadable = !reader.diagnostics.isEmpty
            return (meta, reader.diagnostics)
        }
        if YAMLReader.isNull(root) { return (meta, reader.diagnostics) }
        if case .mapping = root {} else { meta.unreadable = true }
        for (key, keyNode, value) in reader.fields(of: root, known: FrontMatter.knownKeys, context: "front matter") {
            meta.keyPositions[key] = reader.position(of: keyNode)
            if YAMLReader.isNull(value) { continue }
            meta.keysPresent.insert(key)
            switch key {
            case "title":
                meta.title = reader.string(value, key: key)?.trimmingWhitespace() ?? ""
                if meta.title.isEmpty, case .scalar = value { reader.report(.error, at: value, "'title' is empty") }
            case "description": meta.description = reader.string(value, key: key)?.trimmingWhitespace() ?? ""
            case "date": meta.date = reader.day(value, key: key)
            case "updated": meta.updated = reader.day(value, key: key)
            case "draft": meta.draft = reader.bool(value, key: key) ?? false
            case "slug": meta.slug = reader.string(value, key: key)
            case "order": meta.order = reader.int(value, key: key)
            case "tags": meta.tags = reader.strings(value, key: key).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            case "reviewed", "next_review", "reviewer":
                reader.report(.error, at: keyNode, "'\(key)' is no longer written in the article: a clinician's review is recorded with 'dermasite review \(file) --reviewer NAME --role ROLE', which also records what they read; delete this line")
            case "sources": meta.sources = sources(value, reader: &reader)
            // Jekyll's redirect_from plugin writes the same list.
            case "aliases", "redirect_from":
                meta.aliases += reader.strings(value, key: key).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                meta.keyPositions["aliases"] = reader.position(of: keyNode)
            case "search": meta.searchWeight = searchWeight(value, reader: &reader)
            default: break
            }
        }
        return (meta, reader.diagnostics)
    }

    static func sources(_ node: Node, reader: inout YAMLReader) -> [Source] {
        guard case let .sequence(items) = node else {
            reader.report(.error, at: node, "'sources' must be a list; start each source with '- title: ...'")
            return []
        }
        return sources(items: Array(items), reader: &reader)
    }

    /// The sources of a list's items. A caller with items of its own passes them here: a Node
    /// made in code takes Yams's default resolver, whose first use compiles seven regular
    /// expressions (ICU's start-up with them), a few milliseconds of a bundled build.
    static func sources(items: [Node], reader: inout YAMLReader) -> [Source] {
        var out: [Source] = []
        for item in items {
            if case .scalar = item {
                if let title = reader.string(item, key: "sources") { out.append(Source(title: title)) }
                continue
            }
            var source = Source(title: "")
            source.position = reader.position(of: item)
            for (key, _, value) in reader.fields(of: item, known: Source.knownKeys, context: "a source") {
                if YAMLReader.isNull(value) { continue }
                switch key {
                case "title": source.title = reader.string(value, key: key) ?? ""
                case "authors": source.authors = reader.string(value, key: key)
                case "publisher": source.publisher = reader.string(value, key: key)
                case "year": source.year = reader.int(value, key: key)
                case "url":
                    if let url = reader.string(value, key: key) {
                        if isWebAddress(url) {
                            source.url = url
                        } else {
                            reader.report(.error, at: value, url.lowercased().hasPrefix("http")
                                ? "a source's 'url' has a space, a quote or '<' or '>' in it, which a web address cannot; write them as %20, %22, %3C and %3E"
                                : "a source's 'url' must start with https:// or http://")
                        }
                    }
                case "doi":
                    if let doi = reader.string(value, key: key)?.trimmingWhitespace() {
                        if isDOI(doi) {
                            source.doi = doi
                        } else {
                            reader.report(.error, at: value, "a 'doi' looks like 10.1002/ca.20636 (without https://doi.org/)")
                        }
                    }
                case "checked": source.checked = reader.day(value, key: key)
                default: break
                }
            }
            if source.title.isEmpty {
                reader.report(.error, at: item, "a source needs a 'title'")
            } else {
                out.append(source)
            }
        }
        return out
    }

    /// `10.` then a registrant code of digits (dots allowed), a slash and a suffix with no spaces.
    static func isDOI(_ text: String) -> Bool {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].hasPrefix("10."), parts[0].count > 3, !parts[1].isEmpty else { return false }
        let registrant = parts[0].dropFirst(3)
        return registrant.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && registrant.first!.isNumber
            && !parts[1].contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count > 8
            && !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}
