/// Renders every article's Markdown, with links resolved against the whole site.
enum MarkdownStep {
    static func render(_ site: Site, linksMustResolve: Bool = true) -> [RenderedMarkdown] {
        var pages: [String: String] = [:]
        for article in site.articles { pages[article.sourcePath] = article.urlPath }
        let files = Set(site.staticFiles.map { "\(ContentLoader.contentFolder)/\($0)" })
        var sitePages: Set<String> = [SiteURLs.home, SiteURLs.articles]
        for article in site.articles { sitePages.formUnion(article.meta.tags.map(SiteURLs.tag)) }
        if site.glossary != nil { sitePages.insert(SiteURLs.glossary) }
        if let atlas = site.atlas {
            sitePages.insert(SiteURLs.atlas)
            sitePages.insert(SiteURLs.worksheet)
            sitePages.formUnion(atlas.roots.map(\.urlPath))
        }
        var directives = AtlasDirectives.handlers(atlas: site.atlas, baseURL: site.config.baseURL)
        directives["red-flags"] = RedFlagsCard.handler(site.redFlags)
        var renderer = MarkdownRenderer(
            allowRawHTML: site.config.allowRawHTML,
            links: LinkResolver(baseURL: site.config.baseURL, pages: pages, files: files, sitePages: sitePages),
            directives: directives
        )
        renderer.glossary = site.glossary
        renderer.brokenLinkSeverity = linksMustResolve ? .error : .warning
        renderer.glossaryPage = site.config.baseURL.sitePath(SiteURLs.glossary)
        let configured = renderer
        return Parallel.map(site.articles) { article in
            var result = configured.render(article.body, file: article.sourcePath, lineOffset: article.bodyLineOffset,
                                           pagePath: article.urlPath)
            result.readability = Readability.score(result.prose)
            return result
        }
    }
}
