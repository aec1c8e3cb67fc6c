@testable import DermaSite
import Foundation
import Testing

/// A page's review status is what a reader trusts: it must be true in every state, and the
/// structured data must never claim more than the page says.
@Suite struct ReviewTests {
    func site() throws -> FixtureSite {
        let site = try AtlasBuildTests().site()
        try site.write("Content/data/glossary.yml", GuidanceTests.glossary)
        return site
    }

    func record(_ site: FixtureSite, _ subject: String, on day: String = "2026-01-01", next: String? = nil) throws {
        _ = try ReviewRecorder.record(root: site.root, fileSystem: LocalFileSystem(), subject: subject, reviewer: "Dr A Example",
                                      role: "consultant physiotherapist", today: Day(iso: day)!, nextReview: next.flatMap(Day.init(iso:)))
    }

    func jsonLD(_ page: String) throws -> [String: Any] {
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        return try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
    }

    static let unreviewed = "This page has not yet been checked by a clinician."

    @Test func anUnreviewedPageSaysSoAndClaimsNothing() throws {
        let site = try site()
        let report = try site.build(reviewReminder: true)
        let reminder = try #require(report.diagnostics.first { $0.isUnreviewedReminder })
        // Three articles, the data set and the glossary.
        #expect(reminder.message.hasPrefix("5 medical pages have not been checked by a clinician"), "\(reminder)")
        for page in ["articles/first", "dermatomes/l5", "dermatomes", "dermatomes/worksheet", "where/heel", "where", "glossary"] {
            let html = try site.read("Public/\(page)/index.html")
            #expect(html.contains(Self.unreviewed), "\(page) hides that it is unreviewed")
            #expect(!html.contains("lastReviewed") && !html.contains("reviewedBy") && !html.contains("Page last reviewed"), "\(page)")
            #expect(html.contains("Published by Test Publisher."), "\(page) does not say who publishes it")
        }
        // The home page and lists give no medical information of their own.
        #expect(!(try site.read("Public/index.html")).contains("page-status"))
        #expect(!(try site.read("Public/articles/index.html")).contains("page-status"))
    }

    @Test func aRecordedReviewIsShownAndClaimedAsAPerson() throws {
        let site = try site()
        try record(site, "articles/first.md")
        let report = try site.build(reviewReminder: true)
        #expect(report.diagnostics.contains { $0.isUnreviewedReminder && $0.message.hasPrefix("4 medical pages") })
        let page = try site.read("Public/articles/first/index.html")
        #expect(page.contains(#"Page last reviewed: <time datetime="2026-01-01">1 January 2026</time> · Next review due: <time datetime="2027-01-01">1 January 2027</time>"#))
        #expect(page.contains("Checked by Dr A Example, consultant physiotherapist."))
        #expect(!page.contains(Self.unreviewed))
        let json = try jsonLD(page)
        #expect(json["lastReviewed"] as? String == "2026-01-01")
        let reviewer = try #require(json["reviewedBy"] as? [String: Any])
        #expect(reviewer["@type"] as? String == "Person" && reviewer["jobTitle"] as? String == "consultant physiotherapist")
        #expect(try site.read("Public/articles/second/index.html").contains(Self.unreviewed))
        let record = try site.read("Content/data/reviews.yml")
        #expect(record.contains("  - file: \"articles/first.md\"\n    reviewer: \"Dr A Example\"\n"))
    }

    @Test func anEditAfterTheReviewIsShownAndDropsTheClaimUntilReviewedAgain() throws {
        let site = try site()
        try record(site, "articles/first.md")
        try site.build()
        try site.write("Content/articles/first.md", try site.read("Content/articles/first.md") + "\nA new sentence.\n")
        let report = try site.build()
        #expect(report.diagnostics.map(\.description).contains {
            $0.hasPrefix("Content/articles/first.md:1:1: warning: changed since Dr A Example reviewed it on 1 January 2026")
        }, "\(report.diagnostics)")
        let page = try site.read("Public/articles/first/index.html")
        #expect(page.contains("<strong>Changed since it was last reviewed.</strong> Dr A Example, consultant physiotherapist, checked an earlier version on"))
        #expect(try jsonLD(page)["lastReviewed"] == nil)
        try record(site, "articles/first.md", on: "2026-02-01")
        try site.build()
        let renewed = try site.read("Public/articles/first/index.html")
        #expect(try jsonLD(renewed)["lastReviewed"] as? String == "2026-02-01")
        #expect(!renewed.contains("Changed since"))
    }

    @Test func theDataSetReviewCoversEveryPageBuiltFromItAndEachOfItsFiles() throws {
        let site = try site()
        try record(site, ReviewRecorder.subject(for: "Content/data/places.yml")!)
        try site.build()
        for page in ["dermatomes/l5", "dermatomes", "dermatomes/worksheet", "where/heel", "where"] {
            #expect(try site.read("Public/\(page)/index.html").contains("Checked by Dr A Example"), "\(page)")
        }
        #expect(try jsonLD(try site.read("Public/dermatomes/l5/index.html"))["lastReviewed"] as? String == "2026-01-01")
        // The drawing is part of what the reviewer saw: a change to it alone undoes the review.
        try site.write("Content/data/leg-map.yml", try site.read("Content/data/leg-map.yml") + "# moved a line\n")
        try site.build()
        #expect(try site.read("Public/dermatomes/l5/index.html").contains("Changed since it was last reviewed"))
        #expect(try jsonLD(try site.read("Public/dermatomes/l5/index.html"))["lastReviewed"] == nil)
    }

    @Test func anOverdueReviewWarnsAtItsNextReviewLine() throws {
        let site = try site()
        try record(site, "articles/second.md", next: "2026-06-01")
        try record(site, "articles/first.md", next: "2026-06-01")
        let lines = try site.read("Content/data/reviews.yml").split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("second.md") }) + 5
        #expect(lines[line - 1].hasPrefix("    next_review: 2026-06-01"))
        let before = try site.build(today: Day(iso: "2026-05-31"))
        #expect(!before.diagnostics.contains { $0.message.contains("overdue") })
        let after = try site.build(today: Day(iso: "2026-06-02")).diagnostics.map(\.description)
        #expect(after.contains("Content/data/reviews.yml:\(line):18: warning: review of articles/second.md overdue: it was due on 1 June 2026; ask a clinician to check it again and record it with 'dermasite review'"), "\(after)")
    }

    @Test func requiringClinicalReviewMakesEveryStateButCurrentAnErrorAndKeepsTheOutput() throws {
        let site = try site()
        try site.write("Content/site.yml", FixtureSite.config)
        try site.build()
        let published = try site.snapshot()
        try site.write("Content/site.yml", FixtureSite.config + "require_clinical_review: true\n")
        let unreviewed = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.file)
        #expect(Set(unreviewed) == ["Content/articles/first.md", "Content/articles/second.md", "Content/articles/map.md",
                                    AtlasLoader.rootsPath, GuidanceLoader.glossaryPath], "every page at once")
        #expect(try site.snapshot() == published)
        for subject in ["articles/first.md", "articles/second.md", "articles/map.md", SiteReviews.dataSet, SiteReviews.glossary] {
            try record(site, subject, next: "2026-06-01")
        }
        try site.build(today: Day(iso: "2026-05-01"))
        let overdue = try #require(site.failingBuild(today: Day(iso: "2026-07-01")))
        #expect(overdue.filter { $0.severity == .error }.count == 5 && overdue.allSatisfy { $0.file == ReviewLoader.path || $0.severity == .warning })
        try site.write("Content/articles/map.md", try site.read("Content/articles/map.md") + "\nMore.\n")
        let changed = try #require(site.failingBuild(today: Day(iso: "2026-05-01")))
        #expect(changed.map(\.description).contains { $0.hasPrefix("Content/articles/map.md:1:1: error: changed since Dr A Example") })
    }

    @Test func aBrokenReviewRecordIsReportedAtItsLinesAllAtOnce() throws {
        let site = try site()
        try site.write("Content/data/reviews.yml", """
        reviews:
          - file: articles/first.md
            reviewer: Dr A
            role: GP
            reviewed: 2026-02-01
            next_review: 2026-01-01
            sha256: \(String(repeating: "a", count: 64))
          - file: articles/nowhere.md
            reviewer: Dr B
            role: GP
            reviewed: 2026-01-01
            next_review: 2027-01-01
            sha256: \(String(repeating: "b", count: 64))
          - file: data/places.yml
            reviewer: Dr C
            role: GP
            reviewed: 2026-01-01
            next_review: 2027-01-01
            sha256: \(String(repeating: "c", count: 64))
          - file: articles/second.md
            reviewer: Dr D
            reviewed: 2026-01-01
            next_review: 2027-01-01
            sha256: ABC

        """)
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("Content/data/reviews.yml:2:5: error: 'next_review' (2026-01-01) must come after 'reviewed' (2026-02-01)") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("Content/data/reviews.yml:8:5: error: 'articles/nowhere.md' does not exist") })
        #expect(errors.contains { $0.hasPrefix("Content/data/reviews.yml:14:5: error: 'data/places.yml' cannot be reviewed on its own") })
        #expect(errors.contains { $0.hasPrefix("Content/data/reviews.yml:20:5: error: a review needs 'role'") })
        #expect(errors.count == 4)
    }

    @Test func theRecorderRefusesAnEmptyNameOrARecordThatDoesNotRead() throws {
        let site = try site()
        #expect(throws: ReviewRecorder.Failure.self) {
            try ReviewRecorder.record(root: site.root, fileSystem: LocalFileSystem(), subject: "articles/first.md", reviewer: " ",
                                      role: "GP", today: Day(iso: "2026-01-01")!)
        }
        try site.write("Content/data/reviews.yml", "reviews: [oops\n")
        #expect(throws: ReviewRecorder.Failure.self) {
            try ReviewRecorder.record(root: site.root, fileSystem: LocalFileSystem(), subject: "articles/first.md", reviewer: "Dr A",
                                      role: "GP", today: Day(iso: "2026-01-01")!)
        }
        #expect(try site.read("Content/data/reviews.yml") == "reviews: [oops\n", "a record it cannot read is never overwritten")
        #expect(ReviewRecorder.subject(for: "Content/articles/a.md") == "articles/a.md")
        #expect(ReviewRecorder.subject(for: "Content/data/leg-map.yml") == SiteReviews.dataSet)
        #expect(ReviewRecorder.subject(for: "Content/site.yml") == nil)
        #expect(ReviewRecorder.subject(for: "Content/articles/../site.yml") == nil)
    }
}
