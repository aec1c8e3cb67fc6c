@testable import DermaSite
import Foundation
import Testing

/// Inputs that once slipped through, crashed or misled: each gets a precise error or a correct page.
@Suite struct BadInputTests {
    @Test func outputInsideContentIsRefused() throws {
        let site = try FixtureSite.basic()
        let failure = #expect(throws: BuildFailure.self) { try site.build(output: site.root + "/Content/out") }
        #expect(failure?.diagnostics.contains { $0.message.contains("cannot be inside Content/") } == true)
        #expect(failure?.step == "check output folder", "the step that found it, not 'load configuration'")
    }

    @Test func messagesPointAtTheCause() throws {
        let site = try FixtureSite.basic()
        try site.fileSystem.write([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x54, 0x0A, 0x62, 0x3A, 0x20, 0xFF, 0x0A], to: site.root + "/Content/site.yml")
        let utf8 = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(utf8 == ["Content/site.yml:2:4: error: not valid UTF-8 text; save the file as UTF-8"], "one error, at the byte")
        let (_, quoted) = FrontMatterDecoder.decode(yaml: "title: A\nsources:\n  - title: B\n    url: 'https://e.org/a\"b'\n", file: "a.md")
        #expect(quoted.first?.message.hasPrefix("a source's 'url' has a space, a quote") == true, "\(quoted)")
        try site.write("Content/site.yml", FixtureSite.config)
        try site.write("Content/articles/😀😀.md", FixtureSite.article(title: "😀😀"))
        let emoji = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.message)
        #expect(emoji.contains { $0.contains("such as 'numb-big-toe'") } && !emoji.contains { $0.contains("such as ''") }, "\(emoji)")
    }

    @Test func baseURLWithALineBreakIsRefused() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/site.yml", "title: T\nbase_url: \"https://example.org/a\\nDisallow: /\"\n")
        let diagnostics = try #require(site.failingBuild())
        #expect(diagnostics.contains { $0.line == 2 && $0.message.contains("'base_url'") })
    }

    @Test func controlCharactersInValuesAreErrors() throws {
        let (_, diagnostics) = FrontMatterDecoder.decode(yaml: "title: \"A\\u0002B\"\n", file: "a.md")
        #expect(diagnostics.first?.message.contains("control character") == true)
    }

    @Test func headingsNeverTakeFootnoteOrMapIds() {
        let result = MarkdownRenderer().render("## FN 1\n\n## Dermatome map 1\n\nText.[^1]\n\n[^1]: Note.\n")
        #expect(result.headings.map(\.id) == ["section-fn-1", "section-dermatome-map-1"])
    }

    @Test func scriptLinksAreErrorsEvenWithRawHTMLAllowed() {
        let resolver = LinkResolver(baseURL: BaseURL("https://e.org/")!, pages: [:], files: [])
        let result = MarkdownRenderer(allowRawHTML: true, links: resolver)
            .render("[x](javascript:alert(1)) [y]( JAVASCRIPT:alert(2)) [z](data:text/html,x)\n", file: "a.md")
        #expect(result.diagnostics.count == 3)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("not allowed") })
    }

    @Test func aYAMLSyntaxErrorIsNotFollowedByFalseMissingFields() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/first.md", "---\ntitle: First\ndate: 2026-01-01\ntags: [a]\ntags: [b]\n---\nText\n")
        let diagnostics = try #require(site.failingBuild()).filter { $0.file == "Content/articles/first.md" }
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("duplicate key 'tags'") == true)
    }

    @Test func oneBadRootFieldDoesNotMakeTheRootUnknown() {
        let roots = AtlasFixture.roots.replacingOccurrences(of: "colour: \"#F0E442\"", with: "colour: \"yellow\"")
        let (atlas, loadProblems) = AtlasLoader.parse(roots: roots, places: AtlasFixture.places, map: AtlasFixture.map)
        let all = loadProblems + AtlasValidator.validate(atlas!)
        #expect(all.errors.count == 1, "\(all)")
        #expect(all.first?.message.contains("#RRGGBB") == true)
    }

    @Test func oddDirectiveOptions() {
        let handlers = AtlasDirectives.handlers(atlas: AtlasFixture.atlas(), baseURL: BaseURL("https://e.org/")!)
        let result = MarkdownRenderer(directives: handlers).render(
            "```dermatome-table\nroots:\ncolumns: area\ncolumns: root\n```\n", file: "a.md")
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("option 'roots' has no value"))
        #expect(messages.contains("option 'columns' is given twice (first on line 3)"))
        #expect(messages.contains("the columns must include 'root'"))
    }

    @Test func columnsCountCharactersLikeAnEditor() {
        let resolver = LinkResolver(baseURL: BaseURL("https://e.org/")!, pages: [:], files: [])
        let result = MarkdownRenderer(links: resolver).render("Naïve café: [x](missing.md)\n", file: "Content/articles/a.md")
        #expect(result.diagnostics.first?.column == 13)
    }

    @Test func linksAnchorsAndMenusAreCheckedAcrossTheSite() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second", date: "2026-02-20", body: """
        ## Part two

        See [an image](/imagez/x.png), [a section](#no-such-part) and [another](first.md#nope).

        """))
        try site.write("Content/site.yml", FixtureSite.config + "menu:\n  - title: Articles\n    url: /artciles/\n")
        let diagnostics = try #require(site.failingBuild()).map(\.description)
        #expect(diagnostics.contains { $0.hasPrefix("Content/articles/second.md:12:") && $0.contains("/imagez/x.png") })
        #expect(diagnostics.contains { $0.hasPrefix("Content/articles/second.md:12:") && $0.contains("no element with id 'no-such-part'") })
        #expect(diagnostics.contains { $0.hasPrefix("Content/articles/second.md:12:") && $0.contains("id 'nope'") })
        // A menu link is reported where site.yml gives it.
        #expect(diagnostics.contains { $0.hasPrefix("Content/site.yml:12:10: error: a link in the menu or footer") && $0.contains("/artciles/") }, "\(diagnostics)")
    }

    @Test func brokenLinksCanBeWarnings() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second", body: "[x](/nowhere.html)\n"))
        var options = BuildOptions(root: site.root)
        options.linksMustResolve = false
        let report = try SiteBuilder().build(options)
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("/nowhere.html") })
    }

    @Test func everyPathClashIsReported() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/robots.txt", "x")
        try site.write("Content/feed.xml", "x")
        let diagnostics = try #require(site.failingBuild())
        #expect(Set(diagnostics.map(\.file)).isSuperset(of: ["Content/robots.txt", "Content/feed.xml"]))
    }

    @Test func wellKnownFilesArePublishedOtherHiddenFilesAreNot() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/.well-known/security.txt", "Contact: mailto:a@example.org\n")
        try site.write("Content/.DS_Store", "junk")
        try site.build()
        #expect(site.exists("Public/.well-known/security.txt"))
        #expect(!site.exists("Public/.DS_Store"))
    }

    @Test func tagsThatShareAnAddressAreFlagged() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second", extra: "tags: [Sciatica]\n", body: "## Part two\n"))
        let report = try site.build()
        #expect(report.diagnostics.contains { $0.message.contains("shares the page /tags/sciatica/") })
    }
}
