/// One page to render: its template, where it goes, and the typed values it is given.
struct PageSpec<Body: PageBody>: Sendable {
    let template: String
    let values: PageValues<Body>
    /// Where the file is written: the page's folder's index.html, except for the 404 page.
    var outputPath: String

    init(template: String, sitePath: String, values: PageValues<Body>, outputPath: String? = nil) {
        self.template = template
        self.values = values
        self.outputPath = outputPath ?? SiteLayout.file(for: sitePath)
    }
}

/// Renders the HTML pages of a site through its templates.
struct PageRenderer: Sendable {
    let site: Site
    let templates: TemplateSet
    let frame: PageFrame

    /// `site` as templates read it, encoded once: every page is given the same.
    let siteValue: TemplateValue
    private let menus = EncodedValues<[MenuLink]>(), footers = EncodedValues<FooterValues>()

    init(site: Site, templates: TemplateSet, frame: PageFrame? = nil) {
        self.site = site
        self.templates = templates
        self.frame = frame ?? PageFrame(site: site)
        siteValue = TemplateEncoder.box(self.frame.site)
    }

    private init(copying other: PageRenderer) {
        site = other.site
        frame = other.frame
        templates = other.templates.copied()
        siteValue = other.siteValue.copied()
    }

    /// The same renderer with its templates and shared values in storage of its own, for one
    /// worker of a parallel render. Rendering retains and releases each template node and value
    /// it passes; with every core doing so on the same objects, their counts' cache lines went
    /// from core to core, and two cores rendered article pages barely faster than one. The copy
    /// starts with empty memos of the menu's and footer's encodings, which it fills itself.
    func forWorker() -> PageRenderer { PageRenderer(copying: self) }

    var baseURL: BaseURL { site.config.baseURL }

    /// The template boundary: typed values become what templates read here and nowhere else.
    func render<Body>(_ spec: PageSpec<Body>) throws -> OutputFile {
        let site = spec.values.site == frame.site ? siteValue : TemplateEncoder.box(spec.values.site)
        let root = TemplateValue.object(TemplateObject(TemplateEncoder.values(spec.values, site: site,
                                                                              menu: menus.encoded(spec.values.menu),
                                                                              footer: footers.encoded(spec.values.footer))))
        do {
            return OutputFile(path: spec.outputPath, bytes: try templates.renderPageBytes(root, template: spec.template))
        } catch {
            let message = switch error {
            case .missing: "missing template"
            case .tooDeep: "partials and blocks nest more than \(TemplateRenderer.maxDepth) deep while rendering \(spec.outputPath): "
                + "a block override that uses its own block ({{$name}} inside {{$name}}…{{/name}}), directly or through a partial?"
            }
            throw BuildFailure(step: "render pages", diagnostics: [.error("\(TemplateLoader.folder)/\(spec.template).mustache", message)])
        }
    }

    /// An article's page: a function of the article, its rendered Markdown, its review and the
    /// frame only, so a rebuild whose inputs are the same objects can keep the page.
    static func article(_ article: Article, rendered: RenderedMarkdown, review: ReviewStatus, frame: PageFrame) -> PageSpec<ArticleBody> {
        let meta = article.meta
        let updated = meta.updated == meta.date ? nil : meta.updated
        let body = ArticleBody(
            content: rendered.html,
            toc: ArticleBody.TocEntry.nested(rendered.tableOfContents),
            hasToc: rendered.tableOfContents.count >= 2,
            tags: TagLink.links(meta.tags, baseURL: frame.baseURL), hasTags: !meta.tags.isEmpty,
            sources: meta.sources.map(SourceValues.init), hasSources: !meta.sources.isEmpty,
            hasDescription: !meta.description.isEmpty,
            dateISO: meta.date?.iso, dateLong: meta.date?.long, updatedISO: updated?.iso, updatedLong: updated?.long,
            // A page (About us, Accessibility) gives no medical advice, so it carries no review status.
            isMedical: article.isListed, review: article.isListed ? ReviewValues(review) : nil)
        let values = frame.values(body, kind: article.kind.rawValue, title: meta.title, description: meta.description,
                                  jsonLD: StructuredData.article(article, config: frame.config, review: review),
                                  isDraft: meta.draft, sitePath: article.urlPath)
        return PageSpec(template: article.template, sitePath: article.urlPath, values: values)
    }

    func listItem(_ article: Article) -> ListItem { ListItem(article, baseURL: baseURL) }

    func home() -> PageSpec<HomeBody> {
        let listed = site.listed, perPage = site.config.articlesPerPage
        var body = HomeBody(items: listed.prefix(perPage).map(listItem), hasMoreArticles: listed.count > perPage,
                            articleCount: listed.count, hasLocator: site.atlas != nil, hasRedFlags: site.redFlags != nil,
                            locator: nil, groups: [])
        if let atlas = site.atlas {
            // The symptom locator leads the home page, where most readers land.
            let places = PlacePages(site: site, atlas: atlas, pages: self)
            body.locator = places.locatorMap(id: "home-map")
            body.groups = places.groups()
        }
        let values = frame.values(body, kind: "home", title: site.config.title, description: site.config.description,
                                  jsonLD: StructuredData.website(config: site.config), sitePath: SiteLayout.home)
        return PageSpec(template: "pages/home", sitePath: SiteLayout.home, values: values)
    }

    /// A page of the article list; `items` are every listed article's, in order.
    func articleList(_ paging: ListPaging, items: [ListItem]) -> PageSpec<ListBody> {
        list(kind: "list", title: paging.title("All articles"), description: "Every article on \(site.config.title).",
             items: Array(items[paging.range]), paging: paging)
    }

    /// A page of a tag's list; `items` are the tag's articles', in order.
    func tagList(_ name: String, items: [ListItem], _ paging: ListPaging) -> PageSpec<ListBody> {
        list(kind: "tag", title: paging.title("Articles about \(name)"),
             description: "Articles on \(site.config.title) tagged \u{201C}\(name)\u{201D}.",
             items: Array(items[paging.range]), paging: paging)
    }

    private func list(kind: String, title: String, description: String, items: [ListItem], paging: ListPaging) -> PageSpec<ListBody> {
        let body = ListBody(items: items, pagination: paging.pagination(baseURL))
        return PageSpec(template: "pages/list", sitePath: paging.sitePath,
                        values: frame.values(body, kind: kind, title: title, description: description, sitePath: paging.sitePath))
    }

    func notFound() -> PageSpec<NotFoundBody> {
        let values = frame.values(NotFoundBody(), kind: "404", title: "Page not found",
                                  description: "The page you asked for is not on this site.", sitePath: SiteLayout.notFound)
        return PageSpec(template: "pages/404", sitePath: SiteLayout.notFound, values: values, outputPath: SiteLayout.notFound)
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
}
