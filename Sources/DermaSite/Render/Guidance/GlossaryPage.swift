/// /glossary/: every word the site explains, each with the pages that use it.
struct GlossaryPage: Sendable {
    let site: Site
    let glossary: Glossary
    let pages: PageRenderer

    func spec(usedBy rendered: [RenderedMarkdown]) -> PageSpec<GlossaryBody> {
        var usedOn: [String: [TitledLink]] = [:]
        for (article, markdown) in zip(site.articles, rendered) {
            for id in markdown.glossaryTerms {
                usedOn[id, default: []].append(TitledLink(title: article.meta.title, url: site.config.baseURL.sitePath(article.urlPath)))
            }
        }
        let terms = glossary.terms.sorted { $0.term.lowercased() < $1.term.lowercased() }.map { term in
            let pages = usedOn[term.id] ?? []
            return GlossaryBody.Term(id: term.id, term: term.term, definition: term.definition, usedOn: pages, hasUsedOn: !pages.isEmpty)
        }
        let body = GlossaryBody(terms: terms, review: ReviewValues(site.reviews.status(of: SiteReviews.glossary)))
        let values = pages.frame.values(body, kind: "glossary", title: "Words explained",
            description: "Plain-language meanings of the medical words used on \(site.config.title).", sitePath: SiteLayout.glossary)
        return PageSpec(template: "pages/glossary", sitePath: SiteLayout.glossary, values: values)
    }
}
