/// The checks of a build that look at every article, done again only for the articles that
/// changed: a rebuild after one edit must not cost as much as a build.
extension BuildCache {
    func articleVersion(_ path: String) -> Int { content.articles[path]?.version ?? -1 }

    /// ArticleValidator's findings: each article's own checks come from the cache unless it was
    /// read again; the checks across articles (shared slugs and tags) are cheap and always run.
    func checkArticles(_ articles: [Article]) -> [Diagnostic] {
        let local = articles.map { article -> ArticleValidator.Local in
            let version = articleVersion(article.sourcePath)
            if let stored = articleChecks[article.sourcePath], stored.version == version { return stored.value }
            let checked = ArticleValidator.checkOne(article)
            articleChecks[article.sourcePath] = Stamped(version: version, value: checked)
            return checked
        }
        if articleChecks.count > articles.count { articleChecks = pruned(articleChecks, to: articles) }
        let across: [Diagnostic]
        if let stored = acrossChecks, Self.sameForAcrossChecks(stored.articles, articles) {
            across = stored.diagnostics
        } else {
            across = ArticleValidator.checkAcross(articles, local)
            acrossChecks = (articles, across)
        }
        return local.flatMap(\.diagnostics) + across
    }

    /// The checks across articles read each article's slug, tags and where they are written.
    private static func sameForAcrossChecks(_ old: [Article], _ new: [Article]) -> Bool {
        guard old.count == new.count else { return false }
        for (a, b) in zip(old, new) where a !== b {
            guard a.sourcePath == b.sourcePath, a.slug == b.slug, a.meta.tags == b.meta.tags,
                  a.meta.unreadable == b.meta.unreadable,
                  a.meta.keyPositions["slug"] == b.meta.keyPositions["slug"],
                  a.meta.keyPositions["tags"] == b.meta.keyPositions["tags"] else { return false }
        }
        return true
    }

    /// Output paths written twice, sorted; looked for again only when the paths changed.
    func duplicatePaths(_ files: [OutputFile]) -> [String] {
        let list = files.map(\.path)
        samePathsAsLastBuild = outputPaths?.list == list
        if let stored = outputPaths, samePathsAsLastBuild { return stored.duplicates }
        var seen = Set<String>()
        let duplicates = list.filter { !seen.insert($0).inserted }.sorted()
        outputPaths = (list, duplicates)
        return duplicates
    }

    /// Diagnostics in report order; sorted again only when they differ from the last build's.
    func sortedForReport(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        if let stored = lastReport, stored.input == diagnostics { return stored.sorted }
        let sorted = diagnostics.sortedForReport()
        lastReport = (diagnostics, sorted)
        return sorted
    }

    /// Listing order, sorted again only when what it sorts by changed.
    func listingOrder(_ articles: [Article]) -> [Article] {
        let keys = articles.map(ListingKey.init)
        if let stored = listingOrderCache, stored.keys == keys {
            return stored.order.map { articles[$0] }
        }
        let order = articles.indices.sorted { ArticleValidator.listedBefore(articles[$0], articles[$1]) }
        listingOrderCache = (keys, order)
        return order.map { articles[$0] }
    }

    /// Health-information checks (reading level, review dates, sources), per article from the
    /// cache unless its text or scores changed; the data set's are few and always done.
    func contentStandards(site: Site, readability: [PageReadability], today: Day?) -> [Diagnostic] {
        let target = site.config.readingGradeTarget
        var diagnostics: [Diagnostic] = []
        for (article, page) in zip(site.articles, readability) {
            let key = StandardsKey(article: articleVersion(article.sourcePath), score: page.score, today: today, target: target)
            if let stored = standards[article.sourcePath], stored.key == key {
                diagnostics += stored.value
                continue
            }
            let found = ContentStandards.check(article: article, readability: page, today: today, target: target)
            standards[article.sourcePath] = (key, found)
            diagnostics += found
        }
        if standards.count > site.articles.count {
            let live = Set(site.articles.map(\.sourcePath))
            standards = standards.filter { live.contains($0.key) }
        }
        let roots = Array(readability.dropFirst(site.articles.count))
        return diagnostics + ContentStandards.checkAtlas(site: site, readability: roots, today: today)
    }

    private func pruned<V>(_ table: [String: V], to articles: [Article]) -> [String: V] {
        let live = Set(articles.map(\.sourcePath))
        return table.filter { live.contains($0.key) }
    }
}

struct Stamped<T> {
    var version: Int
    var value: T
}

/// What listing order sorts by.
struct ListingKey: Equatable {
    var order: Int?
    var date: Day?
    var title: String
    var path: String

    init(_ article: Article) {
        order = article.meta.order
        date = article.meta.date
        title = article.meta.title
        path = article.sourcePath
    }
}

struct StandardsKey: Equatable {
    var article: Int
    var score: ReadabilityScore
    var today: Day?
    var target: Double
}
