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

    @Test func missingRequiredTemplates() {
        let (_, diagnostics) = TemplateSet.compile(source(["layouts/base": "x"]))
        #expect(diagnostics.errors.count == TemplateSet.required.count)
    }
}
