@testable import DermaSite
import Foundation
import Testing

@Suite struct GuidanceTests {
    static let glossary = """
    terms:
      - id: "medial"
        term: "medial"
        definition: "On the side nearer the middle of the body."
      - id: "dermatome"
        term: "dermatome"
        definition: "A strip of skin that one nerve root supplies."

    """
    static let redFlags = """
    title: "Call 999 or go to A&E now if:"
    intro: "You have back pain and any of these are new:"
    signs:
      - "numbness around your <bottom>"
      - "weakness in both legs"
    advice: "Go to A&E or call 999."
    why: "These can be signs of cauda equina syndrome."
    sources:
      - title: "Cauda equina syndrome"
        publisher: "NHS"

    """

    func site(extraBody: String = "") throws -> FixtureSite {
        let site = try FixtureSite.basic()
        try site.write("Content/data/glossary.yml", Self.glossary)
        try site.write("Content/data/red-flags.yml", Self.redFlags)
        try site.write("Content/articles/words.md", FixtureSite.article(title: "Words", extra: """
        reviewed: 2026-01-01
        next_review: 2026-06-01
        sources:
          - title: "A book"
            url: "https://example.org/book"

        """, body: """
        The [inner side](glossary:medial) of the leg. Again the [medial](glossary:medial) side.

        ```red-flags
        ```
        \(extraBody)
        """))
        return site
    }

    @Test func firstUseOfAWordOpensItsDefinitionAndTheGlossaryLinksBack() throws {
        let site = try site()
        try site.build()
        let page = try site.read("Public/articles/words/index.html")
        #expect(page.contains(#"<button type="button" class="term" popovertarget="glossary-medial">inner side</button>"#))
        #expect(page.contains(#"<span class="term__popover" id="glossary-medial" popover><strong>medial</strong>: On the side nearer the middle of the body. <a href="/glossary/#medial">"#))
        #expect(page.components(separatedBy: "popovertarget=").count == 2, "only the first use is marked up")
        #expect(page.contains("Again the medial side."))
        let glossary = try site.read("Public/glossary/index.html")
        #expect(glossary.contains(#"<dt id="medial">medial</dt>"#))
        #expect(glossary.contains(#"<a href="/articles/words/">Words</a>"#))
    }

    @Test func unknownGlossaryWordIsAnErrorAtItsLine() throws {
        let site = try site(extraBody: "\nAn [odd word](glossary:mediall).\n")
        let diagnostics = try #require(site.failingBuild())
        #expect(diagnostics.map(\.description).contains {
            $0.hasPrefix("Content/articles/words.md:17:4: error: no glossary entry with id 'mediall'; did you mean 'medial'?")
        }, "\(diagnostics)")
    }

    @Test func redFlagsCardIsDataDrivenAndEscaped() throws {
        let site = try site()
        try site.build()
        let page = try site.read("Public/articles/words/index.html")
        #expect(page.contains(#"<section class="care-card care-card--emergency" aria-labelledby="red-flags-1-title">"#))
        #expect(page.contains("<li>numbness around your &lt;bottom&gt;</li>"))
        #expect(page.contains("<span class=\"care-card__tag\">Emergency</span> Call 999 or go to A&amp;E now if:"))
    }

    @Test func overdueAndSourcelessPagesAreFlagged() throws {
        let site = try site()
        try site.write("Content/articles/bare.md", "---\ntitle: Bare\ndescription: No review.\ndate: 2026-01-01\n---\nText.\n")
        var options = BuildOptions(root: site.root)
        options.today = Day(iso: "2026-11-28")
        let report = try SiteBuilder().build(options)
        let messages = report.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/articles/words.md:6:1: warning: review overdue: 'next_review' was 1 June 2026") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("Content/articles/bare.md") && $0.contains("no 'sources'") })
        #expect(messages.contains { $0.hasPrefix("Content/articles/bare.md") && $0.contains("no 'reviewed' date") })
        #expect(!messages.contains { $0.hasPrefix("Content/articles/first.md") })
        options.today = Day(iso: "2026-05-01")
        #expect(!(try SiteBuilder().build(options)).diagnostics.contains { $0.message.contains("overdue") })
    }

    @Test func readingLevelAboveTheTargetIsAWarning() throws {
        let site = try site()
        try site.write("Content/articles/hard.md", FixtureSite.article(title: "Hard", body: """
        Radiculopathy consequent upon intervertebral disc herniation characteristically manifests \
        dermatomal paraesthesia accompanied by myotomal weakness and diminished deep tendon reflexes.

        """))
        let report = try site.build()
        #expect(report.diagnostics.contains { $0.file == "Content/articles/hard.md" && $0.message.contains("reading grade") })
        #expect(report.readability.contains { $0.sitePath == "articles/hard/" && $0.score.fleschKincaidGrade > 15 })
    }

    @Test func structuredDataIsValidJSONAndCannotCloseItsScript() throws {
        let site = try site()
        try site.write("Content/articles/evil.md", FixtureSite.article(title: "</script><script>alert(1)</script>", extra: "reviewer: \"Dr <b>X</b> & co\"\nreviewed: 2026-01-01\n"))
        try site.build()
        let page = try site.read("Public/articles/evil/index.html")
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = String(page[start.upperBound..<end.lowerBound])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "MedicalWebPage")
        #expect(object["name"] as? String == "</script><script>alert(1)</script>")
        #expect(object["lastReviewed"] as? String == "2026-01-01")
        #expect((object["reviewedBy"] as? [String: Any])?["name"] as? String == "Dr <b>X</b> & co")
        #expect((object["audience"] as? [String: Any])?["audienceType"] as? String == "Patient")
        #expect(!json.contains("<"))
    }
}
