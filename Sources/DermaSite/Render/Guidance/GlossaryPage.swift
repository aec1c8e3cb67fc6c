/// /glossary/: every word the site explains, each with the pages that use it.
struct GlossaryPage: Sendable {
    let site: Site
    let glossary: Glossary
    let pages: PageRenderer

    func render(usedBy rendered: [RenderedMarkdown]) throws -> OutputFile {
        var usedOn: [String: [[String: Any]]] = [:]
        for (article, markdown) in zip(site.articles, rendered) {
            for id in markdown.glossaryTerms {
                usedOn[id, default: []].append(["title": article.meta.title, "url": site.config.baseURL.sitePath(article.urlPath)])
            }
        }
        let terms = glossary.terms.sorted { $0.term.lowercased() < $1.term.lowercased() }.map { term -> [String: Any] in
            let pages = usedOn[term.id] ?? []
            return ["id": term.id, "term": term.term, "definition": term.definition, "used_on": pages, "has_used_on": !pages.isEmpty]
        }
        var page: [String: Any] = [
            "kind": "glossary",
            "title": "Words explained",
            "description": "Plain-language meanings of the medical words used on \(site.config.title).",
            "terms": terms,
        ]
        ReviewContext.add(site.reviews.status(of: SiteReviews.glossary), to: &page)
        return try pages.page("pages/glossary", sitePath: SiteLayout.glossary, page: page)
    }
}
