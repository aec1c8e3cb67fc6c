@testable import DermaSite
import Foundation
import Testing

/// The partials and layouts a template names, found in its bytes, against the search as it was
/// first written (Foundation's `range(of:)` on the text), on the bundled templates and on random
/// text of tags, braces, spaces and accented letters.
@Suite struct TemplateReferencesTests {
    static func foundationReferences(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let kind = rest.first, kind == ">" || kind == "<" else { continue }
            guard let close = rest.range(of: "}}") else { break }
            let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingWhitespace()
            if !name.isEmpty {
                names.insert(name)
                if !name.contains("/") { names.insert("layouts/" + name) }
            }
            rest = rest[close.upperBound...]
        }
        return names
    }

    @Test func theBundledTemplatesNameWhatTheyUse() throws {
        let (source, _, _) = TemplateLoader.load(root: FixtureSite.projectRoot, fileSystem: LocalFileSystem())
        #expect(source.files.count > 10)
        var named = 0
        for file in source.files {
            let found = TemplateDependencies.references(in: file.text)
            #expect(found == Self.foundationReferences(in: file.text), "\(file.name)")
            named += found.count
        }
        #expect(named > 10)
    }

    @Test func randomTextFindsWhatTheTextSearchFinds() {
        var random = SeededRandom(seed: 20261204)
        let pieces = ["{{", "}}", "{", "}", ">", "<", " ", "\n", "partials/menu", "base", "é", "x", "{{>", "{{<", "{{#", "{{!", "\t"]
        for round in 0..<3_000 {
            let text = (0..<random.below(24)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(TemplateDependencies.references(in: text) == Self.foundationReferences(in: text), "round \(round): \(text.debugDescription)")
        }
    }
}
