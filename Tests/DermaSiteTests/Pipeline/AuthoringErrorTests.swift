@testable import DermaSite
import Foundation
import Testing

/// Mistakes an author makes, each reported once, at its own line, with the cause first.
@Suite struct AuthoringErrorTests {
    func atlasSite(body: String) throws -> FixtureSite {
        let site = try FixtureSite.basic()
        try site.write("Content/data/dermatomes.yml", AtlasFixture.roots)
        try site.write("Content/data/places.yml", AtlasFixture.places)
        try site.write("Content/data/leg-map.yml", AtlasFixture.map)
        try site.write("Content/data/red-flags.yml", GuidanceTests.redFlags)
        try site.write("Content/articles/map.md", FixtureSite.article(title: "Map", body: body))
        return site
    }

    func errors(_ site: FixtureSite) throws -> [String] {
        try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
    }

    /// The article's body starts on line 10 (front matter with its three-line source).
    @Test func aMisspeltBlockNameIsAnErrorNotCodeShownToPatients() throws {
        let site = try atlasSite(body: "```dermatomes-map\nview: front\n```\n\n```Care-Card urgent\nSee a GP.\n```\n\n```python\nx = 1\n```\n")
        #expect(try errors(site) == [
            "Content/articles/map.md:10:1: error: unknown block 'dermatomes-map'; did you mean dermatome-map? (as written it is shown to readers as code)",
            "Content/articles/map.md:14:1: error: unknown block 'Care-Card'; did you mean care-card? (as written it is shown to readers as code)",
        ])
    }

    @Test func aNoteAndATipAreCalloutsOfPlainText() throws {
        let site = try atlasSite(body: "```tip Before your visit\nWrite down when it started.\n- where it is\n```\n\n```note\n<b>Plain</b> text.\n```\n\n```tip\n```\n")
        #expect(try errors(site) == ["Content/articles/map.md:19:1: error: this tip is empty: write its text between the fences"])
        try site.write("Content/articles/map.md", FixtureSite.article(title: "Map", body: "```tip Before your visit\nWrite down when it started.\n- where it is\n```\n\n```note\n<b>Plain</b> text.\n```\n"))
        try site.build()
        let html = try site.read("Public/articles/map/index.html")
        #expect(html.contains(#"<aside class="callout callout--tip" aria-labelledby="callout-tip-1-title">"#))
        #expect(html.contains(#"<span class="callout__tag">Tip</span> Before your visit</p>"#) && html.contains("<li>where it is</li>"))
        #expect(html.contains("<p>&lt;b&gt;Plain&lt;/b&gt; text.</p>"))
    }

    @Test func anUnclosedBlockIsOneErrorAtItsOpeningFence() throws {
        let site = try atlasSite(body: "```dermatome-map\nview: front\n\n## Later heading\n\nA sentence: with a colon.\n\nmore: text\n")
        #expect(try errors(site) == [
            "Content/articles/map.md:10:1: error: the 'dermatome-map' block that starts here is never closed; add a line with ``` after its last setting",
        ])
    }

    @Test func aClosedBlockInAQuoteOrAListIsNotCalledUnclosed() throws {
        let site = try atlasSite(body: "> ```tip\n> Rest your leg.\n> ```\n\n- A list item\n\n  ```note\n  In a list.\n  ```\n")
        try site.build()
        #expect(try site.read("Public/articles/map/index.html").contains("Rest your leg."))
    }

    @Test func aBrokenSeeAlsoLinkIsReportedInTheDataFileNotTheTemplates() throws {
        let site = try atlasSite(body: "Text.\n")
        try site.write("Content/data/places.yml", AtlasFixture.places.replacingOccurrences(of: "    words: [\"heel\"]\n",
            with: "    words: [\"heel\"]\n    see_also:\n      - text: \"Heel pain\"\n        link: /articles/heel-pian/\n"))
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors == ["Content/data/places.yml:24:15: error: a link in see_also on where/heel/index.html: link to '/articles/heel-pian/': there is no page or file at /articles/heel-pian/"], "\(errors)")
    }

    @Test func aMapHighlightsSeveralRoots() throws {
        let site = try atlasSite(body: "```dermatome-map\nview: both\nhighlight: L4, L5\n```\n")
        let report = try site.build()
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let html = try site.read("Public/articles/map/index.html")
        #expect(html.contains("The places the L4 and L5 roots supply on the"), "\(html)")
        // S1's place (the heel) is muted; L4's and L5's are drawn strongly.
        let regions = html.components(separatedBy: "legmap__region").dropFirst()
        #expect(regions.filter { $0.hasPrefix(" is-highlighted") }.count == 2 && regions.filter { $0.hasPrefix(" is-muted") }.count == 1)
    }

    @Test func aRootNumberNotInTheDataSetSuggestsNoNeighbour() throws {
        let site = try atlasSite(body: "```dermatome-map\nhighlight: L6, l5\n```\n")
        #expect(try errors(site) == ["Content/articles/map.md:11:1: error: unknown root 'L6' (roots: L4, L5, S1)"])
        let typo = try atlasSite(body: "```dermatome-map\nhighlight: L44\n```\n")
        #expect(try errors(typo) == ["Content/articles/map.md:11:1: error: unknown root 'L44'; did you mean L4? (roots: L4, L5, S1)"])
    }

    @Test func aBadColourIsReportedAtItsLineAndTheRootStillExists() throws {
        let site = try atlasSite(body: "```dermatome-map\nhighlight: L5\n```\n")
        try site.write("Content/data/dermatomes.yml", AtlasFixture.roots.replacingOccurrences(of: "#0072B2", with: "#0072B"))
        let found = try errors(site)
        #expect(found.count == 1 && found[0].hasPrefix("Content/data/dermatomes.yml:") && found[0].hasSuffix("error: 'colour' must be written #RRGGBB, such as #0072B2; found '#0072B'"), "\(found)")
    }

    @Test func aDateOutOfRangeSaysWhichPart() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/a.md", FixtureSite.article(title: "A", date: "2026-13-02", extra: "updated: 2026-02-30\n"))
        #expect(try errors(site) == [
            "Content/articles/a.md:4:7: error: 'date' has month 13, but months run from 01 to 12 (written YYYY-MM-DD); found '2026-13-02'",
            "Content/articles/a.md:5:10: error: 'updated' has day 30, but month 02 of 2026 has 28 days; found '2026-02-30'",
        ])
    }

    @Test func anErrorInSiteYmlIsNotFollowedByCareCardsAskingForItsNumbers() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/site.yml", FixtureSite.config + "theme:\n  colour: \"#ffb81c\"\n")
        try site.write("Content/articles/a.md", FixtureSite.article(title: "A", body: "```care-card urgent\nCall {urgent_line} today.\n```\n"))
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1 && errors[0].hasPrefix("Content/site.yml:11:11: error: white text on #ffb81c"), "\(errors)")
    }

    @Test func aTabInTheGlossaryIsTheOneErrorNotEveryLinkToIt() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/data/glossary.yml", GuidanceTests.glossary.replacingOccurrences(of: "    term: \"medial\"", with: "\t  term: \"medial\""))
        for name in ["b", "c"] {
            try site.write("Content/articles/\(name).md", FixtureSite.article(title: name, body: "A [word](glossary:medial) and [another](glossary:dermatome).\n"))
        }
        let found = try #require(site.failingBuild())
        #expect(found.map(\.description) == ["Content/data/glossary.yml:3:1: error: this line is indented with a tab, and YAML does not allow tabs for indentation; use spaces"], "\(found)")
    }

    @Test func anUndefinedFootnoteWarnsAtItsLine() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/a.md", FixtureSite.article(title: "A", body: "One[^1] and two[^2].\nA second line with [^9].\n\n`[^3]` is code.\n\n[^1]: The first.\n"))
        let report = try site.build()
        let found = report.diagnostics.filter { $0.file == "Content/articles/a.md" }.map(\.description)
        #expect(found == ["Content/articles/a.md:10:16: warning: footnote '[^2]' has no definition, so readers see it as written; add a line '[^2]: ...' with its text at the end of the page",
                          "Content/articles/a.md:11:20: warning: footnote '[^9]' has no definition, so readers see it as written; add a line '[^9]: ...' with its text at the end of the page"], "\(found)")
    }

    @Test func brokenLinksAndAnchorsSuggestTheNearestPage() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/a.md", FixtureSite.article(title: "A", body: "[x](/articles/secon/) [y](firts.md) [z](/articles/second/#part-tow)\n"))
        let found = try errors(site)
        #expect(found.contains("Content/articles/a.md:10:1: error: link to '/articles/secon/': the site has no page at /articles/secon/; did you mean /articles/second/?"), "\(found)")
        #expect(found.contains("Content/articles/a.md:10:23: error: link to 'firts.md': there is no published article at Content/articles/firts.md; did you mean Content/articles/first.md?"), "\(found)")
        #expect(found.contains("Content/articles/a.md:10:37: error: link to '/articles/second/#part-tow': /articles/second/ has no element with id 'part-tow'; did you mean #part-two?"), "\(found)")
    }

    @Test func runFromAFolderWithNoSiteIsOneError() throws {
        let empty = try FixtureSite([:], projectTemplates: false)
        let found = try #require(empty.failingBuild()).map(\.description)
        #expect(found == ["Content: error: no site here: \(empty.root) has no Content/ or Templates/ folder; run dermasite in the site's folder, name it with --root, or start one with 'dermasite new site FOLDER'"])
        // Nothing is left behind, not even the output's lock.
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.root).isEmpty)
    }
}
