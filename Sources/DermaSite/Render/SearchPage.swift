/// /search/: the search form's page. Without JavaScript it lists every place, root and topic,
/// grouped, for the browser's find; with it, the results for `?q=` come first.
struct SearchPage: Sendable {
    let site: Site
    let pages: PageRenderer

    /// Articles listed on the page itself; a larger site links to its paginated list instead.
    static let articleLimit = 100

    /// One of the articles and pages the page lists, as its values show it.
    struct Entry: Equatable {
        let item: ListItem
        let isArticle: Bool
    }

    /// The articles and pages the page lists.
    static func shown(_ site: Site) -> [Article] {
        site.articles.filter { !$0.meta.draft && $0.meta.searchWeight > 0 }
    }

    func spec() -> PageSpec<SearchBody> {
        let baseURL = site.config.baseURL
        let shown = Self.shown(site)
        let articles = shown.filter(\.isListed)
        let others = shown.filter { !$0.isListed }
        var body = SearchBody(articles: articles.prefix(Self.articleLimit).map(pages.listItem), hasArticles: !articles.isEmpty,
                              moreArticles: articles.count > Self.articleLimit, articleCount: articles.count,
                              otherPages: others.map(pages.listItem), hasOtherPages: !others.isEmpty,
                              groups: [], hasGroups: false, hasRoots: false, roots: [])
        if let atlas = site.atlas {
            body.groups = PlacePages(site: site, atlas: atlas, pages: pages).groups()
            body.hasGroups = !atlas.places.isEmpty
            body.hasRoots = !atlas.roots.isEmpty
            body.roots = atlas.roots.map { SearchBody.Root(id: $0.id, area: $0.areaPlain, url: baseURL.sitePath($0.urlPath), urgent: $0.urgent) }
        }
        let values = pages.frame.values(body, kind: "search", title: "Search",
            description: "Search \(site.config.title), or find your page in the list of every place, nerve root and topic.",
            sitePath: SiteLayout.search)
        return PageSpec(template: "pages/search", sitePath: SiteLayout.search, values: values)
    }
}
