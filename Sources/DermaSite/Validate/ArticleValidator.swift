/// Checks that need more than one field, or more than one article.
/// The build checks each article alone (`checkOne`, cached per article) and then across articles
/// (`checkAcross`): the two halves of one pure check.
public enum ArticleValidator {
    /// What checking one article alone found, and what the checks across articles need of it.
    struct Local: Sendable {
        var diagnostics: [Diagnostic] = []
        /// The slug can be used in an address, so a clash with another article is worth reporting.
        var slugIsValid = false
        var tagSlugs: [String] = []
    }

    static func checkOne(_ article: Article) -> Local {
        var local = Local()
        let file = article.sourcePath
        let meta = article.meta
        local.tagSlugs = meta.tags.map(Slug.make)
        if meta.unreadable { return local }  // its YAML error was reported; guessing more would mislead
        func at(_ key: String) -> (line: Int, column: Int) {
            meta.keyPositions[key].map { ($0.line, $0.column) } ?? (1, 1)
        }
        if meta.title.isEmpty, !meta.keysPresent.contains("title") {
            local.diagnostics.append(.error(file, line: 1, column: 1, "missing 'title' in front matter"))
        }
        // A page (About us) is not listed by date, so it needs none.
        if article.kind == .article, meta.date == nil, !meta.keysPresent.contains("date") {
            // Pages moved from other generators often have none: they build, listed after the dated ones.
            local.diagnostics.append(.warning(file, line: 1, column: 1,
                "no 'date' in front matter: the page shows no publication date, is listed after dated pages and "
                    + "left out of the feed; add the day it was first published (YYYY-MM-DD)"))
        }
        if meta.description.isEmpty {
            local.diagnostics.append(.warning(file, line: 1, column: 1,
                "missing 'description'; search results and the home page show it"))
        }
        if article.slug.isEmpty || Slug.make(article.slug) != article.slug {
            let better = Slug.make(article.slug.isEmpty ? FilePath.splitExtension(FilePath.fileName(of: file)).stem : article.slug)
            // A name of emoji or other symbols gives no slug to suggest: ask for words instead.
            let advice = better.isEmpty
                ? "set 'slug:' to a few words in lower-case letters, digits and hyphens, such as 'numb-big-toe'"
                : "use lower-case letters, digits and hyphens, such as '\(better)'"
            local.diagnostics.append(.error(file, line: at("slug").line, column: at("slug").column,
                "slug '\(article.slug)' cannot be used in a web address; \(advice)"))
        } else {
            local.slugIsValid = true
        }
        if let date = meta.date, let updated = meta.updated, updated < date {
            local.diagnostics.append(.warning(file, line: at("updated").line, column: at("updated").column,
                                              "'updated' (\(updated)) is before 'date' (\(date))"))
        }
        if article.kind == .page, !meta.tags.isEmpty {
            local.diagnostics.append(.error(file, line: at("tags").line, column: at("tags").column,
                "a page in \(ContentLoader.pagesFolder) is not listed, so it has no tags; remove 'tags', or move the file to \(ContentLoader.articlesFolder)"))
        }
        local.diagnostics += templateRemnants(article)
        for alias in meta.aliases where SiteLayout.aliasPath(alias) == nil {
            local.diagnostics.append(.error(file, line: at("aliases").line, column: at("aliases").column,
                "alias '\(alias)' must be an old address of this site, such as /old-name/ (a path starting with /, no spaces, quotes or ..)"))
        }
        for (tag, slug) in zip(meta.tags, local.tagSlugs) where slug.isEmpty {
            local.diagnostics.append(.error(file, line: at("tags").line, column: at("tags").column,
                                            "tag '\(tag)' has no letters or digits to make an address from"))
        }
        return local
    }

    /// Liquid tags and Hugo shortcodes left in a page moved from Jekyll or Hugo: shown as text here.
    static func templateRemnants(_ article: Article) -> [Diagnostic] {
        guard article.body.utf8Offset(of: "{%") != nil || article.body.utf8Offset(of: "{{") != nil else { return [] }
        var found: [Diagnostic] = []
        var inFence = false
        for (index, line) in article.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("```") || text.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence else { continue }
            let kind = line.contains("{%") ? "a Liquid tag ({% ... %}) from Jekyll"
                : (line.contains("{{<") || line.contains("{{%")) ? "a Hugo shortcode ({{< ... >}})"
                : (line.contains("{{ site.") || line.contains("{{ page.")) ? "a Liquid value ({{ ... }}) from Jekyll" : nil
            guard let kind else { continue }
            let column = (line.range(of: "{").map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? 0) + 1
            found.append(.warning(article.sourcePath, line: article.bodyLineOffset + index + 1, column: column,
                "\(kind) is shown to readers as it is written; replace it with Markdown (a link, an image) or remove it"))
        }
        return found
    }

    /// Two articles with one address, and two spellings of one tag.
    static func checkAcross(_ articles: [Article], _ local: [Local]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var bySlug: [String: [String]] = [:]
        for article in articles { bySlug[article.urlPath, default: []].append(article.sourcePath) }
        for (article, checked) in zip(articles, local) where checked.slugIsValid && !article.meta.unreadable {
            guard let sharing = bySlug[article.urlPath], sharing.count > 1 else { continue }
            let at = article.meta.keyPositions["slug"]
            let others = sharing.filter { $0 != article.sourcePath }.joined(separator: ", ")
            diagnostics.append(.error(article.sourcePath, line: at?.line ?? 1, column: at?.column ?? 1,
                "slug '\(article.slug)' is also used by \(others); two pages cannot share one address"))
        }
        var tagNames: [String: (name: String, file: String)] = [:]
        for (article, checked) in zip(articles, local) {
            for (tag, slug) in zip(article.meta.tags, checked.tagSlugs) {
                if let first = tagNames[slug], first.name != tag {
                    let at = article.meta.keyPositions["tags"]
                    diagnostics.append(.warning(article.sourcePath, line: at?.line ?? 1, column: at?.column ?? 1,
                        "tag '\(tag)' shares the page /tags/\(slug)/ with tag '\(first.name)' (\(first.file)); spell them the same"))
                } else if tagNames[slug] == nil {
                    tagNames[slug] = (tag, article.sourcePath)
                }
            }
        }
        return diagnostics
    }

    /// Listing order: `order` first (lowest first; unset last), then newest, then title.
    public static func listingOrder(_ articles: [Article]) -> [Article] {
        articles.sorted(by: listedBefore)
    }

    static func listedBefore(_ a: Article, _ b: Article) -> Bool {
        // Pages come after the articles, so the listed ones are a prefix.
        if a.isListed != b.isListed { return a.isListed }
        let oa = a.meta.order ?? Int.max, ob = b.meta.order ?? Int.max
        if oa != ob { return oa < ob }
        if a.meta.date != b.meta.date {
            guard let da = a.meta.date else { return false }
            guard let db = b.meta.date else { return true }
            return da > db
        }
        return (a.meta.title, a.sourcePath) < (b.meta.title, b.sourcePath)
    }
}
