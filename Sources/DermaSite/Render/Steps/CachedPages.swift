/// The render steps of a build, each re-rendering only what changed since the cache was filled.
/// Every group of pages has a key: the versions of the inputs it shows. A template's version
/// changes when it or anything it includes changes, so a template edit re-renders just the
/// pages that use it.
struct CachedPages {
    let site: Site
    let routes: Routes
    let pages: PageRenderer
    let cache: BuildMemo
    let versions: InputVersions
    /// The version of what every page reads of the site (its configuration, theme assets, the
    /// values under `site`): pages whose own inputs are the same objects as last time are kept
    /// while it stays the same.
    let frame: Int

    init(site: Site, routes: Routes, pages: PageRenderer, cache: BuildMemo, versions: InputVersions) {
        self.site = site
        self.routes = routes
        self.pages = pages
        self.cache = cache
        self.versions = versions
        frame = cache.version(of: pages.frame, in: &cache.frame)
    }

    func templates(_ names: String...) -> InputKey {
        InputKey(Dictionary(uniqueKeysWithValues: names.map { ("template \($0)", cache.templateVersion($0)) }))
    }

    private func articleVersion(_ article: Article) -> Int { cache.articleVersion(article.sourcePath) }

    private func markdownVersion(_ article: Article) -> Int { cache.markdown[article.sourcePath]?.version ?? -1 }

    /// Renders what the memo does not hold: each page again only when its values or its template
    /// changed, on every core.
    func render<Body>(_ specs: [PageSpec<Body>]) throws -> [OutputFile] {
        try render(specs.map(AnyPageSpec.init))
    }

    /// Stale pages from which each worker renders with copies of its own (PageRenderer.forWorker):
    /// about a tenth of a millisecond a copy, against a few microseconds a page of shared counts.
    static let pagesWorthCopies = 32

    /// The same for pages of several kinds at once.
    func render(_ specs: [AnyPageSpec]) throws -> [OutputFile] {
        var files: [OutputFile] = []
        files.reserveCapacity(specs.count)
        var stale: [(index: Int, reason: String)] = []
        for (index, spec) in specs.enumerated() {
            switch spec.lookUp(in: cache.pages, template: cache.templateVersion(spec.template)) {
            case .kept(let file): files.append(file)
            case .stale(let reason):
                stale.append((index, reason))
                files.append(OutputFile(path: "", bytes: []))
            }
        }
        let pages = self.pages
        // Many pages go to workers with renderers of their own (PageRenderer.forWorker); for a few,
        // as after an edit, making the copies costs more than sharing one.
        let made = stale.count < Self.pagesWorthCopies ? try Parallel.map(stale) { try specs[$0.index].render(with: pages) }
            : try Parallel.map(stale, worker: { pages.forWorker() }) { renderer, page in try specs[page.index].render(with: renderer) }
        for ((index, reason), file) in zip(stale, made) {
            cache.made([file.path], reason: reason)
            specs[index].store(in: cache.pages, template: cache.templateVersion(specs[index].template), file: file)
            files[index] = file
        }
        return files
    }

    /// Article pages. An article whose object, rendered Markdown, review and frame are those of
    /// the last build keeps its page without its values being made again; the rest go through
    /// the page memo, which compares their values.
    func articles(_ rendered: [RenderedMarkdown]) throws -> [OutputFile] {
        let articles = site.articles
        let inputs = [frame, versions.reviews, cache.templateVersion("pages/article"), cache.templateVersion("pages/page")]
        let aligned = cache.alignedPages.changed(articles, key: inputs, pages: rendered)
        let changed = aligned ?? Array(articles.indices)
        let site = self.site, frame = pages.frame
        let specs = Parallel.map(changed) { index in
            let article = articles[index]
            return PageRenderer.article(article, rendered: rendered[index],
                                        review: site.reviews.status(of: SiteReviews.subject(of: article)), frame: frame)
        }
        var files = aligned != nil ? cache.alignedPages.take() : Array(repeating: OutputFile(path: "", bytes: []), count: articles.count)
        for (index, file) in zip(changed, try render(specs)) { files[index] = file }
        cache.alignedPages.store(articles, key: inputs, pages: rendered, values: files)
        return files
    }

    func listsAndAtlas(_ rendered: [RenderedMarkdown]) throws -> [OutputFile] {
        let listed = site.listed
        let pages = self.pages
        let onHome = cache.version(of: SameObjects(Array(listed.prefix(site.config.articlesPerPage))), in: &cache.homeObjects)
        let homeKey = InputKey(["articles on the home page": onHome, "number of articles": listed.count,
                                "the data set": versions.atlas, "the site": frame]).merging(templates("pages/home"))
        var files = try gate("home", homeKey) { try render([pages.home()]) }
        files += try gate("404", InputKey(["the site": frame]).merging(templates("pages/404"))) { try render([pages.notFound()]) }
        files += try lists()
        if let atlas = site.atlas {
            let key = InputKey(["the data set": versions.atlas, "glossary and red flags": versions.guidance,
                                ReviewLoader.path: versions.reviews, "the site": frame])
                .merging(templates("pages/atlas", "pages/root", "pages/worksheet", "pages/place", "pages/places"))
            files += try gate("atlas", key) {
                try render(AtlasPages(site: site, atlas: atlas, pages: pages).all())
            }
        }
        if let glossary = site.glossary {
            let uses = zip(site.articles, rendered).filter { !$0.1.glossaryTerms.isEmpty }.map {
                GlossaryUse(urlPath: $0.0.urlPath, title: $0.0.meta.title, terms: $0.1.glossaryTerms)
            }
            let usage = cache.version(of: uses, in: &cache.glossaryUsage)
            let key = InputKey(["glossary and red flags": versions.guidance, ReviewLoader.path: versions.reviews,
                                "which articles use which glossary words": usage, "the site": frame])
            files += try gate("glossary", key.merging(templates("pages/glossary"))) {
                try render([GlossaryPage(site: site, glossary: glossary, pages: pages).spec(usedBy: rendered)])
            }
        }
        return files
    }

    func feedAndSitemap(_ rendered: [RenderedMarkdown]) throws -> [OutputFile] {
        let newest = cache.newest(site.listed)
        let shown = cache.version(of: newest.map(ListingEntry.init), in: &cache.feedListing)
        var feedKey = ["the newest articles (titles, dates)": shown, SiteConfigLoader.path: versions.config]
        for article in newest {
            feedKey["text of \(article.sourcePath)"] = articleVersion(article)
            feedKey["rendered Markdown of \(article.sourcePath)"] = markdownVersion(article)
        }
        var files = try group("feed", InputKey(feedKey)) {
            var html: [String: String] = [:]
            let listed = Set(newest.map(\.sourcePath))
            for (article, markdown) in zip(site.articles, rendered) where listed.contains(article.sourcePath) {
                html[article.sourcePath] = markdown.html
            }
            return [FeedRenderer.render(site: site, newest: newest, articleHTML: html)]
        }
        // The route table is made again only when a page's address or date may have changed.
        let entries = cache.sitemapEntries?.routes == routes.version ? cache.sitemapEntries!.version
            : cache.version(of: routes.all.filter(\.inSitemap), in: &cache.sitemapRoutes)
        cache.sitemapEntries = (routes.version, entries)
        let sitemapKey = InputKey(["the pages in the sitemap (addresses, dates)": entries, SiteConfigLoader.path: versions.config])
        files += try group("sitemap", sitemapKey) {
            [SitemapRenderer.render(site: site, pages: sitemapEntries()), SitemapRenderer.robots(site: site)]
        }
        return files
    }

    /// The pages at articles' old addresses, and `_redirects`.
    func aliases() throws -> [OutputFile] {
        // Only the articles the route table found old addresses in (its order is the site's).
        let aliases = AliasPages.aliases(of: routes.aliasSources.map { site.articles[$0] })
        let version = cache.version(of: aliases, in: &cache.aliases)
        return try group("aliases", InputKey(["articles' aliases and titles": version, SiteConfigLoader.path: versions.config])) {
            AliasPages.render(aliases, site: site)
        }
    }

    func charts() throws -> [OutputFile] {
        guard let atlas = site.atlas else { return [] }
        return try group("charts", InputKey(["the data set": versions.atlas, SiteConfigLoader.path: versions.config])) { AtlasPages(site: site, atlas: atlas, pages: pages).charts() }
    }

    /// Files of Content/ copied as they are: read again only when the watcher saw them change.
    func staticFiles(root: String, fileSystem: FileSystem, changes: ChangeSet) throws -> [OutputFile] {
        var files: [OutputFile] = []
        for file in site.staticFiles {
            let path = "\(ContentLoader.contentFolder)/\(file)"
            let stored = cache.staticFiles[file]
            if let stored, !changes.contains(path) {
                files.append(stored)
                continue
            }
            do {
                let copy = OutputFile(path: file, bytes: try fileSystem.readBytes(FilePath.join(root, path)))
                cache.staticFiles[file] = copy
                cache.made([copy.path], reason: stored == nil ? RenderReason.firstBuild : "changed: \(path)")
                files.append(copy)
            } catch {
                cache.staticFiles[file] = nil
                throw BuildFailure(step: "copy assets, files and charts", diagnostics: [.error(path, "cannot read file")])
            }
        }
        if cache.staticFiles.count > site.staticFiles.count {
            let live = Set(site.staticFiles)
            cache.staticFiles = cache.staticFiles.filter { live.contains($0.key) }
        }
        return files
    }

    /// Makes a group of pages only when an input of the functions that make their values changed;
    /// which of them are rendered again (and why) is the page memo's to say.
    func gate(_ name: String, _ key: InputKey, _ make: () throws -> [OutputFile]) throws -> [OutputFile] {
        if let stored = cache.gates[name], stored.key == key { return stored.value }
        let files = try make()
        cache.gates[name] = Named(key: key, value: files)
        return files
    }

    /// A group of files that are not pages (the feed, the sitemap), made again when its key changed.
    func group(_ name: String, _ key: InputKey, _ make: () throws -> [OutputFile]) throws -> [OutputFile] {
        let stored = cache.groups[name]
        if let stored, stored.key == key { return stored.value }
        let files = try make()
        cache.made(files.map(\.path), reason: stored.map { RenderReason.changed(key.changes(since: $0.key)) } ?? RenderReason.firstBuild)
        cache.groups[name] = Named(key: key, value: files)
        return files
    }

    private func sitemapEntries() -> [SitemapRenderer.Entry] {
        routes.all.filter(\.inSitemap).map { SitemapRenderer.Entry(sitePath: $0.sitePath!, lastModified: $0.lastModified) }
    }
}

/// An array compared by the identity of its objects: unchanged articles are the same objects
/// from build to build, so this says "nothing in the list changed" without reading any field.
/// It holds the objects, so an address cannot be reused by a new one while it is stored.
struct SameObjects<T: AnyObject>: Equatable {
    let items: [T]

    init(_ items: [T]) { self.items = items }

    static func == (a: Self, b: Self) -> Bool {
        a.items.count == b.items.count && zip(a.items, b.items).allSatisfy { $0 === $1 }
    }
}
