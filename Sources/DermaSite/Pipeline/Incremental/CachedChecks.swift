/// The checks of a build that look at every article, done again only for the articles that
/// changed: a rebuild after one edit must not cost as much as a build.
extension BuildMemo {
    func articleVersion(_ path: String) -> Int { content.articles[path]?.version ?? -1 }

    /// ArticleValidator's findings: each article's own checks come from the cache unless it was
    /// read again; the checks across articles (shared slugs and tags) again only when an article's
    /// slug or tags changed.
    func checkArticles(_ articles: [Article]) -> [Diagnostic] {
        let local = alignedChecks.map(articles, key: []) { index -> ArticleValidator.Local in
            let article = articles[index]
            let version = articleVersion(article.sourcePath)
            if let stored = articleChecks[article.sourcePath], stored.version == version { return stored.value }
            let checked = ArticleValidator.checkOne(article)
            articleChecks[article.sourcePath] = Versioned(value: checked, version: version)
            return checked
        }
        if articleChecks.count > articles.count { articleChecks = pruned(articleChecks, to: articles) }
        let across: [Diagnostic]
        // The checks across articles read each article's slug, tags and where they are written.
        if let stored = acrossChecks, articles.matches(stored.articles, by: { $0.acrossCheckFacts == $1.acrossCheckFacts }) {
            across = stored.diagnostics
        } else {
            across = ArticleValidator.checkAcross(articles, local)
            acrossChecks = (articles, across)
        }
        var diagnostics: [Diagnostic] = []
        for index in local.indices where !local[index].diagnostics.isEmpty { diagnostics += local[index].diagnostics }
        return diagnostics + across
    }

    /// Output paths written twice, sorted; looked for again only when the paths changed.
    func duplicatePaths(_ files: [OutputFile]) -> [String] {
        let list = files.map(\.path)
        currentPaths = list
        if let stored = outputPaths, stored.list == list { return stored.duplicates }
        // A page made again after it was gone (an article deleted, then restored) is new to the output.
        pages.keep(only: Set(list))
        var seen = Set<String>()
        let duplicates = list.filter { !seen.insert($0).inserted }.sorted()
        outputPaths = (list, duplicates)
        return duplicates
    }

    /// Called when a build succeeded: what it rendered is now what the caller has.
    func buildSucceeded() -> (rendered: [String], reasons: [String: String], samePaths: Bool) {
        let result = (rendered.sorted(), reasons, lastGoodPaths != nil && lastGoodPaths == currentPaths)
        lastGoodPaths = currentPaths
        rendered = []
        reasons = [:]
        return result
    }

    /// Diagnostics in report order. When only a few differ from the last build's, in place (an edit
    /// changes one page's warnings), the last order is patched instead of sorting thousands again.
    func sortedForReport(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var sorted: [Diagnostic]
        if let stored = lastReport, stored.input.count == diagnostics.count,
           let patched = Self.patch(stored.sorted, from: stored.input, to: diagnostics) {
            sorted = patched
        } else {
            sorted = diagnostics.sortedForReport()
        }
        lastReport = (diagnostics, sorted)
        return sorted
    }

    private static func patch(_ sorted: [Diagnostic], from old: [Diagnostic], to new: [Diagnostic]) -> [Diagnostic]? {
        var changed: [Int] = []
        for index in old.indices where old[index] != new[index] {
            changed.append(index)
            if changed.count > 64 { return nil }
        }
        var result = sorted
        for index in changed {
            guard let at = firstIndex(of: old[index], in: result) else { return nil }
            result.remove(at: at)
        }
        for index in changed { result.insert(new[index], at: lowerBound(of: new[index], in: result)) }
        return result
    }

    private static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }

    private static func lowerBound(of item: Diagnostic, in list: [Diagnostic]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(list[middle], item) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func firstIndex(of item: Diagnostic, in list: [Diagnostic]) -> Int? {
        var at = lowerBound(of: item, in: list)
        while at < list.count, !precedes(item, list[at]) {
            if list[at] == item { return at }
            at += 1
        }
        return nil
    }

    /// Listing order, sorted again only when what it sorts by changed.
    func listingOrder(_ articles: [Article]) -> [Article] {
        let order = listingPositions(articles)
        listingOrderCache = (articles, order)
        return order.map { articles[$0] }
    }

    /// An article that is another object with the same order, date, title and path keeps its
    /// place; a few that moved (a title edit) are put back where they now belong. The order is
    /// total (the path breaks ties), so this is the order a full sort gives.
    private func listingPositions(_ articles: [Article]) -> [Int] {
        let before = { (a: Int, b: Int) in ArticleValidator.listedBefore(articles[a], articles[b]) }
        guard let stored = listingOrderCache, stored.articles.count == articles.count else {
            return articles.indices.sorted(by: before)
        }
        var moved: [Int] = []
        for index in articles.indices where articles[index] !== stored.articles[index]
            && ListingKey(articles[index]) != ListingKey(stored.articles[index]) {
            moved.append(index)
            if moved.count > 16 { return articles.indices.sorted(by: before) }
        }
        guard !moved.isEmpty else { return stored.order }
        let movedSet = Set(moved)
        var order = stored.order.filter { !movedSet.contains($0) }
        for index in moved {
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if before(order[middle], index) { low = middle + 1 } else { high = middle }
            }
            order.insert(index, at: low)
        }
        return order
    }

    /// Reading-level scores of the articles, then the root pages; per article from the last build
    /// when its page is the same.
    func readability(site: Site, rendered: [RenderedMarkdown]) -> [PageReadability] {
        let articles = alignedScores.map(site.articles, key: [], pages: rendered) { index in
            ContentStandards.score(site.articles[index], rendered[index])
        }
        // The root pages' text is the data set's: scored again only when it changed.
        let roots = keyed(&rootScores, [atlas.version]) { ContentStandards.rootScores(site) }
        return articles + roots
    }

    /// Health-information checks (reading level and sources), per article from the
    /// cache unless its text or scores changed; the data set's are few and always done.
    func contentStandards(site: Site, rendered: [RenderedMarkdown], readability: [PageReadability]) -> [Diagnostic] {
        let target = site.config.readingGradeTarget
        let perArticle = alignedStandards.map(site.articles, key: [Int(target.bitPattern)], pages: rendered) { index in
            let article = site.articles[index], page = readability[index]
            let key = StandardsKey(article: articleVersion(article.sourcePath), score: page.score, target: target)
            if let stored = standards[article.sourcePath], stored.key == key { return stored.value }
            let found = ContentStandards.check(article: article, readability: page, target: target)
            standards[article.sourcePath] = (key, found)
            return found
        }
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(perArticle.reduce(0) { $0 + $1.count } + 16)
        for found in perArticle where !found.isEmpty { diagnostics += found }
        if standards.count > site.articles.count {
            let live = Set(site.articles.map(\.sourcePath))
            standards = standards.filter { live.contains($0.key) }
        }
        let roots = Array(readability.dropFirst(site.articles.count))
        diagnostics += ContentStandards.checkAtlas(site: site, readability: roots)
        return diagnostics
    }

    private func pruned<V>(_ table: [String: V], to articles: [Article]) -> [String: V] {
        let live = Set(articles.map(\.sourcePath))
        return table.filter { live.contains($0.key) }
    }
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
    var target: Double
}
