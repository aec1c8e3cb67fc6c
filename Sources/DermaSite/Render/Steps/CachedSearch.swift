/// The search page and the search index, read from the pages this build made. A page's words are
/// read again only when the page was made again; the index is kept in parts (SearchIndexMemo).
extension CachedPages {
    func searchPage() throws -> [OutputFile] {
        // What the page shows of the articles and pages: the first articles' list entries, how
        // many there are, and every other page's entry. The route table found which search covers
        // (SearchPage.shown), in the site's order, where the articles come first.
        let shown = routes.search.articlePositions, baseURL = site.config.baseURL
        let articleCount = routes.search.listedCount
        let entries = (shown.prefix(min(articleCount, SearchPage.articleLimit)) + shown.dropFirst(articleCount)).map {
            SearchPage.Entry(item: ListItem(site.articles[$0], baseURL: baseURL), isArticle: site.articles[$0].isListed)
        }
        let key = InputKey(["the articles and pages it lists": cache.version(of: entries, in: &cache.searchPageEntries),
                            "number of articles": articleCount,
                            "the data set": versions.atlas, "the site": frame]).merging(templates("pages/search"))
        return try gate("search page", key) { try render([SearchPage(site: site, pages: pages).spec()]) }
    }

    /// The index files, and a warning for each synonym that finds no page.
    func searchIndex(_ made: [OutputFile], settings: SearchSettings) -> (files: [OutputFile], problems: [Diagnostic]) {
        let plan = routes.search.pages, planFiles = routes.search.files
        // Pages new, or made again since the last good build, are read, on every core (a page the
        // page memo kept has the bytes it had).
        var stale: [String] = [], titles: [String: String] = [:]
        if cache.searchedRoutes == routes.version, cache.searchPages.count == planFiles.count {
            // The same plan as the last good build, every page of it read: only the pages made again.
            let planned = routes.search.position
            for path in Set(cache.rendered).sorted() {
                guard let index = planned[path] else { continue }
                stale.append(path)
                titles[path] = plan[index].title
            }
        } else {
            let madeAgain = Set(cache.rendered)
            for (index, path) in planFiles.enumerated() {
                let stored = cache.searchPages[path]
                if stored == nil || madeAgain.contains(path) || plan[index].title.map({ $0 != stored?.title }) == true {
                    stale.append(path)
                    titles[path] = plan[index].title
                }
            }
        }
        // The page memo holds this build's pages; anything else is looked for among the files made.
        var bytesByPath: [String: [UInt8]] = [:], elsewhere = Set<String>()
        for path in stale {
            if let file = cache.pages.file(at: path) { bytesByPath[path] = file.bytes } else { elsewhere.insert(path) }
        }
        if !elsewhere.isEmpty {
            for index in made.indices where elsewhere.contains(made[index].path) { bytesByPath[made[index].path] = made[index].bytes }
        }
        let read = Parallel.map(stale.map { (bytesByPath[$0] ?? [], titles[$0]) }, worker: { TermMemo() }) { memo, page in
            let (bytes, title) = page
            var text = PageText(html: bytes)
            if let title {
                text.title = title
                text.parts = [PageText.Part(field: .title, weight: 1, text: title)] + text.parts.filter { $0.field != .title }
            }
            return (text.title, SearchIndex.snippetText(text.plain), SearchIndex.scores(text, memo: &memo))
        }
        for (path, (title, snippet, scores)) in zip(stale, read) {
            cache.searchPages[path] = .init(title: title, snippet: snippet, scores: scores)
        }
        let reread = Set(stale)
        let (paths, documents, scores, rescored, redone) = searchDocuments(plan, files: planFiles, reread: reread)
        if cache.searchPages.count > plan.count {
            let live = Set(planFiles)
            cache.searchPages = cache.searchPages.filter { live.contains($0.key) }
        }
        cache.searchedRoutes = routes.version
        let rootOrder = site.atlas?.roots.map(\.id) ?? []
        var files: [OutputFile] = []
        var changed: [String] = []
        let first = cache.searchFiles.isEmpty
        for (path, text, kept) in cache.searchIndex.files(paths: paths, documents: documents, scores: scores,
                                                          changed: first ? nil : rescored, redone: first ? nil : redone,
                                                          settings: settings, rootOrder: rootOrder) {
            // The stored copy is handed on when unchanged, so the writer and the preview see no change.
            if kept, let stored = cache.searchFiles[path] {
                files.append(OutputFile(path: path, bytes: stored))
                continue
            }
            let bytes = Array(text.utf8)
            if let stored = cache.searchFiles[path], stored == bytes {
                files.append(OutputFile(path: path, bytes: stored))
            } else {
                changed.append(path)
                cache.searchFiles[path] = bytes
                files.append(OutputFile(path: path, bytes: bytes))
            }
        }
        if !changed.isEmpty {
            cache.made(changed, reason: first ? RenderReason.firstBuild
                       : stale.isEmpty ? "changed: the pages search covers or Content/data/search.yml"
                       : "changed: the words of \(stale.count) page(s) search covers")
        }
        if cache.searchFiles.count > files.count {
            let live = Set(files.map(\.path))
            cache.searchFiles = cache.searchFiles.filter { live.contains($0.key) }
        }
        // A synonym whose words are on no page finds nothing: most likely a misspelling.
        let known = cache.searchIndex
        var problems: [Diagnostic] = []
        for synonym in settings.synonyms {
            for word in synonym.find where !SearchWords.terms(word).allSatisfy(known.hasTerm) {
                let at = synonym.position ?? SourcePosition(file: SearchSettingsLoader.path, line: 1, column: 1)
                problems.append(.warning(at.file, line: at.line, column: at.column,
                                         "'\(word)' is on no page, so this synonym finds nothing; check its spelling"))
            }
        }
        return (files, problems)
    }

    /// Each searched page as the index shows it, with its scores, and the pages whose scores may
    /// differ from the last build's (those read again, and those the plan weighs or gives words
    /// to). While the route table, the data set and site.yml stay, only the pages read again are
    /// made again: `redone` are those, nil when every entry was made again.
    private func searchDocuments(_ plan: [SearchPlan.Page], files: [String], reread: Set<String>)
        -> (paths: [String], documents: [SearchIndex.Document], scores: [[String: Int]], rescored: [Int], redone: [Int]?) {
        let key = [routes.version, versions.atlas, versions.config]
        let help = helpPage, rootNames = SearchPlan.RootNames(site.atlas)
        // Taken out of the cache, so changing an entry does not copy all of them.
        if var last = cache.searchDocuments.take(), last.key == key, reread.allSatisfy({ last.index[$0] != nil }) {
            var redone: [Int] = []
            var rescored = Set(last.weighed)
            for path in reread {
                guard let index = last.index[path] else { continue }
                let (document, scores) = searchDocument(plan[last.planIndex[index]], path: path, help: help, rootNames: rootNames)
                last.documents[index] = document
                last.scores[index] = scores
                rescored.insert(index)
                redone.append(index)
            }
            cache.searchDocuments = last
            return (last.paths, last.documents, last.scores, rescored.sorted(), redone.sorted())
        }
        var made = SearchDocuments(key: key)
        for (planIndex, page) in plan.enumerated() {
            let path = files[planIndex]
            guard cache.searchPages[path] != nil else { continue }
            if page.weight != 1 || !page.keywords.isEmpty { made.weighed.append(made.paths.count) }
            made.index[path] = made.paths.count
            made.paths.append(path)
            made.planIndex.append(planIndex)
            let (document, scores) = searchDocument(page, path: path, help: help, rootNames: rootNames)
            made.documents.append(document)
            made.scores.append(scores)
        }
        cache.searchDocuments = made
        let weighed = Set(made.weighed)
        return (made.paths, made.documents, made.scores,
                made.paths.indices.filter { reread.contains(made.paths[$0]) || weighed.contains($0) }, nil)
    }

    /// The site's urgent-help page, which search puts first for an urgent query.
    private var helpPage: String? { site.config.emergency?.helpPage.flatMap { $0.hasPrefix("/") ? String($0.dropFirst()) : nil } }

    private func searchDocument(_ page: SearchPlan.Page, path: String, help: String?,
                                rootNames: SearchPlan.RootNames) -> (SearchIndex.Document, [String: Int]) {
        var stored = cache.searchPages[path]!
        var roots = page.roots
        if page.kind == .article {
            // The roots an article's title names, found again only when it or the data set changed.
            if stored.roots == nil || stored.atlasVersion != versions.atlas {
                stored.roots = rootNames.roots(named: stored.title)
                stored.atlasVersion = versions.atlas
                cache.searchPages[path] = stored
            }
            roots = stored.roots ?? []
        }
        let isHelp = help.map { $0 == page.sitePath || $0.hasPrefix(page.sitePath + "#") } == true
        let document = SearchIndex.Document(url: site.config.baseURL.sitePath(page.sitePath), title: stored.title,
                                            kind: page.kind, roots: roots, urgency: isHelp ? 2 : page.urgent ? 1 : 0,
                                            snippet: stored.snippet)
        var scores = stored.scores
        if page.weight != 1 || !page.keywords.isEmpty {
            // Weights and the data set's words are the plan's, not the page's: applied here.
            for term in page.keywords.flatMap(SearchWords.terms) {
                scores[term] = max(scores[term] ?? 0, Int(SearchIndex.keywordScore))
            }
            scores = scores.mapValues { max(1, Int((Double($0) * page.weight).rounded())) }
        }
        return (document, scores)
    }
}

/// The searched pages of the last build, in index order, with what their entries were made from.
struct SearchDocuments {
    var key: [Int]
    var paths: [String] = []
    var index: [String: Int] = [:]
    var planIndex: [Int] = []
    var documents: [SearchIndex.Document] = []
    var scores: [[String: Int]] = []
    /// Pages the plan weighs or gives the data set's words to.
    var weighed: [Int] = []
}
