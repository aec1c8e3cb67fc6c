/// Renders every article's Markdown, with links resolved against the whole site.
enum MarkdownStep {
    static func render(_ site: Site) -> [RenderedMarkdown] {
        var pages: [String: String] = [:]
        for article in site.articles { pages[article.sourcePath] = article.urlPath }
        let files = Set(site.staticFiles.map { "\(ContentLoader.contentFolder)/\($0)" })
        let renderer = MarkdownRenderer(
            allowRawHTML: site.config.allowRawHTML,
            links: LinkResolver(baseURL: site.config.baseURL, pages: pages, files: files),
            directives: AtlasDirectives.handlers(atlas: site.atlas, baseURL: site.config.baseURL)
        )
        return site.articles.map { article in
            renderer.render(article.body, file: article.sourcePath, lineOffset: article.bodyLineOffset)
        }
    }
}
