/// Checks that need more than one field, or more than one article.
public enum ArticleValidator {
    public static func validate(_ articles: [Article]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var bySlug: [String: [String]] = [:]
        for article in articles { bySlug[article.slug, default: []].append(article.sourcePath) }
        for article in articles {
            let file = article.sourcePath
            let meta = article.meta
            if meta.unreadable { continue }  // its YAML error was reported; guessing more would mislead
            func at(_ key: String) -> (line: Int, column: Int) {
                meta.keyPositions[key].map { ($0.line, $0.column) } ?? (1, 1)
            }
            if meta.title.isEmpty, !meta.keysPresent.contains("title") {
                diagnostics.append(.error(file, line: 1, column: 1, "missing 'title' in front matter"))
            }
            if meta.date == nil, !meta.keysPresent.contains("date") {
                diagnostics.append(.error(file, line: 1, column: 1,
                                          "missing 'date' in front matter (the day it was first published, YYYY-MM-DD)"))
            }
            if meta.description.isEmpty {
                diagnostics.append(.warning(file, line: 1, column: 1,
                    "missing 'description'; search results and the home page show it"))
            }
            if article.slug.isEmpty || Slug.make(article.slug) != article.slug {
                let better = Slug.make(article.slug.isEmpty ? FilePath.fileName(of: file) : article.slug)
                diagnostics.append(.error(file, line: at("slug").line, column: at("slug").column,
                    "slug '\(article.slug)' cannot be used in a web address; use lower-case letters, digits and hyphens, such as '\(better)'"))
            } else if let sharing = bySlug[article.slug], sharing.count > 1 {
                let others = sharing.filter { $0 != file }.joined(separator: ", ")
                diagnostics.append(.error(file, line: at("slug").line, column: at("slug").column,
                    "slug '\(article.slug)' is also used by \(others); two pages cannot share one address"))
            }
            if let date = meta.date, let updated = meta.updated, updated < date {
                diagnostics.append(.warning(file, line: at("updated").line, column: at("updated").column,
                                            "'updated' (\(updated)) is before 'date' (\(date))"))
            }
            if let reviewed = meta.reviewed, let next = meta.nextReview, next < reviewed {
                diagnostics.append(.warning(file, line: at("next_review").line, column: at("next_review").column,
                                            "'next_review' (\(next)) is before 'reviewed' (\(reviewed))"))
            }
            for tag in meta.tags where Slug.make(tag).isEmpty {
                diagnostics.append(.error(file, line: at("tags").line, column: at("tags").column,
                                          "tag '\(tag)' has no letters or digits to make an address from"))
            }
        }
        var tagNames: [String: (name: String, file: String)] = [:]
        for article in articles {
            for tag in article.meta.tags {
                let slug = Slug.make(tag)
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
        articles.sorted { a, b in
            let oa = a.meta.order ?? Int.max, ob = b.meta.order ?? Int.max
            if oa != ob { return oa < ob }
            let da = a.meta.date ?? Day(year: 1, month: 1, day: 1)!, db = b.meta.date ?? Day(year: 1, month: 1, day: 1)!
            if da != db { return da > db }
            return (a.meta.title, a.sourcePath) < (b.meta.title, b.sourcePath)
        }
    }
}
