@testable import DermaSite
import Foundation
import Testing

@Suite struct LegMapRendererTests {
    let renderer = LegMapRenderer(atlas: AtlasFixture.atlas(), baseURL: BaseURL("https://example.org/legs/")!)

    @Test func interactiveMapLinksEachPlaceWithAName() {
        let html = renderer.figure(LegMapRenderer.Options(), id: "m1")
        #expect(html.contains(#"<a class="legmap__region" href="/legs/where/inner-shin/" aria-label="Inner shin: L4">"#))
        #expect(html.contains(#"role="group" aria-labelledby="m1-anterior-title m1-anterior-desc""#))
        #expect(html.contains(#"<title id="m1-posterior-title">"#))
        #expect(html.contains("<circle"))
        #expect(html.contains(#"<input type="checkbox" class="atlas__toggle" id="m1-dots" checked>"#))
        #expect(html.contains("fill=\"#F0E442\""))
    }

    @Test func staticHighlightedMap() {
        var options = LegMapRenderer.Options()
        options.links = false
        options.highlight = ["L5"]
        options.keyPoints = false
        options.views = ["anterior"]
        let html = renderer.figure(options, id: "m2")
        #expect(html.contains(#"role="img""#))
        #expect(!html.contains("<a class=\"legmap__region"))
        #expect(html.contains(#"<g class="legmap__region is-muted">"#))
        #expect(html.contains(#"<g class="legmap__region is-highlighted">"#))
        #expect(!html.contains("<circle"))
        #expect(!html.contains("Back of the legs"))
    }

    @Test func standaloneChartIsAWellFormedSVGDocument() throws {
        let view = try #require(renderer.atlas.view("anterior"))
        var options = LegMapRenderer.Options()
        options.links = false
        let svg = renderer.svg(view, options: options, id: "c", standalone: true)
        // Credit lines wrap to the chart's width (about 20 characters at 120 px) and the chart grows to hold them.
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"236\""))
        #expect(svg.contains(">Schematic, after a</text>") && svg.contains(">book of maps</text>"))
        #expect(svg.contains(">Licence: not stated</text>") && svg.contains(">by the site&#39;s owner</text>"))
        #expect(svg.contains(#"y="187">by the site&#39;s owner"#))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test func standaloneChartNamesTheLicenceTheSiteGives() throws {
        let view = try #require(renderer.atlas.view("anterior"))
        var options = LegMapRenderer.Options()
        options.links = false
        options.licence = "CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>"
        let svg = renderer.svg(view, options: options, id: "c", standalone: true)
        #expect(svg.contains(">Licence: CC BY 4.0</text>"))
        #expect(svg.contains(">&lt;https://creativecommons.org/licenses/by/4.0/&gt;</text>"))
        #expect(!svg.contains("not stated"))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test func creditWrapsAtWordsAndKeepsALongWordWhole() {
        #expect(LegMapRenderer.wrap("one two three four", perLine: 9) == ["one two", "three", "four"])
        #expect(LegMapRenderer.wrap("https://example.org/long/address ok", perLine: 10) == ["https://example.org/long/address", "ok"])
        #expect(LegMapRenderer.wrap("", perLine: 10).isEmpty)
    }

    @Test func numbersAreWrittenTheSameEverywhere() {
        #expect(SVGNumber.format(12) == "12")
        #expect(SVGNumber.format(12.5) == "12.5")
        #expect(SVGNumber.format(-0.25) == "-0.25")
        #expect(SVGNumber.format(3.14159) == "3.14")
        #expect(SVGNumber.format(0.05) == "0.05")
    }
}

@Suite struct AtlasDirectiveTests {
    let atlas = AtlasFixture.atlas()

    func render(_ markdown: String, offset: Int = 10) -> RenderedMarkdown {
        MarkdownRenderer(directives: AtlasDirectives.handlers(atlas: atlas, baseURL: BaseURL("https://example.org/")!))
            .render(markdown, file: "Content/articles/a.md", lineOffset: offset)
    }

    @Test func mapAndTableDirectives() {
        let result = render("Intro\n\n```dermatome-map\nview: front\nhighlight: l4\ncaption: \"The <L4> map\"\n```\n\n```dermatome-table\nroots: L4, S1\ncolumns: root, area, reflex\n```\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.contains(#"<figure class="atlas" id="dermatome-map-1">"#))
        #expect(result.html.contains("<figcaption>The &lt;L4&gt; map</figcaption>"))
        #expect(result.html.contains(#"<th scope="col">Reflex</th>"#))
        #expect(result.html.contains(#"<a href="/dermatomes/s1/">S1</a>"#))
        #expect(!result.html.contains(#"<a href="/dermatomes/l5/">L5</a></th>"#))
        #expect(!result.html.contains("<pre>"))
    }

    @Test func errorsPointAtTheOptionLine() {
        let result = render("```dermatome-map\nview: sideways\nhighlite: L4\n```\n\n```dermatome-table\nroots: L4, L6\n```\n")
        let shown = result.diagnostics.map(\.description)
        #expect(shown == [
            "Content/articles/a.md:12:1: error: 'view' must be anterior, posterior, both or saddle",
            "Content/articles/a.md:13:1: error: unknown option 'highlite' for dermatome-map; did you mean 'highlight'? (options: view, variant, highlight, key-points, caption, links)",
            "Content/articles/a.md:17:1: error: unknown root 'L6' (roots: L4, L5, S1)",
        ])
    }

    @Test func twoMapsOnAPageGetDistinctIds() {
        let html = render("```dermatome-map\n```\n\n```dermatome-map\nview: back\n```\n").html
        #expect(html.contains("id=\"dermatome-map-1\"") && html.contains("id=\"dermatome-map-2\""))
    }

    @Test func withoutADataSetTheDirectiveIsAnError() {
        let result = MarkdownRenderer(directives: AtlasDirectives.handlers(atlas: nil, baseURL: BaseURL("https://e.org/")!))
            .render("```dermatome-table\n```\n", file: "a.md", lineOffset: 3)
        #expect(result.diagnostics.first?.line == 4)
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif
