@testable import DermaSite
import Foundation
import Testing

/// The kept link index: after each update that names only the changed pages, its findings equal a
/// fresh index's full check of the same pages.
@Suite struct LinkIndexTests {
    static func page(_ path: String, _ body: String) -> OutputFile {
        OutputFile(path: path, text: "<!doctype html><html><head><title>\(path)</title><meta name=\"description\" content=\"A page.\">"
                   + "</head><body><main>\(body)</main></body></html>")
    }

    /// Also with the reverse table of lookups off (as a one-shot build has it) for the first
    /// update, or for every other one: it is made again when turned back on.
    @Test(arguments: [[true], [false, true], [false, false, true], [false]])
    func incrementalUpdatesReportWhatAFullCheckReports(keeping: [Bool]) {
        var site = [
            Self.page("index.html", #"<a href="/a/">A</a> <a href="/b/#part">B</a>"#),
            Self.page("a/index.html", #"<h2 id="top">A</h2><a href="/">home</a>"#),
            Self.page("b/index.html", #"<h2 id="part">B</h2><a href="/a/#top">A</a>"#),
        ]
        let kept = LinkIndex(basePath: "/")
        kept.keepsLookups = keeping[0]
        #expect(kept.update(site, markdownLinks: [:]).isEmpty)
        // Each edit rewrites one page; the update is told only that page changed.
        let edits: [(Int, String)] = [
            (2, #"<h2 id="other">B</h2><a href="/a/#top">A</a>"#),  // removes the anchor index.html links to
            (0, #"<a href="/a/">A</a> <a href="/b/#other">B</a>"#),  // follows it
            (1, #"<h2 id="gone">A</h2><a href="/">home</a>"#),  // b links to /a/#top, now missing
            (1, #"<h2 id="top">A</h2><a href="/missing/">x</a>"#),  // a link to no page
            (1, #"<h2 id="top">A</h2><a href="/">home</a>"#),  // all good again
        ]
        for (number, (index, body)) in edits.enumerated() {
            kept.keepsLookups = keeping[(number + 1) % keeping.count]
            site[index] = Self.page(site[index].path, body)
            let incremental = kept.update(site, markdownLinks: [:], onlyChanged: [site[index].path])
            let full = LinkIndex(basePath: "/").update(site, markdownLinks: [:])
            #expect(incremental == full, "after editing \(site[index].path)")
        }
        #expect(LinkIndex(basePath: "/").update(site, markdownLinks: [:]).isEmpty)
    }

    /// A worker keeps what each link leads to from page to page: each page's findings must be
    /// what a fresh check of that page finds, for links that depend on the page or not.
    @Test func linksRememberedAcrossPagesFindWhatEachPageFinds() {
        let links = ["", "#top", "#nope", "/", "/a/", "/a", "/a/#top", "/a/#nope", "/b/#part", "/missing/", "/s%20p/",
                     "/style.css", "https://example.org/", "relative/", "mailto:x@example.org", "/b/index.html#part"]
        let body = #"<h2 id="top">T</h2>"# + links.map { #"<a href="\#($0)">x</a>"# }.joined()
        // "0/" is checked first and linked from nowhere: a link that leads to its own page must
        // not be remembered as leading to the first page checked.
        let files = ["0/index.html", "index.html", "a/index.html", "b/index.html", "s p/index.html"].map { Self.page($0, body) }
            + [OutputFile(path: "style.css", text: "")]
        let checker = LinkChecker(basePath: "/")
        var pages: [String: LinkChecker.Page] = [:]
        for file in files where file.path.hasSuffix(".html") { pages[file.path] = checker.scan(bytes: file.bytes) }
        pages["b/index.html"]?.ids["part"] = 1
        let paths = Set(files.map(\.path))
        var memo = LinkChecker.LinkMemo()
        for path in pages.keys.sorted() {
            let remembered = checker.findings(on: path, page: pages[path]!, markdownLinks: [], pages: pages, paths: paths, memo: &memo)
            let fresh = checker.findings(on: path, page: pages[path]!, markdownLinks: [], pages: pages, paths: paths)
            #expect(remembered == fresh, "\(path)")
            #expect(!remembered.linkedTo.contains(path), "\(path)")
        }
        #expect(memo.count > 10)
    }

    @Test func aBrokenAnchorIsFoundAfterAnEdit() {
        let kept = LinkIndex(basePath: "/")
        var site = [Self.page("index.html", #"<a href="/a/#top">A</a>"#), Self.page("a/index.html", #"<h2 id="top">A</h2><a href="/">h</a>"#)]
        #expect(kept.update(site, markdownLinks: [:]).isEmpty)
        site[1] = Self.page("a/index.html", #"<h2 id="bottom">A</h2><a href="/">h</a>"#)
        let found = kept.update(site, markdownLinks: [:], onlyChanged: ["a/index.html"])
        #expect(found.count == 1 && found[0].message.contains("#top"), "\(found)")
    }
}

/// The link check's scanner against an independent HTML parser, on every page of the bundled
/// site and on raw HTML written the ways people write it.
@Suite struct LinkScannerTests {
    @Test func theScannerReadsWhatPythonsHTMLParserReads() throws {
        let site = try FixtureSite([:])
        try FileManager.default.copyItem(atPath: FixtureSite.projectRoot + "/Content", toPath: site.root + "/Content")
        try site.write("Content/site.yml", try String(contentsOfFile: FixtureSite.projectRoot + "/Content/site.yml", encoding: .utf8)
            .replacingOccurrences(of: "allow_raw_html: false", with: "allow_raw_html: true"))
        try site.write("Content/articles/raw.md", FixtureSite.article(title: "Raw", body: """
        <p><a href='/articles/'>single</a> <a href=/glossary/>bare</a> <img src = "/dermatomes/charts/clinical-front.svg" alt="x"></p>

        <!-- <a href="/in-a-comment/">not a link</a> -->

        <div id='single-id' data-x="a > b">text with id="not-an-attribute" in it</div>

        """))
        try site.build(today: Day(iso: "2026-12-01"))
        let parsed = try HTMLParserLinks.read(folder: site.output)
        #expect(parsed.count > 80)
        let checker = LinkChecker(basePath: "/")
        for (path, expected) in parsed {
            let page = checker.scan(try site.read("Public/" + path))
            #expect(page.links == expected.links, "\(path)")
            #expect(page.ids.keys.sorted() == Set(expected.ids).sorted(), "\(path)")
        }
        let raw = try #require(parsed["articles/raw/index.html"])
        #expect(raw.links.contains("/articles/") && raw.links.contains("/glossary/") && !raw.links.contains("/in-a-comment/"))
    }

    @Test func aBrokenLinkInSingleQuotesIsFound() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/site.yml", FixtureSite.config + "allow_raw_html: true\n")
        try site.write("Content/articles/raw.md", FixtureSite.article(title: "Raw", body: "<a href='/nowhere-zz/'>x</a> <a href=/also-nowhere/>y</a>\n"))
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }
        // Each at the Markdown line where the raw HTML is, not as a link the templates made.
        #expect(errors.map { "\($0.file):\($0.line) \($0.message)" } == [
            "Content/articles/raw.md:10 link to '/nowhere-zz/': there is no page or file at /nowhere-zz/",
            "Content/articles/raw.md:10 link to '/also-nowhere/': there is no page or file at /also-nowhere/",
        ], "\(errors)")
    }
}
