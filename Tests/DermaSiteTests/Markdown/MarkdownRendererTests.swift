@testable import DermaSite
import CCmarkGFM
import Foundation
import Synchronization
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func headingsGetUniqueIdsAnchorsAndTOC() {
        let result = renderer.render("## Intro\n\ntext\n\n### Intro\n\n## *What* is `L4`?\n\n#### Deep\n")
        #expect(result.headings.map(\.id) == ["intro", "intro-1", "what-is-l4", "deep"])
        #expect(result.tableOfContents.map(\.text) == ["Intro", "Intro", "What is L4?"])
        #expect(result.html.contains(##"<h2 id="intro">Intro</h2><a class="heading-anchor" href="#intro" data-search-ignore>"##))
        #expect(result.html.contains(#"<h2 id="what-is-l4"><em>What</em> is <code>L4</code>?</h2>"#))
    }

    @Test func headingIdsNeverTakeTemplateIds() {
        let result = renderer.render("## Sources\n\n## Main\n")
        #expect(result.headings.map(\.id) == ["sources-1", "main-1"])
    }

    @Test func gfmExtensionsAndFootnotes() {
        let md = """
        | Root | Area |
        |---|---|
        | L4 | inner shin |

        ~~old~~ and www.example.org

        - [x] done
        - [ ] not yet

        A claim.[^1]

        [^1]: The source.
        """
        let html = renderer.render(md).html
        #expect(html.contains("<table>") && html.contains("<th>Root</th>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains(#"<a href="http://www.example.org">"#))
        #expect(html.contains(#"type="checkbox" checked="" disabled="""#))
        #expect(html.contains(#"class="footnotes""#))
    }

    /// cmark-gfm 0.29 keeps the special inline characters in one global table. Parses on many
    /// threads at once, with the characters every extension needs (`~`, `w`, `:`, and tables, whose
    /// rows are inline-parsed during block parsing), must each give the single-threaded result.
    @Test func parsesOnManyThreadsAtOnceAgreeWithOneParse() {
        #expect(CMarkDocument.parsesRunInParallel, "libcmark-gfm's special characters could not be fixed: parses take turns")
        let body = (1...20).map { "~~gone \($0)~~ www.example.org/\($0) a@b.org\n\n| a | b |\n|---|---|\n| ~~x~~ | y |\n" }
            .joined(separator: "\n")
        let expected = renderer.render(body).html
        #expect(expected.components(separatedBy: "<del>").count - 1 == 40)
        #expect(expected.components(separatedBy: "href=\"http://www.example.org/").count - 1 == 20)
        #expect(expected.components(separatedBy: "href=\"mailto:a@b.org\"").count - 1 == 20)
        let differing = Atomic<Int>(0)
        let renderer = self.renderer
        DispatchQueue.concurrentPerform(iterations: 800) { _ in
            if renderer.render(body).html != expected { differing.add(1, ordering: .relaxed) }
        }
        #expect(differing.load(ordering: .relaxed) == 0)
    }

    @Test func rawHTMLIsDroppedWithAWarningByDefault() {
        let result = renderer.render("Text\n\n<script>alert(1)</script>\n\nand <b onclick=\"x\">bold</b>\n",
                                     file: "a.md", lineOffset: 4)
        #expect(!result.html.contains("<script>"))
        #expect(!result.html.contains("onclick"))
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics[0].line == 7 && result.diagnostics[0].severity == .warning)
    }

    @Test func rawHTMLAllowedBySettingButTagfilterStillApplies() {
        let html = MarkdownRenderer(allowRawHTML: true).render("<b>bold</b>\n\n<script>x</script>\n").html
        #expect(html.contains("<b>bold</b>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test func dangerousLinkSchemesAreNeutralised() {
        let html = renderer.render("[x](javascript:alert(1)) ![y](data:text/html,boo)").html
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
    }
}

@Suite struct LinkResolverTests {
    let resolver = LinkResolver(
        baseURL: BaseURL("https://example.org/legs/")!,
        pages: ["Content/articles/other.md": "articles/other/"],
        files: ["Content/images/map.png"]
    )
    let from = "Content/articles/this.md"

    @Test func rewritesSiteLinksForTheBasePath() {
        #expect(resolver.resolve("/articles/other/", from: from) == .rewritten("/legs/articles/other/"))
        #expect(resolver.resolve("other.md#part", from: from) == .rewritten("/legs/articles/other/#part"))
        #expect(resolver.resolve("../images/map.png", from: from) == .rewritten("/legs/images/map.png"))
    }

    @Test func pageRelativeAndSiteLinksAreChecked() {
        #expect(resolver.resolve("../other/#x", from: from, pagePath: "articles/this/") == .rewritten("/legs/articles/other/#x"))
        #expect(resolver.resolve("../", from: from, pagePath: "articles/this/") == .broken(
            "link to '../': the site has no page there (links ending in / are relative to this page's address, /articles/this/)"))
        guard case .broken = resolver.resolve("/nowhere/", from: from) else {
            Issue.record("a site link to a missing page must be reported")
            return
        }
        #expect(resolver.resolve("/feed.xml", from: from) == .rewritten("/legs/feed.xml"))
    }

    @Test func leavesExternalAndFragmentLinks() {
        for url in ["https://nhs.uk/", "mailto:a@b.org", "#top", "//cdn.example/x"] {
            #expect(resolver.resolve(url, from: from) == .unchanged)
        }
    }

    @Test func reportsMissingTargets() {
        guard case .broken(let message) = resolver.resolve("missing.md", from: from) else {
            Issue.record("expected broken")
            return
        }
        #expect(message.contains("Content/articles/missing.md"))
        guard case .broken = resolver.resolve("../../../etc/passwd", from: from) else {
            Issue.record("expected a link outside Content/ to be refused")
            return
        }
    }

    @Test func brokenLinkPositionIsInTheSourceFile() {
        let renderer = MarkdownRenderer(links: resolver)
        let result = renderer.render("Intro.\n\nSee [this](nowhere.md) now.\n", file: from, lineOffset: 5)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].line == 8)
        #expect(result.diagnostics[0].severity == .error)
    }
}

/// A paragraph's two texts, gathered as bytes, against the same walk made with a String per node
/// (written) and against `plainText` (plain), on every bundled article and on text with accents,
/// code, breaks, links, emphasis and footnote marks.
@Suite struct ParagraphTextTests {
    @Test func bytesGatheredReadAsStringsAppended() throws {
        let folder = FixtureSite.projectRoot + "/Content/articles"
        var sources = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            .map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        sources.append("Café *ñandú* `code` and **bold** [a link](/x/) here[^1] and [^2].\nNext line  \nbreak: ’quoted’ — done.\n\n[^1]: A note with `code`.\n")
        var paragraphs = 0
        for source in sources {
            let document = CMarkDocument(markdown: source, unsafeHTML: false)
            for node in document.nodes() where node.type == CMARK_NODE_PARAGRAPH {
                var written = ""
                node.forEachNode { inner in
                    if inner.type == CMARK_NODE_TEXT {
                        if inner != node { written += inner.literal ?? "" }
                    } else if inner != node {
                        written += "\u{0}"
                    }
                }
                let made = node.writtenAndPlainText
                #expect(made.written == written)
                #expect(made.plain == node.plainText)
                paragraphs += 1
            }
        }
        #expect(paragraphs > 100)
    }
}
