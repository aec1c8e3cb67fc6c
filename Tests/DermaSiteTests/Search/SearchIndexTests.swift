@testable import DermaSite
import Foundation
import Testing

/// The index a build writes: which pages, how their words count, the synonyms, and the search page.
@Suite struct SearchIndexTests {
    struct Head: Decodable {
        let count: Int
        let kinds: String
        let urgency: String
    }

    /// Every searched page's address, in index order, from the head's count and the page files.
    static func urls(_ site: FixtureSite) throws -> [String] {
        let head = try JSONDecoder().decode(Head.self, from: Data(site.read("Public/search/index.json").utf8))
        var urls: [String] = []
        for chunk in 0..<SearchIndex.docsFileCount(documents: head.count) {
            let docs = try JSONSerialization.jsonObject(with: Data(site.read("Public/search/docs-\(chunk).json").utf8)) as! [[Any]]
            urls += docs.map { $0[0] as! String }
        }
        #expect(urls.count == head.count && head.kinds.count == head.count && head.urgency.count == head.count)
        return urls
    }

    /// Postings of a term: score by page address.
    static func postings(_ site: FixtureSite, _ term: String) throws -> [String: Int] {
        let urls = try Self.urls(site)
        let shard = try JSONDecoder().decode([String: [Int]].self,
                                             from: Data(site.read("Public/search/terms-\(SearchWords.shard(of: term)).json").utf8))
        var out: [String: Int] = [:]
        let list = shard[term] ?? []
        for at in stride(from: 0, to: list.count, by: 2) { out[urls[list[at]]] = list[at + 1] }
        return out
    }

    @Test func theIndexHoldsPublishedPagesWithTitlesAboveBodies() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/drop.md", FixtureSite.article(title: "Foot drop", body: "## Peroneal nerve\n\nThe foot drop page. Sciatica is elsewhere.\n"))
        try site.write("Content/articles/hidden.md", FixtureSite.article(title: "Hidden", extra: "search: false\n", body: "Zebrafish.\n"))
        try site.write("Content/articles/draft.md", FixtureSite.article(title: "Unfinished", extra: "draft: true\n", body: "Zebrafish.\n"))
        try site.write("Content/articles/twice.md", FixtureSite.article(title: "Twice", extra: "search: 2\n", body: "Sciatica.\n"))
        let report = try site.build()
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics)")
        #expect(Set(try Self.urls(site)) == ["/articles/first/", "/articles/second/", "/articles/drop/", "/articles/twice/"])
        let foot = try Self.postings(site, "foot")
        // Title (60) and body (3 a use; the summary under the title counts twice) beat the body
        // alone; a heading counts in between.
        #expect(foot["/articles/drop/"] == 60 + 2 * 3 + 3)
        #expect(try Self.postings(site, "peroneal") == ["/articles/drop/": 15])
        let sciatica = try Self.postings(site, "sciatica")
        #expect(sciatica["/articles/drop/"] == 3 && sciatica["/articles/twice/"] == 6)
        #expect(try Self.postings(site, "zebrafish").isEmpty)
        // The emergency box is on every page, marked to be left out.
        #expect(try Self.postings(site, "999").isEmpty)
        #expect(try site.read("Public/search/text-0.json").contains("The foot drop page."))
        // Every page has the search form; the search page lists the articles.
        let page = try site.read("Public/articles/first/index.html")
        #expect(page.contains(#"<form class="site-search" role="search" action="/search/" method="get" data-search-index="/search/index.json">"#))
        let search = try site.read("Public/search/index.html")
        #expect(search.contains(#"<a href="/articles/drop/">Foot drop</a>"#) && !search.contains("Unfinished") && !search.contains(">Hidden<"))
        #expect(try site.read("Public/sitemap.xml").contains("<loc>https://example.org/search/</loc>"))
        let routes = try #require(report.routes).all
        #expect(routes.filter { $0.kind == .searchIndex }.count == 1 + 27 + 1 + 1)
    }

    @Test func synonymsAreCheckedAgainstThePages() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/data/search.yml", """
        synonyms:
          - words: ["pins and needles", "tingly"]
            find: ["text"]
          - words: ["dead leg"]
            find: ["zebrafish"]
        urgent: ["both legs"]
        not_urgent: ["bottom of my foot"]

        """)
        let report = try site.build()
        let warnings = report.diagnostics.filter { $0.file == SearchSettingsLoader.path }.map(\.description)
        #expect(warnings == ["Content/data/search.yml:4:5: warning: 'zebrafish' is on no page, so this synonym finds nothing; check its spelling"])
        let head = try site.read("Public/search/index.json")
        #expect(head.contains(#"[[["pin","needl"],["tingl"]],[["text"]]]"#) && head.contains(#""urgent":[["both","leg"]]"#) && head.contains(#""not_urgent":[["bottom","foot"]]"#))

        try site.write("Content/data/search.yml", "synonyms:\n  - words: [the]\n    find: [text]\n  - find: [text]\nurgnt: [x]\n")
        let errors = try #require(site.failingBuild()).filter { $0.file == SearchSettingsLoader.path }.map(\.description)
        #expect(errors.count == 3, "\(errors)")  // two errors, and the misspelt key's warning
        #expect(errors.contains { $0.hasPrefix("Content/data/search.yml:2:12: error: 'the' has no word search can use") })
        #expect(errors.contains { $0.hasPrefix("Content/data/search.yml:4:5: error: a synonym needs 'words:'") })
        #expect(errors.contains { $0.hasPrefix("Content/data/search.yml:5:1: warning: unknown key 'urgnt'") && $0.hasSuffix("did you mean 'urgent'?") })
    }

    @Test func aBadSearchWeightIsAnErrorAndAnArticleCannotTakeTheSearchPage() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/x.md", FixtureSite.article(title: "X", extra: "search: lots\n"))
        try site.write("Content/pages/search.md", "---\ntitle: Search us\n---\n\nText.\n")
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("Content/articles/x.md:5:9: error: 'search' is false") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("Content/pages/search.md") && $0.contains("is taken by the generated search page") }, "\(errors)")
    }

    @Test func underASubPathTheIndexUsesTheSitesAddresses() throws {
        let site = try FixtureSite.basic()
        try site.build(baseURL: "https://example.org/legs/")
        let urls = try Self.urls(site)
        #expect(urls.allSatisfy { $0.hasPrefix("/legs/articles/") }, "\(urls)")
        #expect(try site.read("Public/index.html").contains(#"action="/legs/search/" method="get" data-search-index="/legs/search/index.json""#))
    }

    @Test func anEditRewritesOnlyTheIndexFilesItChanges() throws {
        let site = try FixtureSite.basic()
        try site.build()
        let before = try site.snapshot(site.output + "/search")
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second", date: "2026-02-20",
                                                                          body: "## Part two\n\n![A map](../images/map.png)\n\nQuadriceps.\n"))
        try site.build()
        let after = try site.snapshot(site.output + "/search")
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(changed == ["terms-q.json", "text-0.json"], "\(changed.sorted())")
    }

    /// The preview copies only what a rebuild says it made: the index files an edit changed must
    /// be among them, or `serve` keeps searching the old words.
    @Test func aRebuildSaysWhichIndexFilesItMade() throws {
        let site = try FixtureSite.basic()
        let (options, cache) = try site.renderedOnce()
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second", date: "2026-02-20",
                                                                          body: "## Part two\n\n![A map](../images/map.png)\n\nQuadriceps.\n"))
        let (_, report) = try SiteBuilder().render(options, cache: cache, changes: .paths(["Content/articles/second.md"]))
        let made = Set(report.outputsRendered.filter { $0.hasPrefix("search/") })
        #expect(made == ["search/terms-q.json", "search/text-0.json"], "\(made.sorted())")
        #expect(report.renderReasons["search/terms-q.json"] == "changed: the words of 1 page(s) search covers")
    }
}
