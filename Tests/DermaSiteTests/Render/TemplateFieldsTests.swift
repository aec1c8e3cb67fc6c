@testable import DermaSite
import Testing

/// The values written by hand (TemplateFields) against the same values encoded by Codable, which
/// they stand in for on the pages' path.
@Suite struct TemplateFieldsTests {
    @Test func everyBundledPageHasTheValuesCodableGives() throws {
        let cache = BuildCache()
        var options = BuildOptions(root: FixtureSite.projectRoot, includeDrafts: true)
        options.today = Day(iso: "2026-12-01")
        _ = try SiteBuilder().render(options, cache: cache)
        let written = cache.memo.pages.allValues(handWritten: true), encoded = cache.memo.pages.allValues(handWritten: false)
        #expect(written.count > 80 && written.count == encoded.count)
        for (page, oracle) in zip(written, encoded) {
            #expect(page.path == oracle.path && page.values == oracle.values, "\(page.path): \(Self.differences(page.values, oracle.values))")
        }
        // The hand-written path is taken, so the comparison is not of Codable with itself.
        #expect(written.contains { $0.template == "pages/article" } && written.contains { $0.template == "pages/place" })
    }

    /// The names whose values differ, `page.items` for one inside `page`.
    static func differences(_ a: [String: TemplateValue], _ b: [String: TemplateValue], prefix: String = "") -> [String] {
        Set(a.keys).union(b.keys).sorted().flatMap { key -> [String] in
            guard a[key] != b[key] else { return [] }
            if case .object(let x)? = a[key], case .object(let y)? = b[key] { return differences(x.values, y.values, prefix: prefix + key + ".") }
            return ["\(prefix)\(key): \(String(describing: a[key]).prefix(120)) vs \(String(describing: b[key]).prefix(120))"]
        }
    }

    /// Every optional set, unset or empty, in articles, sources, reviews and list entries.
    @Test func missingAndEmptyValuesAreWrittenAsCodableWritesThem() throws {
        let day = try #require(Day(iso: "2026-01-02"))
        let review = ClinicalReview(subject: "articles/a.md", reviewer: "A Reviewer", role: "", reviewed: day, nextReview: day,
                                    digest: "", position: SourcePosition(file: "r", line: 1, column: 1),
                                    nextReviewPosition: SourcePosition(file: "r", line: 2, column: 1))
        let sources = [Source(title: "T"), Source(title: "", authors: "A. B. et al.", publisher: "", year: 2019, url: "https://x.org",
                                                  doi: "10.1/x", checked: day)].map(SourceValues.init)
        let reviews: [ReviewValues?] = [nil, ReviewValues(.notReviewed), ReviewValues(.reviewed(review)), ReviewValues(.changedSinceReview(review))]
        let head = PageHead(kind: "article", title: "T", description: "", url: "/a/", canonical: "https://x.org/a/", headTitle: "T | S",
                            jsonLD: "", hasJsonLD: false, ogType: "article", isDraft: true)
        var checked = 0
        for (index, reviewValues) in reviews.enumerated() {
            let toc = index % 2 == 0 ? [] : ArticleBody.TocEntry.nested([Heading(level: 2, text: "A", id: "a"), Heading(level: 3, text: "B", id: "b")])
            let dates: [String?] = [nil, "", "2026-01-02", nil]
            let body = ArticleBody(content: "<p>x</p>", toc: toc, hasToc: toc.count >= 2, tags: index == 1 ? [] : [TagLink(name: "n", url: "/t/n/")],
                                   hasTags: index != 1, sources: index == 2 ? [] : sources, hasSources: index != 2, hasDescription: index == 3,
                                   dateISO: dates[index], dateLong: dates[(index + 1) % 4], updatedISO: dates[(index + 2) % 4],
                                   updatedLong: dates[(index + 3) % 4], isMedical: index != 0, review: reviewValues)
            let page = Page(head: head, body: body)
            let written = try #require(page.handWritten)
            #expect(written == TemplateEncoder.box(page), "review \(index)")
            checked += 1
        }
        #expect(checked == reviews.count)
    }

    /// A list page: entries with and without a description or a date, and page links with gaps.
    @Test func listPagesAreWrittenAsCodableWritesThem() throws {
        let head = PageHead(kind: "list", title: "Articles", description: "All", url: "/articles/", canonical: "https://x.org/articles/",
                            headTitle: "Articles | S", jsonLD: "{}", hasJsonLD: true, ogType: "website", isDraft: false)
        // The bundled articles, drafts among them, some without a date or a description.
        let articles = ContentLoader.load(root: FixtureSite.projectRoot, fileSystem: LocalFileSystem(), includeDrafts: true).articles
        #expect(articles.count > 5)
        let links = [Pagination.Link(number: 1, url: "/articles/", isCurrent: true, isGap: false),
                     Pagination.Link(number: nil, url: nil, isCurrent: nil, isGap: true),
                     Pagination.Link(number: 7, url: "/articles/page/7/", isCurrent: false, isGap: false)]
        for (index, pagination) in [Pagination(hasPages: false, current: 1, total: 1, hasPrev: false, hasNext: false, prevURL: nil, nextURL: nil, pages: []),
                                    Pagination(hasPages: true, current: 2, total: 7, hasPrev: true, hasNext: true, prevURL: "/articles/",
                                               nextURL: "", pages: links)].enumerated() {
            let items = articles.prefix(index == 0 ? 0 : articles.count).map { ListItem($0, baseURL: BaseURL("https://x.org/")!) }
            let page = Page(head: head, body: ListBody(items: items, pagination: pagination))
            let written = try #require(page.handWritten)
            #expect(written == TemplateEncoder.box(page), "pagination \(index)")
        }
    }
}
