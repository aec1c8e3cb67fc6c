@testable import DermaSite
import Testing

@Suite struct TemplateSetTests {
    func source(_ files: [String: String]) -> TemplateSource {
        TemplateSource(files: files.sorted { $0.key < $1.key }.map {
            .init(name: $0.key, path: "Templates/\($0.key).mustache", text: $0.value)
        })
    }

    var pages: [String: String] {
        Dictionary(uniqueKeysWithValues: TemplateSet.required.map { ($0, "{{<base}}{{$content}}{{page.title}}{{/content}}{{/base}}") })
    }

    @Test func layoutsAreInheritedByBareNameAndValuesEscaped() throws {
        var files = pages
        files["layouts/base"] = "<title>{{$content}}{{/content}}</title>{{> partials/x}}"
        files["partials/x"] = "[{{site}}]"
        let (set, diagnostics) = TemplateSet.compile(source(files))
        #expect(diagnostics.isEmpty)
        let html = try #require(set?.render(["page": ["title": "<b>&"], "site": "S"], template: "pages/home"))
        #expect(html == "<title>&lt;b&gt;&amp;</title>[S]")
    }

    @Test func syntaxErrorsAndMissingPartialsHavePositions() {
        var files = pages
        files["layouts/base"] = "ok\n  {{> partials/nope}}\n"
        files["pages/home"] = "line one\n{{#open}}never closed\n"
        let (set, diagnostics) = TemplateSet.compile(source(files))
        #expect(set == nil)
        #expect(diagnostics.contains {
            $0.file == "Templates/layouts/base.mustache" && $0.line == 2 && $0.column == 3 && $0.message.contains("partials/nope")
        })
        #expect(diagnostics.contains { $0.file == "Templates/pages/home.mustache" && $0.message.contains("never closed") })
    }

    @Test func templatesThatIncludeEachOtherAreAnErrorNamingTheLoop() {
        var files = pages
        files["layouts/base"] = "{{$content}}{{/content}}{{> partials/footer}}"
        files["partials/footer"] = "footer\n{{> partials/footer}}"
        files["partials/a"] = "{{#site}}{{> partials/b}}{{/site}}"
        files["partials/b"] = "b\n\n  {{> partials/a}}"
        let (set, diagnostics) = TemplateSet.compile(source(files))
        #expect(set == nil)
        let shown = diagnostics.map(\.description)
        #expect(shown.contains("Templates/partials/footer.mustache:2:1: error: templates include each other in a loop (partials/footer → partials/footer): rendering would never end; remove one of these includes"), "\(shown)")
        #expect(shown.contains { $0.hasPrefix("Templates/partials/b.mustache:3:3: error: templates include each other in a loop (partials/a → partials/b → partials/a)") })
        #expect(diagnostics.count == 2, "each loop once")
    }

    @Test func missingRequiredTemplates() {
        let (_, diagnostics) = TemplateSet.compile(source(["layouts/base": "x"]))
        #expect(diagnostics.errors.count == TemplateSet.required.count)
    }
}
