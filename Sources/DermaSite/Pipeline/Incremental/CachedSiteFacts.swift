/// What the build keeps of the site as a whole between rebuilds: the route table, the page frame,
/// the tags' articles, the feed's newest articles and the review check, each made again only when
/// what it reads changed.
extension BuildMemo {
    /// The route table, made again only when something it lists changed: what list pages show of
    /// the articles (addresses, tags, dates), the theme assets, Content/'s files, the data set.
    func routes(articles: [Article], assets: [ThemeAsset], staticFiles: [String], images: [String: ImageInfo] = [:],
                atlas: Atlas?, hasGlossary: Bool, articlesPerPage: Int) -> Routes {
        let key = InputKey(["articles": routeVersion(articles),
                            "theme assets": assetsVersion, "the data set": self.atlas.version, "glossary": hasGlossary ? 1 : 0,
                            "articles per page": articlesPerPage])
        if let stored = routesMemo, stored.key == key, stored.value.staticFiles == staticFiles, stored.value.images == images {
            return stored.value
        }
        let routes = Routes(articles: articles, assets: assets, staticFiles: staticFiles, images: images, atlas: atlas,
                            hasGlossary: hasGlossary, articlesPerPage: articlesPerPage)
        routesMemo = Named(key: key, value: routes)
        return routes
    }

    /// What every page reads of the site, made again only when the settings, the red flags, the
    /// theme's files or which optional parts the site has changed.
    func pageFrame(_ site: Site, versions: InputVersions) -> PageFrame {
        let key = [versions.config, versions.guidance, assetsVersion, site.atlas == nil ? 0 : 1, site.glossary == nil ? 0 : 1]
        // The configuration is compared as well: --base-url is applied to it after loading.
        if let stored = frameMemo, stored.key == key, stored.value.config == site.config { return stored.value }
        let frame = PageFrame(site: site)
        frameMemo = Keyed(key: key, value: frame)
        return frame
    }

    /// A new version when an article's addresses, dates, draft flag or search weight changed, or
    /// the articles' order: compared by object, and by those facts for the objects that changed.
    private func routeVersion(_ articles: [Article]) -> Int {
        if let stored = routeInputs, articles.matches(stored.value, by: { $0.routeFacts == $1.routeFacts }) {
            routeInputs = Versioned(value: articles, version: stored.version)
            return stored.version
        }
        let version = nextVersion()
        routeInputs = Versioned(value: articles, version: version)
        return version
    }

    /// The articles of each tag, as positions: found again only when an address, a tag or the order
    /// changed. Keyed by the version `routes` gave those facts earlier in the same build.
    func tagGroups(_ articles: [Article]) -> [PageRenderer.TagGroup] {
        let version = routeInputs?.version ?? routeVersion(articles)
        if let stored = tagGroupsMemo, stored.routeInputs == version { return stored.groups }
        let groups = PageRenderer.tagGroups(articles)
        tagGroupsMemo = (version, groups)
        return groups
    }

    /// The feed's articles, sorted again only when a listed article changed.
    func newest(_ articles: [Article]) -> ArraySlice<Article> {
        // An article that is another object with the same date, title and draft flag (an edit
        // to its text) keeps its place: the newest are the same positions, with the new objects.
        let positions: [Int]
        if let stored = newestArticles, articles.matches(stored.articles, by: FeedRenderer.sameOrder) {
            positions = stored.positions
        } else {
            positions = FeedRenderer.newestPositions(articles)
        }
        newestArticles = (articles, positions)
        return ArraySlice(positions.map { articles[$0] })
    }

    /// ReviewCheck's findings, found again only when the reviews, the settings or the list of
    /// pages changed: an edit to an article's text does not change whether it was reviewed.
    func reviewCheck(site: Site, reviews: SiteReviews, today: Day?) -> [Diagnostic] {
        let key = InputKey([ReviewLoader.path: version(of: reviews, in: &self.reviews), SiteConfigLoader.path: config.version,
                            "the data set": site.atlas == nil ? 0 : 1, "glossary": site.glossary == nil ? 0 : 1,
                            "today": today.map { $0.year * 10_000 + $0.month * 100 + $0.day } ?? 0])
        let articles = site.articles
        if let stored = reviewChecks, stored.key == key, articles.matches(stored.articles, by: { $0.sourcePath == $1.sourcePath }) {
            reviewChecks = (key, articles, stored.value)
            return stored.value
        }
        let found = ReviewCheck.check(site: site, reviews: reviews, today: today)
        reviewChecks = (key, articles, found)
        return found
    }
}
