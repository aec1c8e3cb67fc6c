/// Which pages search covers, and what it knows of each before they are rendered: the route table
/// counts them (for the index's files), the index step reads their rendered text.
/// Lists, tags, the home page and the worksheet repeat what other pages say, and are left out.
public struct SearchPlan: Sendable, Equatable {
    public struct Page: Sendable, Equatable {
        public var sitePath: String
        public var kind: SearchIndex.Kind
        public var roots: [String]
        public var urgent: Bool
        public var weight: Double
        public var keywords: [String]
        /// The title search shows and scores, when the page's heading says more than its subject
        /// (a place page's "Big toe: which nerve root supplies it?" is found and shown as "Big toe").
        public var title: String? = nil
    }

    public var pages: [Page] = []
    /// Each page's output file, in the order of `pages`: made once with the route table.
    public private(set) var files: [String] = []
    /// The positions, in the articles given, of those search covers (the search page's list).
    private(set) var articlePositions: [Int] = []
    /// How many of those are listed articles (they come first: pages follow in the site's order).
    private(set) var listedCount = 0
    /// Each output file's index in `pages`.
    private(set) var position: [String: Int] = [:]

    public init(articles: [Article], atlas: Atlas?, hasGlossary: Bool) {
        defer {
            files = pages.map { SiteLayout.file(for: $0.sitePath) }
            position = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for (index, article) in articles.enumerated() where !article.meta.draft && article.meta.searchWeight > 0 {
            articlePositions.append(index)
            if article.isListed { listedCount += 1 }
            pages.append(Page(sitePath: article.urlPath, kind: .article, roots: [], urgent: false,
                              weight: article.meta.searchWeight, keywords: []))
        }
        if hasGlossary { pages.append(Page(sitePath: SiteLayout.glossary, kind: .article, roots: [], urgent: false, weight: 1, keywords: [])) }
        guard let atlas else { return }
        pages.append(Page(sitePath: SiteLayout.atlas, kind: .article, roots: [], urgent: false, weight: 1, keywords: []))
        for root in atlas.roots {
            pages.append(Page(sitePath: root.urlPath, kind: .root, roots: [root.id], urgent: root.urgent, weight: 1,
                              keywords: [root.id, root.name]))
        }
        pages.append(Page(sitePath: SiteLayout.places, kind: .article, roots: [], urgent: false, weight: 1, keywords: []))
        for place in atlas.places {
            var named = Set<String>()
            for variant in atlas.variants { named.formUnion(atlas.coverage(of: place.id, in: variant).allRoots) }
            pages.append(Page(sitePath: place.urlPath, kind: .place, roots: atlas.roots.map(\.id).filter(named.contains),
                              urgent: place.urgent, weight: 1, keywords: place.words + [place.name, place.clinical],
                              title: place.name))
        }
    }

    /// The roots an article is about: those its title or headings name ("L5", "S4-S5" from "S4").
    /// Each root's words, split once for all the articles of a build (splitting them again for
    /// every title was most of putting a large site's search entries together).
    struct RootNames {
        private let roots: [(id: String, words: [String])]

        init(_ atlas: Atlas?) {
            roots = (atlas?.roots ?? []).map { ($0.id, SearchWords.words($0.id)) }
        }

        func roots(named text: String) -> [String] {
            let words = Set(SearchWords.words(text))
            return roots.filter { $0.words.contains(where: words.contains) }.map(\.id)
        }
    }
}
