import Synchronization
/// Every file a build writes, what makes it and the input file it comes from: the one place that
/// knows the site's pages. The clash check, the links Markdown may make, the sitemap and
/// `dermasite routes` all read it.
public struct Route: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case home, articleList = "article list", article, tag, notFound = "not found", glossary, atlas = "map",
             worksheet, page, search, searchIndex = "search index", root = "root", placeList = "place list", place, chart, feed, sitemap, robots,
             asset, file, imageCopy = "image copy", alias, redirects = "redirect list"
    }

    /// The output file, relative to the output folder: `articles/foot-drop/index.html`.
    public let file: String
    public let kind: Kind
    /// The input it is made from, relative to the site root, when it has one file.
    public let source: String?
    /// The page's address below the base URL (`articles/foot-drop/`), for pages only.
    public let sitePath: String?
    /// Listed in sitemap.xml, with this date when it has one.
    public let inSitemap: Bool
    public let lastModified: Day?
    /// Where the route is asked for in its source, when a line says so (an alias's `aliases:` key).
    public var position: SourcePosition?

    init(page sitePath: String, _ kind: Kind, source: String?, inSitemap: Bool = true, lastModified: Day? = nil) {
        file = SiteLayout.file(for: sitePath)
        self.kind = kind
        self.source = source
        self.sitePath = sitePath
        self.inSitemap = inSitemap
        self.lastModified = lastModified
    }

    init(file: String, _ kind: Kind, source: String?) {
        self.file = file
        self.kind = kind
        self.source = source
        sitePath = nil
        inSitemap = false
        lastModified = nil
    }
}

public struct Routes: Sendable {
    /// In the order pages are listed: generated pages, articles, tags, data-set pages, then files.
    public let all: [Route]
    /// Content/'s files as given, so a memo can tell whether they changed.
    let staticFiles: [String]
    let images: [String: ImageInfo]
    /// The pages site search covers.
    public let search: SearchPlan
    /// A new number for each table made: what is made from the whole table is kept while it stays.
    let version: Int
    /// Each article's page file, in the order of the articles given, and the article of each.
    let articleFiles: [String]
    let articleAt: [String: Int]
    /// The positions of the articles given that name old addresses.
    let aliasSources: [Int]
    /// Files no link needs to reach: an old address is meant to have none, and the search page is
    /// reached by the search form on every page.
    let unlinkedAllowed: Set<String>

    /// The routes of a site made of these parts (drafts already left out of `articles`).
    public init(articles: [Article], assets: [ThemeAsset], staticFiles: [String], images: [String: ImageInfo] = [:],
                atlas: Atlas?, hasGlossary: Bool, articlesPerPage: Int = 20) {
        let data = "\(ContentLoader.contentFolder)/data/"
        let listed = articles.filter(\.isListed)
        let newest = listed.compactMap { $0.meta.updated ?? $0.meta.date }.max()
        var routes = [Route(page: SiteLayout.home, .home, source: nil, lastModified: newest)]
        // Later pages of a list are for browsing; the sitemap lists each list's first page.
        func list(_ first: String, _ kind: Route.Kind, count: Int, lastModified: Day? = nil) -> [Route] {
            (1...SiteLayout.pageCount(count, perPage: articlesPerPage)).map {
                Route(page: SiteLayout.listPage(first, $0), kind, source: nil, inSitemap: $0 == 1, lastModified: $0 == 1 ? lastModified : nil)
            }
        }
        routes += list(SiteLayout.articles, .articleList, count: listed.count, lastModified: newest)
        let firstArticle = routes.count
        routes += articles.map {
            // A draft shown by --drafts is no page for search engines.
            var route = Route(page: $0.urlPath, $0.isListed ? .article : .page, source: $0.sourcePath, inSitemap: !$0.meta.draft,
                              lastModified: $0.meta.updated ?? $0.meta.date)
            route.position = $0.meta.keyPositions["slug"]
            return route
        }
        // Old addresses of articles: pages that send the reader on, and the host's redirect list.
        var aliases = false
        var aliasSources: [Int] = []
        for (index, article) in articles.enumerated() {
            if !article.meta.aliases.isEmpty { aliasSources.append(index) }
            for alias in article.meta.aliases.compactMap(SiteLayout.aliasPath) {
                var route = Route(page: alias, .alias, source: article.sourcePath, inSitemap: false)
                route.position = article.meta.keyPositions["aliases"]
                routes.append(route)
                aliases = true
            }
        }
        if aliases { routes.append(Route(file: SiteLayout.redirects, .redirects, source: nil)) }
        // Tags in order of first use, each once, with as many pages as their articles need.
        var tagCounts: [String: Int] = [:], tagOrder: [String] = []
        for article in listed {
            var seen = Set<String>()
            for tag in article.meta.tags.map(SiteLayout.tag) where seen.insert(tag).inserted {
                if tagCounts[tag] == nil { tagOrder.append(tag) }
                tagCounts[tag, default: 0] += 1
            }
        }
        for tag in tagOrder { routes += list(tag, .tag, count: tagCounts[tag]!) }
        routes.append(Route(file: SiteLayout.notFound, .notFound, source: nil))
        if hasGlossary { routes.append(Route(page: SiteLayout.glossary, .glossary, source: data + "glossary.yml")) }
        if let atlas {
            let dataSet = data + "dermatomes.yml"
            routes.append(Route(page: SiteLayout.atlas, .atlas, source: dataSet))
            routes.append(Route(page: SiteLayout.worksheet, .worksheet, source: dataSet))
            routes += atlas.roots.map { Route(page: $0.urlPath, .root, source: dataSet) }
            routes.append(Route(page: SiteLayout.places, .placeList, source: data + "places.yml"))
            routes += atlas.places.map { Route(page: $0.urlPath, .place, source: data + "places.yml") }
            routes += AtlasMaps.charts(atlas).map { Route(file: $0.path, .chart, source: data + "leg-map.yml") }
        }
        let search = SearchPlan(articles: articles, atlas: atlas, hasGlossary: hasGlossary)
        routes.append(Route(page: SiteLayout.search, .search, source: nil))
        routes += SearchIndex.paths(documents: search.pages.count).map { Route(file: $0, .searchIndex, source: nil) }
        routes.append(Route(file: SiteLayout.feed, .feed, source: nil))
        routes.append(Route(file: SiteLayout.sitemap, .sitemap, source: nil))
        routes.append(Route(file: "robots.txt", .robots, source: nil))
        routes += assets.map { Route(file: $0.outputPath, .asset, source: "\(TemplateLoader.folder)/\($0.sourcePath)") }
        routes += staticFiles.map { Route(file: $0, .file, source: "\(ContentLoader.contentFolder)/\($0)") }
        for (file, info) in images.sorted(by: { $0.key < $1.key }) {
            routes += info.variants(of: file).map { Route(file: $0.path, .imageCopy, source: "\(ContentLoader.contentFolder)/\(file)") }
        }
        all = routes
        self.aliasSources = aliasSources
        articleFiles = routes[firstArticle..<firstArticle + articles.count].map(\.file)
        articleAt = Dictionary(articleFiles.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, last in last })
        unlinkedAllowed = Set(routes.filter { $0.kind == .alias || $0.kind == .search }.map(\.file))
        self.search = search
        self.staticFiles = staticFiles
        self.images = images
        clashes = Self.clashes(in: routes)
        version = Self.made.add(1, ordering: .relaxed).newValue
    }

    private static let made = Atomic<Int>(0)

    /// Every page's address: what a link in Markdown may point at.
    public var sitePaths: Set<String> { Set(all.compactMap(\.sitePath)) }

    /// Files of Content/ and articles' aliases that land where another page or file goes, each
    /// naming what it would replace. (Two articles with one address are the validator's to
    /// report, at their slugs.)
    public let clashes: [Diagnostic]

    private static func clashes(in all: [Route]) -> [Diagnostic] {
        var generated: [String: Route] = [:]
        for route in all where ![.file, .imageCopy, .article, .page, .alias].contains(route.kind) { generated[route.file] = generated[route.file] ?? route }
        var problems: [Diagnostic] = []
        func made(_ other: Route) -> String {
            let noun = other.sitePath == nil ? "file" : "page"
            return other.source.map { "the \(other.kind.rawValue) \(noun) made from \($0)" } ?? "the generated \(other.kind.rawValue) \(noun)"
        }
        // A page that lands on a generated page's address: its file names both.
        for route in all where route.kind == .page {
            guard let other = generated[route.file] else { continue }
            let at = route.position ?? SourcePosition(file: route.source ?? route.file, line: 1, column: 1)
            problems.append(.error(at.file, line: at.line, column: at.column,
                "this page's address /\(route.sitePath ?? route.file) is taken by \(made(other)); give it another 'slug'"))
        }
        for route in all where [.article, .page].contains(route.kind) { generated[route.file] = generated[route.file] ?? route }
        problems += all.filter { $0.kind == .file }.compactMap { file in
            guard let other = generated[file.file] else { return nil }
            return .error(file.source ?? file.file, "this file would overwrite \(made(other)) at \(file.file); rename or move it")
        }
        for route in all where route.kind == .file { generated[route.file] = generated[route.file] ?? route }
        for route in all where route.kind == .imageCopy {
            if let other = generated[route.file] {
                problems.append(.error(other.source ?? other.file, "this file lands where a copy of \(route.source ?? "an image") goes (\(route.file)); rename it"))
            }
        }
        var aliases: [String: Route] = [:]
        for alias in all where alias.kind == .alias {
            let path = "/" + (alias.sitePath ?? alias.file)
            let at = alias.position ?? SourcePosition(file: alias.source ?? "", line: 1, column: 1)
            if let other = generated[alias.file] {
                problems.append(.error(at.file, line: at.line, column: at.column,
                                       "alias '\(path)' is the address of \(made(other)); remove it from 'aliases'"))
            } else if let first = aliases[alias.file], first.source != alias.source {
                problems.append(.error(at.file, line: at.line, column: at.column,
                                       "alias '\(path)' is also an alias of \(first.source ?? "another page"); keep it on one page"))
            }
            aliases[alias.file] = aliases[alias.file] ?? alias
        }
        return problems
    }
}
