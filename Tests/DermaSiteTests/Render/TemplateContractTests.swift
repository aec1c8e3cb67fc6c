@testable import DermaSite
import Foundation
import Testing

/// The template reference in docs/templates.md names every value the bundled templates read, so
/// someone writing their own templates can find it there.
@Suite struct TemplateContractTests {
    /// The names in `{{name}}`, `{{{name}}}`, `{{#name}}` and `{{^name}}` tags.
    static func names(in template: String) -> Set<String> {
        var names = Set<String>()
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            var tag = rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") { tag = tag.dropFirst() }
            guard let first = tag.first, !">!$</=".contains(first) else { continue }
            if first == "#" || first == "^" { tag = tag.dropFirst() }
            let name = tag.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, name != "." { names.insert(name) }
        }
        return names
    }

    @Test func everyValueTheTemplatesReadIsDocumented() throws {
        let root = FixtureSite.projectRoot
        let doc = try String(contentsOfFile: root + "/docs/templates.md", encoding: .utf8)
        let start = try #require(doc.range(of: "## Templates and theme"))
        let end = doc[start.upperBound...].range(of: "\n## ")?.lowerBound ?? doc.endIndex
        let reference = doc[start.upperBound..<end]
        var used = Set<String>()
        let templates = root + "/Templates"
        for path in FileManager.default.subpaths(atPath: templates) ?? [] where path.hasSuffix(".mustache") {
            used.formUnion(Self.names(in: try String(contentsOfFile: templates + "/" + path, encoding: .utf8)))
        }
        #expect(used.count > 50, "the scan found the templates' values")
        var missing: [String] = []
        for name in used.sorted() {
            for part in name.split(separator: ".").map(String.init) where !["page", "site", "assets", "menu"].contains(part) {
                // `has_x` is covered by the rule for every optional `x`, or named itself.
                let plain = part.hasPrefix("has_") ? String(part.dropFirst(4)) : part
                if !reference.contains("`\(part)`") && !reference.contains("`\(plain)`") && !reference.contains("`page.\(part)`") {
                    missing.append("\(name) (\(part))")
                }
            }
        }
        #expect(missing.isEmpty, "values the templates read that docs/templates.md's 'Templates and theme' does not name: \(missing)")
    }

    /// Every value pages are given, from the typed values of a build of the bundled site (drafts
    /// included), is named in the reference: a value added to a page's type must be documented.
    @Test func everyValuePagesAreGivenIsDocumented() throws {
        let root = FixtureSite.projectRoot
        let doc = try String(contentsOfFile: root + "/docs/templates.md", encoding: .utf8)
        let start = try #require(doc.range(of: "## Templates and theme"))
        let end = doc[start.upperBound...].range(of: "\n## ")?.lowerBound ?? doc.endIndex
        let reference = doc[start.upperBound..<end]
        let cache = BuildCache()
        var options = BuildOptions(root: root, includeDrafts: true)
        options.today = Day(iso: "2026-12-01")
        _ = try SiteBuilder().render(options, cache: cache)
        var names = Set<String>()
        func collect(_ object: [String: TemplateValue]) {
            for (name, child) in object {
                names.insert(name)
                // Asset names come from Templates/assets/'s files; the reference names them by rule.
                if name != "assets" { collect(child) }
            }
        }
        func collect(_ value: TemplateValue) {
            switch value {
            case .object(let object): collect(object.values)
            case .list(let items): items.forEach(collect)
            case .names(let files): names.formUnion(files.keys)
            default: break
            }
        }
        let pages = cache.memo.pages.allValues()
        #expect(pages.count > 80, "every page of the bundled site was rendered through the memo")
        #expect(Set(pages.map(\.template)).isSuperset(of: TemplateSet.required + TemplateSet.requiredForAtlas))
        for page in pages { collect(page.values) }
        let missing = names.sorted().filter { name in
            guard !["page", "site", "assets", "menu", "footer"].contains(name) else { return false }
            let plain = name.hasPrefix("has_") ? String(name.dropFirst(4)) : name
            return !reference.contains("`\(name)`") && !reference.contains("`\(plain)`")
        }
        #expect(missing.isEmpty, "values pages are given that docs/templates.md's 'Templates and theme' does not name: \(missing)")
    }
}
