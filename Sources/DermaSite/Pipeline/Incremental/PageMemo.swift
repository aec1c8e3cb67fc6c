/// Every page of the last build by output path, with the version of its template and the values
/// it was given. A page is rendered again exactly when either differs: its values are its key, so
/// a value a template is given is part of the key by construction, and nothing lists fields by hand.
final class PageMemo {
    private struct Entry {
        var template: Int
        var templateName: String
        /// Nil once forgotten (`forgetValues`).
        var values: (any Encodable & Sendable)?
        var file: OutputFile
    }

    private var entries: [String: Entry] = [:]

    enum Lookup {
        case kept(OutputFile)
        /// Why the page must be made again.
        case stale(String)
    }

    func lookup<Body>(_ spec: PageSpec<Body>, template: Int) -> Lookup {
        guard let entry = entries[spec.outputPath] else { return .stale(RenderReason.firstBuild) }
        guard let values = entry.values else { return .stale(RenderReason.firstBuild) }
        guard let old = values as? PageValues<Body> else { return .stale(RenderReason.changed(["the kind of page"])) }
        if entry.template == template, old == spec.values { return .kept(entry.file) }
        let changes = (entry.template == template ? [] : ["template \(spec.template)"]) + Self.differences(old, spec.values)
        return .stale(RenderReason.changed(changes))
    }

    func store<Body>(_ spec: PageSpec<Body>, template: Int, file: OutputFile) {
        entries[spec.outputPath] = Entry(template: template, templateName: spec.template, values: spec.values, file: file)
    }

    /// The page last made at `path`, if the memo made it.
    func file(at path: String) -> OutputFile? { entries[path]?.file }

    /// Keeps each page's file and lets go of its values, for a build whose memo ends with it: the
    /// values (an article's HTML, a place page's maps) are only a next build's key.
    func forgetValues() {
        // Taken out by position (no path is hashed) and let go of on every core. The loop walks
        // indices by hand: `values.indices` holds the table, and the first write would copy it.
        var values: [(any Encodable & Sendable)?] = []
        values.reserveCapacity(entries.count)
        var index = entries.values.startIndex
        while index != entries.values.endIndex {
            values.append(entries.values[index].values)
            entries.values[index].values = nil
            entries.values.formIndex(after: &index)
        }
        Parallel.release(consume values)
    }

    /// Forgets pages no longer made (a deleted article, a list grown shorter).
    func keep(only paths: Set<String>) {
        if entries.count > paths.count { entries = entries.filter { paths.contains($0.key) } }
    }

    /// Each page's template and values as templates see them, by output path (for the template
    /// reference's test and for `--explain`). `handWritten: false` encodes them all by Codable,
    /// the oracle for the values written by hand (TemplateFields).
    func allValues(handWritten: Bool = true) -> [(path: String, template: String, values: [String: TemplateValue])] {
        entries.keys.sorted().compactMap { path in
            let entry = entries[path]!
            guard let values = entry.values else { return nil }
            if handWritten, let values = values as? any PageValuesEncoding {
                return (path, entry.templateName, values.templateValues)
            }
            return (path, entry.templateName, TemplateEncoder.values(values))
        }
    }

    /// The values that differ, named as templates name them (`page.title`, `site.menu`).
    static func differences<Body>(_ old: PageValues<Body>, _ new: PageValues<Body>) -> [String] {
        var out: [String] = []
        if old.site != new.site { out += fields(old.site, new.site, prefix: "site.") }
        if old.assets != new.assets { out.append("assets") }
        if old.menu != new.menu { out.append("menu") }
        if old.footer != new.footer { out.append("footer") }
        if old.page.head != new.page.head { out += fields(old.page.head, new.page.head, prefix: "page.") }
        if old.page.body != new.page.body { out += fields(old.page.body, new.page.body, prefix: "page.") }
        return out
    }

    private static func fields(_ old: Any, _ new: Any, prefix: String) -> [String] {
        let before = Mirror(reflecting: old).children.map(\.value)
        return Mirror(reflecting: new).children.enumerated().compactMap { index, child in
            guard let label = child.label, index < before.count, !same(child.value, before[index]) else { return nil }
            return prefix + TemplateEncoder.snakeCase(label)
        }
    }

    private static func same(_ a: Any, _ b: Any) -> Bool {
        guard let a = a as? any Equatable else { return false }
        return a.isEqual(to: b)
    }
}

private extension Equatable {
    func isEqual(to other: Any) -> Bool { (other as? Self) == self }
}
