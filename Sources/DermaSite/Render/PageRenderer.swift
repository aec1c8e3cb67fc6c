/// Renders the HTML pages of a site through its templates.
struct PageRenderer: Sendable {
    let site: Site
    let templates: TemplateSet
    let context: PageContext

    init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
        self.context = PageContext(site: site)
    }

    func article(_ article: Article, rendered: RenderedMarkdown) throws -> OutputFile {
        try page(article.template, sitePath: article.urlPath, page: context.articlePage(article, rendered: rendered))
    }

    func home() throws -> OutputFile {
        let listed = site.listed
        var values: [String: Any] = [
            "kind": "home",
            "json_ld": StructuredData.website(site: site),
            "title": site.config.title,
            "description": site.config.description,
            // The newest page of the list; the rest are a link away.
            "items": listed.prefix(site.config.articlesPerPage).map(context.listItem),
            "has_more_articles": listed.count > site.config.articlesPerPage,
            "article_count": listed.count,
            "has_locator": site.atlas != nil,
            "has_red_flags": site.redFlags != nil,
        ]
        if let atlas = site.atlas {
            // The symptom locator leads the home page, where most readers land.
            let places = PlacePages(site: site, atlas: atlas, pages: self)
            values["locator"] = places.locatorMap(id: "home-map")
            values["groups"] = places.groups()
        }
        return try page("pages/home", sitePath: SiteLayout.home, page: values)
    }

    func articleList(_ paging: ListPaging) throws -> OutputFile {
        try page("pages/list", sitePath: paging.sitePath, page: [
            "kind": "list",
            "title": paging.title("All articles"),
            "description": "Every article on \(site.config.title).",
            "items": site.listed[paging.range].map(context.listItem),
            "pagination": paging.context(site.config.baseURL),
        ])
    }

    /// Each tag's articles in listing order, by tag address, as positions in `articles` (they stay
    /// right while the order and the tags do); the first spelling names the tag.
    static func tagGroups(_ articles: [Article]) -> [TagGroup] {
        var byTag: [String: TagGroup] = [:]
        var slugs: [String: String] = [:]
        for (index, article) in articles.enumerated() {
            var seen: [String] = []
            for tag in article.meta.tags {
                let slug = slugs[tag] ?? Slug.make(tag)
                slugs[tag] = slug
                guard !seen.contains(slug) else { continue }
                seen.append(slug)
                byTag[slug, default: TagGroup(slug: slug, name: tag, indices: [])].indices.append(index)
            }
        }
        return byTag.keys.sorted().map { byTag[$0]! }
    }

    struct TagGroup: Sendable {
        let slug: String
        let name: String
        var indices: [Int]
    }

    func tagList(_ name: String, _ articles: [Article], _ paging: ListPaging) throws -> OutputFile {
        try page("pages/list", sitePath: paging.sitePath, page: [
            "kind": "tag",
            "title": paging.title("Articles about \(name)"),
            "description": "Articles on \(site.config.title) tagged \u{201C}\(name)\u{201D}.",
            "items": articles[paging.range].map(context.listItem),
            "pagination": paging.context(site.config.baseURL),
        ])
    }

    func notFound() throws -> OutputFile {
        var file = try page("pages/404", sitePath: SiteLayout.notFound, page: [
            "kind": "404",
            "title": "Page not found",
            "description": "The page you asked for is not on this site.",
        ])
        file.path = SiteLayout.notFound
        return file
    }

    func page(_ template: String, sitePath: String, page: [String: Any]) throws -> OutputFile {
        guard let html = templates.render(context.make(page: page, sitePath: sitePath), template: template) else {
            throw BuildFailure(step: "render pages", diagnostics: [
                .error("\(TemplateLoader.folder)/\(template).mustache", "missing template"),
            ])
        }
        return OutputFile(path: SiteLayout.file(for: sitePath), text: html)
    }
}
