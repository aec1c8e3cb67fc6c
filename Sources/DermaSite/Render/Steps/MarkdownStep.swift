/// Renders every article's Markdown, with links resolved against the whole site. With a cache,
/// only the articles whose text or surroundings changed are rendered again.
enum MarkdownStep {
    /// What link resolution in any article sees of the rest of the site.
    struct Environment: Equatable, Sendable {
        var pages: [String: String] = [:]
        var files: Set<String> = []
        var sitePages: Set<String> = []
        var images: [String: ImageInfo] = [:]
        var drafts: Set<String> = []
    }

    static func environment(_ site: Site, routes: Routes) -> Environment {
        var environment = Environment()
        for article in site.articles { environment.pages[article.sourcePath] = article.urlPath }
        environment.files = Set(site.staticFiles.map { "\(ContentLoader.contentFolder)/\($0)" })
        environment.sitePages = routes.sitePaths
        environment.images = site.images
        environment.drafts = Set(site.draftPaths)
        return environment
    }

    /// What the environment is made from. Unchanged articles are the same objects, so comparing
    /// two builds' inputs costs a pointer comparison for all but the edited articles.
    struct EnvironmentInputs: Equatable {
        var articles: [Article]
        var staticFiles: [String]
        var hasGlossary: Bool
        var roots: [String]?
        var images: [String: ImageInfo]
        var drafts: [String]

        init(_ site: Site) {
            images = site.images
            drafts = site.draftPaths
            articles = site.articles
            staticFiles = site.staticFiles
            hasGlossary = site.glossary != nil
            roots = site.atlas.map { $0.roots.map(\.urlPath) + $0.places.map(\.urlPath) }
        }

        static func == (a: Self, b: Self) -> Bool {
            a.staticFiles == b.staticFiles && a.hasGlossary == b.hasGlossary && a.roots == b.roots && a.images == b.images
                && a.drafts == b.drafts && a.articles.matches(b.articles, by: { $0.addresses == $1.addresses })
        }
    }

    static func render(_ site: Site, routes: Routes, linksMustResolve: Bool, cache: BuildMemo, versions: InputVersions)
        -> [RenderedMarkdown] {
        let inputs = EnvironmentInputs(site)
        if cache.markdownEnvironment?.value.inputs != inputs {
            // Articles in another order (a title edit can move one) make the same environment:
            // its version, and so every article's rendered Markdown, stays.
            let made = environment(site, routes: routes)
            let old = cache.markdownEnvironment.flatMap { $0.value.environment == made ? $0.version : nil }
            cache.markdownEnvironment = Versioned(value: (inputs, made), version: old ?? cache.nextVersion())
        }
        let environment = cache.markdownEnvironment!.value.environment
        let environmentVersion = cache.markdownEnvironment!.version
        func key(_ article: Article) -> MarkdownKey {
            let parsed = cache.content.articles[article.sourcePath]
            let uses = parsed?.uses ?? .all
            return MarkdownKey(article: parsed?.version ?? -1, environment: environmentVersion, config: versions.config,
                               atlas: uses.contains(.atlas) ? versions.atlas : 0,
                               guidance: uses.isDisjoint(with: [.glossary, .redFlags]) ? 0 : versions.guidance)
        }
        let alignedKey = [environmentVersion, versions.config, versions.atlas, versions.guidance]
        let aligned = cache.alignedMarkdown.changed(site.articles, key: alignedKey)
        let unaligned = aligned ?? Array(site.articles.indices)
        var stale: [(Article, MarkdownKey)] = []
        for index in unaligned {
            let article = site.articles[index], key = key(article)
            if cache.markdown[article.sourcePath]?.key != key { stale.append((article, key)) }
        }
        if !stale.isEmpty {
            // Made once per environment: the link resolver indexes every page of the site.
            let rendererKey = [environmentVersion, versions.config, versions.atlas, versions.guidance]
            let configured = cache.keyed(&cache.markdownRenderer, rendererKey) { () -> MarkdownRenderer in
                var directives = AtlasDirectives.handlers(atlas: site.atlas, baseURL: site.config.baseURL)
                directives["red-flags"] = RedFlagsCard.handler(site.filledRedFlags)
                directives["care-card"] = CareCard.handler(emergency: site.config.emergency)
                for name in Callout.names.keys { directives[name] = Callout.handler(name) }
                var renderer = MarkdownRenderer(
                    allowRawHTML: site.config.allowRawHTML,
                    links: LinkResolver(baseURL: site.config.baseURL, pages: environment.pages, files: environment.files,
                                        sitePages: environment.sitePages, drafts: environment.drafts),
                    directives: directives
                )
                renderer.glossary = site.glossary
                renderer.images = environment.images
                renderer.brokenLinkSeverity = linksMustResolve ? .error : .warning
                renderer.glossaryPage = site.config.baseURL.sitePath(SiteLayout.glossary)
                return renderer
            }
            let results = Parallel.map(stale.map(\.0)) { article in
                configured.render(article.body, file: article.sourcePath, lineOffset: article.bodyLineOffset,
                                  pagePath: article.urlPath).scored()
            }
            for ((article, key), result) in zip(stale, results) {
                cache.markdown[article.sourcePath] = MarkdownEntry(key: key, version: cache.nextVersion(), value: result)
            }
        }
        if cache.markdown.count > site.articles.count {
            let live = Set(site.articles.map(\.sourcePath))
            cache.markdown = cache.markdown.filter { live.contains($0.key) }
        }
        var rendered: [RenderedMarkdown]
        if aligned != nil {
            rendered = cache.alignedMarkdown.take()
            for index in unaligned { rendered[index] = cache.markdown[site.articles[index].sourcePath]!.value }
        } else {
            rendered = site.articles.map { cache.markdown[$0.sourcePath]!.value }
        }
        cache.alignedMarkdown.store(site.articles, key: alignedKey, values: rendered)
        return rendered
    }
}

/// The inputs an article's rendered Markdown was made from.
struct MarkdownKey: Equatable {
    var article: Int
    var environment: Int
    var config: Int
    var atlas: Int
    var guidance: Int
}

/// A class, so looking an entry up does not copy the rendered page.
final class MarkdownEntry {
    let key: MarkdownKey
    /// New each time the article is rendered again: what its page and the feed depend on.
    let version: Int
    let value: RenderedMarkdown

    init(key: MarkdownKey, version: Int, value: RenderedMarkdown) {
        self.key = key
        self.version = version
        self.value = value
    }
}

/// The version of each loaded input a build used, for the keys of what it renders.
struct InputVersions {
    var config = 0
    var atlas = 0
    var guidance = 0
    var reviews = 0
}
