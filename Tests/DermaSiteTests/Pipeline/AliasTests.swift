@testable import DermaSite
import Foundation
import Testing

/// Renaming a page never breaks a printed link: its old addresses send the reader on.
@Suite struct AliasTests {
    @Test func oldAddressesRedirectToThePage() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/foot-drop.md", FixtureSite.article(title: "Foot drop", extra: """
        aliases: [/old-foot-drop/, /leaflets/foot.html]
        redirect_from: /articles/drop-foot/

        """))
        let report = try site.build(baseURL: "https://example.org/legs/")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try site.read("Public/old-foot-drop/index.html")
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=/legs/articles/foot-drop/">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://example.org/legs/articles/foot-drop/">"#))
        #expect(page.contains(#"<a href="/legs/articles/foot-drop/">Foot drop</a>"#) && page.contains("noindex"))
        #expect(page.contains("<p>In an emergency, call 999 or go to A&amp;E.</p>"))
        #expect(site.exists("Public/leaflets/foot.html") && site.exists("Public/articles/drop-foot/index.html"))
        #expect(try site.read("Public/_redirects") == """
        /legs/articles/drop-foot/ /legs/articles/foot-drop/ 301
        /legs/leaflets/foot.html /legs/articles/foot-drop/ 301
        /legs/old-foot-drop/ /legs/articles/foot-drop/ 301

        """)
        #expect(!(try site.read("Public/sitemap.xml")).contains("old-foot-drop"))
        let routes = try #require(report.routes).all.filter { $0.kind == .alias }
        #expect(routes.map(\.source) == Array(repeating: "Content/articles/foot-drop.md", count: 3))
    }

    @Test func anAliasThatClashesOrIsNotAPathIsAnErrorNamingBoth() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/a.md", FixtureSite.article(title: "A", extra: "aliases: [/articles/first/, /shared/, \"no slash\"]\n"))
        try site.write("Content/articles/b.md", FixtureSite.article(title: "B", extra: "aliases: [/shared/]\n"))
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("Content/articles/a.md:5:1: error: alias 'no slash' must be an old address") }, "\(errors)")
        #expect(errors.contains("Content/articles/a.md:5:1: error: alias '/articles/first/' is the address of the article page made from Content/articles/first.md; remove it from 'aliases'"), "\(errors)")
        #expect(errors.contains("Content/articles/b.md:5:1: error: alias '/shared/' is also an alias of Content/articles/a.md; keep it on one page"), "\(errors)")
    }

    @Test func aRebuildSeesANewAliasAsAPageALinkMayPointAt() throws {
        let site = try FixtureSite.basic()
        let (options, cache) = try site.renderedOnce()
        // One save gives `second` an old address; the next links to it from `first`.
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second", date: "2026-02-20", extra: "aliases: [/old-second/]\n",
                                                                      body: "## Part two\n\n![A map](../images/map.png)\n"))
        _ = try SiteBuilder().render(options, cache: cache, changes: .paths(["Content/articles/second.md"]))
        let first = try site.read("Content/articles/first.md")
        try site.write("Content/articles/first.md", first + "\nSee [the old address](/old-second/).\n")
        let (files, report) = try SiteBuilder().render(options, cache: cache, changes: .paths(["Content/articles/first.md"]))
        let (fresh, freshReport) = try SiteBuilder().render(options)
        #expect(report.diagnostics == freshReport.diagnostics)
        #expect(files.map(\.path).sorted() == fresh.map(\.path).sorted())
    }
}
