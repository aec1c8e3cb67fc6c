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
            #expect(page.path == oracle.path && page.values == oracle.values, "\(page.path)")
        }
        // The hand-written path is taken, so the comparison is not of Codable with itself.
        #expect(written.contains { $0.template == "pages/article" })
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
}
