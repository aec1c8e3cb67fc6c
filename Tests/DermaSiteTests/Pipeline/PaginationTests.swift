@testable import DermaSite
import Foundation
import Testing

/// Long lists go on to `page/2/` and so on; the home page shows the first page.
@Suite struct PaginationTests {
    static func site() throws -> FixtureSite {
        var files = ["Content/site.yml": FixtureSite.config + "articles_per_page: 2\n"]
        for number in 1...5 {
            let tags = number <= 3 ? "tags: [feet]\n" : ""
            files["Content/articles/a\(number).md"] = FixtureSite.article(title: "Article \(number)", date: "2026-01-0\(number)",
                                                                       extra: "order: \(number)\n" + tags)
        }
        return try FixtureSite(files)
    }

    @Test func listsArePagedWithLinksBetweenPages() throws {
        let site = try Self.site()
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let routes = try #require(report.routes).all
        #expect(routes.filter { $0.kind == .articleList }.map(\.file)
                == ["articles/index.html", "articles/page/2/index.html", "articles/page/3/index.html"])
        #expect(routes.filter { $0.kind == .tag }.map(\.file) == ["tags/feet/index.html", "tags/feet/page/2/index.html"])
        let second = try site.read("Public/articles/page/2/index.html")
        #expect(second.contains("<title>All articles (page 2 of 3)"))
        #expect(second.contains(#"<link rel="canonical" href="https://example.org/articles/page/2/">"#))
        #expect(second.contains(#"<link rel="prev" href="/articles/">"#) && second.contains(#"<link rel="next" href="/articles/page/3/">"#))
        #expect(second.contains(">Article 3<") && second.contains(">Article 4<") && !second.contains(">Article 1<"))
        #expect(second.contains(#"aria-current="page">2</a>"#))
        let first = try site.read("Public/articles/index.html")
        #expect(!first.contains(#"rel="prev""#) && first.contains(#"<link rel="next" href="/articles/page/2/">"#))
        let home = try site.read("Public/index.html")
        #expect(home.contains(">Article 2<") && !home.contains(">Article 3<") && home.contains("See all 5 articles"))
        let sitemap = try site.read("Public/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/articles/</loc>") && !sitemap.contains("page/2"))
        #expect(try site.read("Public/tags/feet/page/2/index.html").contains(">Article 3<"))
    }

    @Test func aTitleEditRendersOnlyThePageOfTheListThatShowsIt() throws {
        let site = try Self.site()
        let (options, cache) = try site.renderedOnce()
        try site.write("Content/articles/a5.md", FixtureSite.article(title: "Renamed", date: "2026-01-05", extra: "order: 5\n"))
        let (files, report) = try SiteBuilder().render(options, cache: cache, changes: .paths(["Content/articles/a5.md"]))
        let lists = report.outputsRendered.filter { $0.hasPrefix("articles/") && !$0.hasPrefix("articles/a") || $0.hasPrefix("tags/") }
        #expect(lists == ["articles/page/3/index.html"], "\(report.outputsRendered)")
        #expect(!report.outputsRendered.contains("index.html"), "the home page shows only the first two")
        let (fresh, _) = try SiteBuilder().render(options)
        #expect(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }) == Dictionary(uniqueKeysWithValues: fresh.map { ($0.path, $0.bytes) }))
    }

    @Test func aPageSizeThatIsNotAWholeNumberIsAnError() throws {
        let (_, diagnostics) = SiteConfigLoader.parse(FixtureSite.config + "articles_per_page: 2.5\n")
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("'articles_per_page' must be a whole number") })
    }
}
