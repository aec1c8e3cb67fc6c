@testable import DermaSite
import Foundation
import Testing

/// The project's own Content/ and Templates/ must always build cleanly. Two warnings are honest
/// and expected: no clinician has reviewed the bundled pages yet, and some sources lack a detail
/// that could not be checked (the closing notes list them).
@Suite struct BundledSiteTests {
    @Test func bundledSiteBuildsWithoutErrorsOrUnexpectedWarnings() throws {
        let output = NSTemporaryDirectory() + "dermasite-bundled-" + UUID().uuidString
        let report = try SiteBuilder().build(BuildOptions(root: FixtureSite.projectRoot, output: output))
        let unexpected = report.diagnostics.filter { !$0.isUnreviewedReminder && !$0.message.hasSuffix("so a reader can find it") }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.description))")
        #expect(report.diagnostics.filter(\.isUnreviewedReminder).count == 1)
        let article = try String(contentsOfFile: output + "/articles/leg-dermatomes/index.html", encoding: .utf8)
        // Nobody has reviewed the bundled site: it must say so and claim nothing.
        #expect(article.contains("This page has not yet been checked by a clinician."))
        #expect(!article.contains("Page last reviewed") && !article.contains("lastReviewed") && !article.contains("reviewedBy"))
        #expect(article.contains(#"class="emergency-box""#))
        #expect(article.contains("<figure class=\"atlas\""))
        #expect(article.contains("<table class=\"dermatome-table\">"))
        for root in ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4-S5"] {
            let slug = root.lowercased()
            #expect(article.contains("<a href=\"/dermatomes/\(slug)/\">\(root)</a>"), "table lacks \(root)")
            #expect(FileManager.default.fileExists(atPath: output + "/dermatomes/\(slug)/index.html"), "no page for \(root)")
        }
        #expect(FileManager.default.fileExists(atPath: output + "/dermatomes/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/dermatomes/charts/clinical-front.svg"))
        try? FileManager.default.removeItem(atPath: output)
    }

    @Test func scaffoldedArticleBuildsOnceNoLongerADraft() throws {
        let text = ArticleScaffold.text(title: "Why does my \"foot\" tingle?", today: Day(iso: "2026-11-28")!)
        #expect(ArticleScaffold.path(for: "Why does my \"foot\" tingle?") == "Content/articles/why-does-my-foot-tingle.md")
        var diagnostics: [Diagnostic] = []
        let article = try #require(ContentLoader.parseArticle(bytes: Array(text.utf8), path: "x.md", diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(article.meta.title == "Why does my \"foot\" tingle?")
        #expect(article.meta.draft)
        #expect(!text.contains("\nreviewed:"), "a review is recorded with 'dermasite review', not typed in")
        // `redirect_from` is Jekyll's name for `aliases`, read for pages moved from there.
        for key in FrontMatter.knownKeys where !FrontMatter.movedKeys.contains(key) && key != "redirect_from" {
            #expect(text.contains("\n\(key):"), "scaffold lacks \(key)")
        }
        let site = try FixtureSite.basic()
        try site.write("Content/articles/new.md", text.replacingOccurrences(of: "draft: true", with: "draft: false"))
        let report = try site.build()
        #expect(report.diagnostics.errors.isEmpty)
        #expect(site.exists("Public/articles/why-does-my-foot-tingle/index.html"))
    }
}
