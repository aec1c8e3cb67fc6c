/// Builds the values templates see. Mustache escapes `{{name}}`; only `content` (HTML made by
/// the Markdown renderer) is meant for `{{{triple}}}` braces.
struct PageContext: Sendable {
    let site: Site
    let assetURLs: [String: String]
    /// `site.emergency`: what the emergency box on every page says; empty without settings or red flags.
    let emergency: EmergencyBox?

    init(site: Site) {
        self.site = site
        var urls: [String: String] = [:]
        for asset in site.assets { urls[asset.templateKey] = site.config.baseURL.sitePath(asset.outputPath) }
        assetURLs = urls
        emergency = site.config.emergency.flatMap { settings in
            site.filledRedFlags.map { EmergencyBox(settings: settings, flags: $0, baseURL: site.config.baseURL) }
        }
    }

    /// What the emergency box on every page says.
    struct EmergencyBox: Sendable {
        let settings: EmergencySettings
        let flags: RedFlags
        let baseURL: BaseURL

        var values: [String: Any] {
            let others = flags.others.filter { $0.level == .emergency }.map { ["name": $0.name, "text": $0.text] }
            var box: [String: Any] = ["call": settings.call, "go_to": settings.goTo, "title": flags.title,
                                      "others": others, "has_others": !others.isEmpty]
            box.setOptional("summary", flags.summary)
            box.setOptional("urgent_line", settings.urgentLine)
            box.setOptional("help_url", settings.helpPage.map(baseURL.sitePath))
            box.setOptional("help_canonical", settings.helpPage.map(baseURL.absolute))
            return box
        }
    }


    /// What every page has: `site`, `assets`, `menu` and `page`.
    func make(page: [String: Any], sitePath: String) -> [String: Any] {
        let config = site.config
        var page = page
        page["url"] = config.baseURL.sitePath(sitePath)
        page["canonical"] = config.baseURL.absolute(sitePath)
        let title = page["title"] as? String ?? ""
        page["head_title"] = title.isEmpty || title == config.title ? config.title : "\(title) | \(config.title)"
        let jsonLD = page["json_ld"] as? String ?? ""
        page["json_ld"] = jsonLD
        page["has_json_ld"] = !jsonLD.isEmpty
        page["og_type"] = page["kind"] as? String == "article" ? "article" : "website"
        return [
            "site": [
                "title": config.title,
                "description": config.description,
                "has_description": !config.description.isEmpty,
                "language": config.language,
                "og_locale": config.language.replacingOccurrences(of: "-", with: "_"),
                "publisher": config.publisher,
                "has_publisher": !config.publisher.isEmpty,
                "home_url": config.baseURL.sitePath(SiteLayout.home),
                "articles_url": config.baseURL.sitePath(SiteLayout.articles),
                "feed_url": config.baseURL.sitePath(SiteLayout.feed),
                "atlas_url": config.baseURL.sitePath(SiteLayout.atlas),
                "places_url": config.baseURL.sitePath(SiteLayout.places),
                "glossary_url": config.baseURL.sitePath(SiteLayout.glossary),
                "search_url": config.baseURL.sitePath(SiteLayout.search),
                "search_index_url": config.baseURL.sitePath(SearchIndex.head),
                "has_glossary": site.glossary != nil,
                "has_atlas": site.atlas != nil,
                "conflicts_of_interest": config.health.conflictsOfInterest,
                "has_conflicts_of_interest": !config.health.conflictsOfInterest.isEmpty,
                "feedback_url": config.health.feedback,
                "has_feedback_url": !config.health.feedback.isEmpty,
                "emergency": emergency?.values ?? [:],
                "has_emergency": emergency != nil,
            ] as [String: Any],
            "assets": assetURLs,
            "menu": menu(current: sitePath),
            "footer": footer(current: sitePath),
            "page": page,
        ]
    }

    private func footer(current sitePath: String) -> [String: Any] {
        let footer = site.config.footer
        let links = links(footer.links, current: sitePath)
        return ["links": links, "has_links": !links.isEmpty, "text": footer.text, "has_text": !footer.text.isEmpty,
                "disclaimer": footer.disclaimer]
    }

    private func menu(current sitePath: String) -> [[String: Any]] { links(site.config.menu, current: sitePath) }

    private func links(_ items: [SiteConfig.MenuItem], current sitePath: String) -> [[String: Any]] {
        items.map { item in
            let isSitePath = item.url.hasPrefix("/")
            let itemPath = isSitePath ? String(item.url.dropFirst()) : item.url
            let exact = isSitePath && itemPath == sitePath
            let section = isSitePath && !itemPath.isEmpty && sitePath.hasPrefix(itemPath)
            return [
                "title": item.title,
                "url": isSitePath ? site.config.baseURL.sitePath(itemPath) : item.url,
                "current": exact,
                "in_section": section && !exact,
            ]
        }
    }

    func listItem(_ article: Article) -> [String: Any] {
        var item: [String: Any] = [
            "title": article.meta.title,
            "url": site.config.baseURL.sitePath(article.urlPath),
        ]
        item.setOptional("description", article.meta.description)
        item.setOptional("date_iso", article.meta.date?.iso)
        item.setOptional("date_long", article.meta.date?.long)
        item["is_draft"] = article.meta.draft
        return item
    }

    func tagLinks(_ tags: [String]) -> [[String: Any]] {
        tags.map { ["name": $0, "url": site.config.baseURL.sitePath(SiteLayout.tag($0))] }
    }

    func articlePage(_ article: Article, rendered: RenderedMarkdown) -> [String: Any] {
        let meta = article.meta
        var page: [String: Any] = [
            "kind": article.kind.rawValue,
            "title": meta.title,
            "is_draft": meta.draft,
            "content": rendered.html,
            "toc": Self.nestedContents(rendered.tableOfContents),
            "has_toc": rendered.tableOfContents.count >= 2,
            "tags": tagLinks(meta.tags),
            "has_tags": !meta.tags.isEmpty,
            "sources": meta.sources.map(source),
            "has_sources": !meta.sources.isEmpty,
        ]
        // A page (About us, Accessibility) gives no medical advice, so it carries no review status.
        let review = site.reviews.status(of: SiteReviews.subject(of: article))
        if article.isListed { ReviewContext.add(review, to: &page) }

        page.setOptional("description", meta.description)
        page.setOptional("date_iso", meta.date?.iso)
        page.setOptional("date_long", meta.date?.long)
        let updated = meta.updated == meta.date ? nil : meta.updated
        page.setOptional("updated_iso", updated?.iso)
        page.setOptional("updated_long", updated?.long)
        page["json_ld"] = StructuredData.article(article, site: site, review: review)
        return page
    }

    /// Each h2 with its h3s as `subs`, so a numbered list counts only the sections.
    static func nestedContents(_ entries: [Heading]) -> [[String: Any]] {
        var out: [(entry: Heading, subs: [[String: Any]])] = []
        for entry in entries {
            if entry.level == 3, !out.isEmpty {
                out[out.count - 1].subs.append(["id": entry.id, "text": entry.text])
            } else {
                out.append((entry, []))
            }
        }
        return out.map { ["id": $0.entry.id, "text": $0.entry.text, "subs": $0.subs, "has_subs": !$0.subs.isEmpty] }
    }

    func source(_ source: Source) -> [String: Any] {
        var out: [String: Any] = ["title": source.title]
        // The template ends the authors with a full stop: "et al." must not get a second one.
        out.setOptional("authors", source.authors.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
        out.setOptional("publisher", source.publisher)
        out.setOptional("year", source.year.map(String.init))
        out.setOptional("url", source.link)
        out.setOptional("doi", source.doi)
        out.setOptional("checked_long", source.checked?.long)
        out.setOptional("checked_iso", source.checked?.iso)
        return out
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Mustache looks a missing key up in the enclosing contexts (a source without `url` would
    /// show the page's `url`), and treats an empty string as true. So every optional value is
    /// always set, with a `has_` flag for sections to test.
    mutating func setOptional(_ key: String, _ value: String?) {
        let text = value ?? ""
        self[key] = text
        self["has_" + key] = !text.isEmpty
    }
}
