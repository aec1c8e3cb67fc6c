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

    /// Escaping is done on bytes (ByteEscaping), selected by a line each template gets: every kind
    /// of place a value can be shown must still be escaped, and the line must not show.
    @Test func valuesAreEscapedInPagesLayoutsBlocksPartialsAndSections() throws {
        var files = pages
        files["pages/home"] = "{{<base}}{{$content}}({{page.title}}){{/content}}{{/base}}"
        files["layouts/base"] = "[{{page.title}}]{{$content}}{{/content}}{{> partials/x}}"
        files["partials/x"] = "{{#page.items}}<{{name}}>{{/page.items}}{{^page.none}}!{{page.title}}{{/page.none}}"
        let (set, diagnostics) = TemplateSet.compile(source(files))
        #expect(diagnostics.isEmpty)
        let title = #"<a href="x">Tom's & "Jerry"</a> é ✓"#
        let escaped = "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; &quot;Jerry&quot;&lt;/a&gt; é ✓"
        let html = try #require(set?.render(["page": ["title": title, "items": [["name": "a&b"], ["name": "plain"]]]],
                                            template: "pages/home"))
        #expect(html == "[\(escaped)](\(escaped))<a&amp;b><plain>!\(escaped)")
    }

    @Test func aTemplatesOwnContentTypeStillWins() throws {
        var files = pages
        files["layouts/base"] = "{{$content}}{{/content}}"
        files["pages/home"] = "{{% CONTENT_TYPE: TEXT }}\n{{page.title}}"
        let (set, diagnostics) = TemplateSet.compile(source(files))
        #expect(diagnostics.isEmpty)
        #expect(try #require(set?.render(["page": ["title": "<b>"]], template: "pages/home")) == "<b>")
    }

    @Test func aSyntaxErrorOnTheFirstLineIsReportedThere() {
        var files = pages
        files["pages/home"] = "ab {{/nope}}\nsecond"
        let (set, diagnostics) = TemplateSet.compile(source(files))
        #expect(set == nil)
        let error = diagnostics.first { $0.file == "Templates/pages/home.mustache" }
        #expect(error?.line == 1)
        #expect(error?.column == 8)  // where Mustache stops reading: after the name
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

    /// A template ending in `{` (a tag cut short): swift-mustache says only "overflow".
    @Test func aTemplateEndingInsideATagSaysSo() {
        var files = pages
        files["pages/home"] = "<p>{{title}}</p>\n{"
        let (set, diagnostics) = TemplateSet.compile(source(files))
        #expect(set == nil)
        #expect(diagnostics.contains {
            $0.file == "Templates/pages/home.mustache" && $0.line == 2 && $0.message.contains("ends inside a tag")
        }, "\(diagnostics)")
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
