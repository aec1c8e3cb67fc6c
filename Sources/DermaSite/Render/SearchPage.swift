/// /search/: the search form's page. Without JavaScript it lists every place, root and topic,
/// grouped, for the browser's find; with it, the results for `?q=` come first.
struct SearchPage: Sendable {
    let site: Site
    let pages: PageRenderer

    /// Articles listed on the page itself; a larger site links to its paginated list instead.
    static let articleLimit = 100

    /// The articles and pages the page lists: its cache key is made from these, so what it shows
    /// and what makes it again cannot drift apart.
    static func shown(_ site: Site) -> [Article] {
        site.articles.filter { !$0.meta.draft && $0.meta.searchWeight > 0 }
    }

    func render() throws -> OutputFile {
        let baseURL = site.config.baseURL
        let shown = Self.shown(site)
        let articles = shown.filter(\.isListed)
        var page: [String: Any] = [
            "kind": "search",
            "title": "Search",
            "description": "Search \(site.config.title), or find your page in the list of every place, nerve root and topic.",
            "articles": articles.prefix(Self.articleLimit).map(pages.context.listItem),
            "has_articles": !articles.isEmpty,
            "more_articles": articles.count > Self.articleLimit,
            "article_count": articles.count,
            "other_pages": shown.filter { !$0.isListed }.map(pages.context.listItem),
            "has_other_pages": shown.contains { !$0.isListed },
        ]
        if let atlas = site.atlas {
            page["groups"] = PlacePages(site: site, atlas: atlas, pages: pages).groups()
            page["has_groups"] = !atlas.places.isEmpty
            page["has_roots"] = !atlas.roots.isEmpty
            page["roots"] = atlas.roots.map { root -> [String: Any] in
                ["id": root.id, "area": root.areaPlain, "url": baseURL.sitePath(root.urlPath), "urgent": root.urgent]
            }
        }
        return try pages.page("pages/search", sitePath: SiteLayout.search, page: page)
    }
}
