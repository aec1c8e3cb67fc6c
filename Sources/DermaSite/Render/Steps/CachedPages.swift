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

    /// What every page shows of the site: the configuration, theme assets, the menu's sections
    /// and the emergency box.
    var common: InputKey {
        InputKey([SiteConfigLoader.path: versions.config, "theme assets": cache.assetsVersion,
                  "whether there is a data set": site.atlas == nil ? 0 : 1,
                  "whether there is a glossary": site.glossary == nil ? 0 : 1, GuidanceLoader.redFlagsPath: versions.redFlags])
    }

    func templates(_ names: String...) -> InputKey {
        InputKey(Dictionary(uniqueKeysWithValues: names.map { ("template \($0)", cache.templateVersion($0)) }))
    }

    private func articleVersion(_ article: Article) -> Int { cache.articleVersion(article.sourcePath) }

    private func markdownVersion(_ article: Article) -> Int { cache.markdown[article.sourcePath]?.version ?? -1 }

    func articles(_ rendered: [RenderedMarkdown]) throws -> [OutputFile] {
        let shared = PageKey(article: 0, markdown: 0, template: cache.templateVersion("pages/article"), config: versions.config,
                             assets: cache.assetsVersion, atlas: site.atlas == nil ? 0 : 1, glossary: site.glossary == nil ? 0 : 1,
                             redFlags: versions.redFlags, review: .notReviewed)
        let articles = site.articles
        let pageTemplate = cache.templateVersion("pages/page")
        let alignedKey = [shared.template, pageTemplate, shared.config, shared.assets, shared.atlas, shared.glossary, shared.redFlags,
                          versions.reviews]
        let reused = cache.alignedPages.reusable(articles, key: alignedKey, pages: rendered)
        var stale: [(index: Int, key: PageKey, reason: String)] = []
        var files: [OutputFile] = []
        files.reserveCapacity(articles.count)
        for (index, article) in articles.enumerated() {
            if let file = reused[index] {
                files.append(file)
                continue
            }
            var key = shared
            if article.kind == .page { key.template = pageTemplate }
            key.article = articleVersion(article)
            key.markdown = markdownVersion(article)
            key.review = site.reviews.status(of: SiteReviews.subject(of: article))
            let stored = cache.articlePages[article.sourcePath]
            if let stored, stored.key == key {
                files.append(stored.file)
            } else {
                let reason = stored.map { RenderReason.changed(RenderReason.fields(of: key, since: $0.key).map { PageKey.describe($0, template: article.template) }) }
                stale.append((index, key, reason ?? RenderReason.firstBuild))
                files.append(OutputFile(path: "", bytes: []))
            }
        }
        let pages = self.pages
        let made = try Parallel.map(stale.map(\.index)) { index in try pages.article(articles[index], rendered: rendered[index]) }
        for ((index, key, reason), file) in zip(stale, made) {
            cache.made([file.path], reason: reason)
            cache.articlePages[articles[index].sourcePath] = (key, file)
            files[index] = file
        }
        if cache.articlePages.count > articles.count {
            let live = Set(articles.map(\.sourcePath))
            cache.articlePages = cache.articlePages.filter { live.contains($0.key) }
        }
        cache.alignedPages.store(articles, key: alignedKey, pages: rendered, values: files)
        return files
    }

    func listsAndAtlas(_ rendered: [RenderedMarkdown]) throws -> [OutputFile] {
        let listed = site.listed
        let listing = cache.version(of: listed.map(ListingEntry.init), in: &cache.listing)
        let lists = templates("pages/home", "pages/list", "pages/404").merging(common)
        let articleList = InputKey(["list of articles (titles, dates, tags, order)": listing])
        // The home page shows the first page of the list, and the locator map drawn from the data set.
        let onHome = cache.version(of: listed.prefix(site.config.articlesPerPage).map(ListingEntry.init), in: &cache.homeListing)
        let homeKey = InputKey(["articles on the home page": onHome, "number of articles": listed.count,
                                "the data set": versions.atlas])
        let pages = self.pages
        var files = try group("home", lists.merging(homeKey)) { [try pages.home()] }
        files += try group("404", lists) { [try pages.notFound()] }
        // Grouping by tag reads every article: done only when some listing changed.
        let listsKey = lists.merging(articleList)
        if let stored = cache.listPagesGroup, stored.key == listsKey {
            files += stored.value
        } else {
            let made = try pagedLists(shared: lists)
            cache.listPagesGroup = Named(key: listsKey, value: made)
            files += made
        }
        if let atlas = site.atlas {
            let key = InputKey(["the data set": versions.atlas, "glossary and red flags": versions.guidance,
                                ReviewLoader.path: versions.reviews])
                .merging(templates("pages/atlas", "pages/root", "pages/worksheet", "pages/place", "pages/places")).merging(common)
            files += try group("atlas", key) { try AtlasPages(site: site, atlas: atlas, pages: pages).all() }
        }
        if let glossary = site.glossary {
            let uses = zip(site.articles, rendered).filter { !$0.1.glossaryTerms.isEmpty }.map {
                GlossaryUse(urlPath: $0.0.urlPath, title: $0.0.meta.title, terms: $0.1.glossaryTerms)
            }
            let usage = cache.version(of: uses, in: &cache.glossaryUsage)
            let key = InputKey(["glossary and red flags": versions.guidance, ReviewLoader.path: versions.reviews,
                                "which articles use which glossary words": usage])
            files += try group("glossary", key.merging(templates("pages/glossary")).merging(common)) {
                [try GlossaryPage(site: site, glossary: glossary, pages: pages).render(usedBy: rendered)]
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
        let entries = cache.version(of: routes.all.filter(\.inSitemap), in: &cache.sitemapEntries)
        let sitemapKey = InputKey(["the pages in the sitemap (addresses, dates)": entries, SiteConfigLoader.path: versions.config])
        files += try group("sitemap", sitemapKey) {
            [SitemapRenderer.render(site: site, pages: sitemapEntries()), SitemapRenderer.robots(site: site)]
        }
        return files
    }

    /// The pages at articles' old addresses, and `_redirects`.
    func aliases() throws -> [OutputFile] {
        let aliases = AliasPages.aliases(site)
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

/// The inputs of one article's page.
struct PageKey: Equatable {
    var article: Int
    var markdown: Int
    var template: Int
    var config: Int
    var assets: Int
    var atlas: Int
    var glossary: Int
    var redFlags: Int
    var review: ReviewStatus

    /// A field's name as `--explain` says it.
    static func describe(_ field: String, template: String) -> String {
        ["article": "the article's text or front matter", "markdown": "its rendered Markdown (a link target, the glossary or the data set)",
         "template": "template \(template)", "config": SiteConfigLoader.path, "assets": "theme assets",
         "atlas": "whether there is a data set", "glossary": "whether there is a glossary",
         "redFlags": GuidanceLoader.redFlagsPath, "review": ReviewLoader.path][field] ?? field
    }
}
