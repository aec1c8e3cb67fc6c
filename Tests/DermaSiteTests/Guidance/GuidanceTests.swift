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
    title: "Call {call} or go to {go_to} now if:"
    intro: "You have back pain and any of these are new:"
    signs:
      - "numbness around your <bottom>"
      - "weakness in both legs"
    advice: "Go to {go_to} or call {call}."
    why: "These can be signs of cauda equina syndrome."
    sources:
      - title: "Cauda equina syndrome"
        publisher: "NHS"
        url: "https://www.nhs.uk/conditions/cauda-equina-syndrome/"
        checked: 2026-12-01

    """

    func site(extraBody: String = "") throws -> FixtureSite {
        let site = try FixtureSite.basic()
        try site.write("Content/data/glossary.yml", Self.glossary)
        try site.write("Content/data/red-flags.yml", Self.redFlags)
        try site.write("Content/articles/words.md", FixtureSite.article(title: "Words", extra: """
        sources:
          - title: "A book"
            year: 2021
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
            $0.hasPrefix("Content/articles/words.md:16:4: error: no glossary entry with id 'mediall'; did you mean 'medial'?")
        }, "\(diagnostics)")
    }

    @Test func redFlagsCardIsDataDrivenAndEscaped() throws {
        let site = try site()
        try site.build()
        let page = try site.read("Public/articles/words/index.html")
        #expect(page.contains(#"<section class="care-card care-card--emergency" aria-labelledby="red-flags-1-title" data-search-ignore>"#))
        #expect(page.contains("<li>numbness around your &lt;bottom&gt;</li>"))
        // The numbers come from site.yml, not the data file.
        #expect(page.contains("<span class=\"care-card__tag\">Emergency</span> Call 999 or go to A&amp;E now if:"))
        #expect(page.contains("<strong>Go to A&amp;E or call 999.</strong>"))
        #expect(page.contains(#"<summary>Where this advice comes from</summary>\#n<ul>\#n<li><a href="https://www.nhs.uk/conditions/cauda-equina-syndrome/">Cauda equina syndrome</a>. NHS</li>"#))
    }

    @Test func sourcelessAndIncompleteSourcesAreFlaggedAtTheirLines() throws {
        let site = try site()
        try site.write("Content/articles/bare.md", "---\ntitle: Bare\ndescription: No sources.\ndate: 2026-01-01\n---\nText.\n")
        try site.write("Content/articles/half.md", """
        ---
        title: Half
        description: Half-cited.
        date: 2026-01-01
        sources:
          - title: "A web page"
            url: "https://example.org/page"
          - title: "A paper"
            year: 2011
          - title: "A paper with a DOI"
            year: 2008
            doi: 10.1002/ca.20636
        ---
        Text.

        """)
        let messages = try site.build().diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/articles/bare.md") && $0.contains("no 'sources'") })
        #expect(messages.contains("Content/articles/half.md:6:5: warning: source 'A web page' needs a 'year', or 'checked:' with the day you read the page so a reader can find it"), "\(messages)")
        #expect(messages.contains("Content/articles/half.md:8:5: warning: source 'A paper' needs a 'url' or 'doi' so a reader can find it"))
        #expect(!messages.contains { $0.contains("A paper with a DOI") })
        #expect(!messages.contains { $0.hasPrefix("Content/articles/first.md") })
        let page = try site.read("Public/articles/half/index.html")
        #expect(page.contains(#"<a href="https://doi.org/10.1002/ca.20636">A paper with a DOI</a>"#))
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
        try site.write("Content/articles/evil.md", FixtureSite.article(title: "</script><script>alert(1)</script>"))
        _ = try ReviewRecorder.record(root: site.root, fileSystem: LocalFileSystem(), subject: "articles/evil.md",
                                      reviewer: "Dr <b>X</b> & co", role: "GP", today: Day(iso: "2026-01-01")!)
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
        #expect((object["reviewedBy"] as? [String: Any])?["@type"] as? String == "Person")
        #expect((object["reviewedBy"] as? [String: Any])?["jobTitle"] as? String == "GP")
        #expect((object["audience"] as? [String: Any])?["audienceType"] as? String == "Patient")
        #expect(!json.contains("<"))
    }
}
