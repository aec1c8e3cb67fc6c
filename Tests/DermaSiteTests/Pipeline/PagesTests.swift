@testable import DermaSite
import Foundation
import Testing

/// Pages that are not articles (About us, Accessibility): Content/pages/x.md is published at /x/,
/// with the footer's links from site.yml, and kept out of everything that lists articles.
@Suite struct PagesTests {
    static let page = """
    ---
    title: "About us"
    description: "Who writes this site."
    updated: 2026-03-01
    ---

    ## Who we are

    We write plain guides. Read the [first article](/articles/first/).

    """

    @Test func aPageIsPublishedAtTheTopLevelAndListedNowhere() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/pages/about-us.md", Self.page)
        try site.write("Content/site.yml", FixtureSite.config + """
        footer:
          links:
            - title: About us
              url: /about-us/
          text: "Run by a test team."
        disclaimer: "General information only; see your own clinician."

        """)
        let report = try site.build()
        #expect(!report.diagnostics.contains { $0.file.hasPrefix("Content/pages") }, "\(report.diagnostics)")
        let html = try site.read("Public/about-us/index.html")
        #expect(html.contains("<h1>About us</h1>") && html.contains(#"<time datetime="2026-03-01">"#))
        // A page gives no medical advice: no review status, no MedicalWebPage claim.
        #expect(!html.contains("not yet been checked by a clinician") && html.contains(#""@type":"WebPage""#))
        // The footer's links and text come from site.yml; the current page is marked.
        #expect(html.contains(#"<li><a href="/about-us/" aria-current="page">About us</a></li>"#))
        #expect(html.contains("<p>Run by a test team.</p>") && html.contains("<p>General information only; see your own clinician.</p>"))
        let home = try site.read("Public/index.html")
        #expect(home.contains(#"<li><a href="/about-us/">About us</a></li>"#))
        for listing in ["Public/index.html", "Public/articles/index.html", "Public/feed.xml", "Public/tags/sciatica/index.html"] {
            #expect(!(try site.read(listing)).contains("Who writes this site"), "\(listing) lists the page")
        }
        #expect(try site.read("Public/sitemap.xml").contains("<loc>https://example.org/about-us/</loc>"))
        let route = try #require(report.routes?.all.first { $0.source == "Content/pages/about-us.md" })
        #expect(route.kind == .page && route.file == "about-us/index.html")
    }

    @Test func aFooterLinkToAMissingPageIsReportedInSiteYml() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/site.yml", FixtureSite.config + "footer:\n  links:\n    - title: Contact\n      url: /contact/\n")
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1 && errors[0].hasPrefix("Content/site.yml:13:12: error: a link in the menu or footer on "), "\(errors)")
        #expect(errors.first?.hasSuffix("link to '/contact/': there is no page or file at /contact/") == true)
    }

    @Test func aMissingDescriptionIsReportedOnceAtTheMarkdownFile() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/pages/about.md", "---\ntitle: \"About\"\n---\n\nText.\n")
        let report = try site.build()
        let found = report.diagnostics.filter { $0.message.contains("description") }.map(\.description)
        #expect(found == ["Content/pages/about.md:1:1: warning: missing 'description'; search results and the home page show it"], "\(found)")
    }

    @Test func aPageOnAGeneratedAddressOrWithTagsIsAnErrorNamingBoth() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/pages/articles.md", "---\ntitle: \"All of them\"\ndescription: \"x\"\nslug: articles\n---\n\nText.\n")
        try site.write("Content/pages/dermatomes.md", "---\ntitle: \"Maps\"\ndescription: \"x\"\ntags: [maps]\n---\n\nText.\n")
        try site.write("Content/articles/about.md", FixtureSite.article(title: "About"))
        try site.write("Content/pages/about.md", "---\ntitle: \"About\"\ndescription: \"x\"\n---\n\nText.\n")
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains("Content/pages/articles.md:4:1: error: this page's address /articles/ is taken by the generated article list page; give it another 'slug'"), "\(errors)")
        #expect(errors.contains("Content/pages/dermatomes.md:4:1: error: a page in Content/pages is not listed, so it has no tags; remove 'tags', or move the file to Content/articles"), "\(errors)")
        // An article and a page may share a slug: their addresses differ.
        #expect(!errors.contains { $0.contains("slug 'about'") }, "\(errors)")
    }

    @Test func aSiteWithoutItsOwnPageTemplateUsesTheBuiltInOne() throws {
        let site = try FixtureSite.basic()
        try site.remove("Templates/pages/page.mustache")
        try site.write("Content/pages/contact.md", "---\ntitle: \"Contact\"\ndescription: \"x\"\n---\n\nText.\n")
        try site.build()
        #expect(try site.read("Public/contact/index.html").contains(#"<article class="article article--page">"#))
    }

    @Test func newPageWritesAPageThatBuildsOnceItIsNotADraft() throws {
        let site = try FixtureSite.basic()
        let text = ArticleScaffold.pageText(title: "Contact us", today: Day(iso: "2026-12-03")!)
        #expect(ArticleScaffold.path(for: "Contact us", kind: .page) == "Content/pages/contact-us.md")
        try site.write("Content/pages/contact-us.md", text.replacingOccurrences(of: "draft: true", with: "draft: false")
            .replacingOccurrences(of: "description: \"\"", with: "description: \"How to reach us.\""))
        let report = try site.build()
        #expect(!report.diagnostics.contains { $0.severity == .error })
        #expect(site.exists("Public/contact-us/index.html"))
    }
}

/// A draft never reaches the folder a user uploads, and shows itself as one where it is shown.
@Suite struct DraftTests {
    @Test func aKeyInTheWrongCaseIsAnErrorSoADraftCannotLeak() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/wip.md", FixtureSite.article(title: "Unfinished", extra: "Draft: true\n"))
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors == ["Content/articles/wip.md:5:1: error: 'Draft' is not read: keys are written in lower case; write 'draft'"])
        #expect(!site.exists("Public/articles/wip/index.html"))
    }

    @Test func aRebuildWithDraftsShownSeesADraftFlagChangeInTheSitemap() throws {
        let site = try FixtureSite.basic()
        let (options, cache) = try site.renderedOnce(drafts: true)
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second", date: "2026-02-20", extra: "draft: true\n",
                                                                      body: "## Part two\n\n![A map](../images/map.png)\n"))
        let (files, _) = try SiteBuilder().render(options, cache: cache, changes: .paths(["Content/articles/second.md"]))
        let (fresh, _) = try SiteBuilder().render(options)
        let sitemap = { (all: [OutputFile]) in all.first { $0.path == "sitemap.xml" }.map { String(decoding: $0.bytes, as: UTF8.self) } }
        #expect(sitemap(files) == sitemap(fresh) && sitemap(files)?.contains("second") == false)
    }

    @Test func aLinkToADraftSaysItIsADraft() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/wip.md", FixtureSite.article(title: "Unfinished", extra: "draft: true\n"))
        try site.write("Content/articles/a.md", FixtureSite.article(title: "A", body: "See [the new one](wip.md).\n"))
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors == ["Content/articles/a.md:10:5: error: link to 'wip.md': Content/articles/wip.md is a draft, so it is not published; set 'draft: false' in it, or build with --drafts"])
    }

    @Test func draftsShownAreMarkedNoindexAndKeptOutOfSitemapAndFeed() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/wip.md", FixtureSite.article(title: "Unfinished", date: "2026-06-01", extra: "draft: true\n"))
        let output = site.root + "/DraftPreview"
        try site.build(drafts: true, output: output)
        let page = try site.fileSystem.readText(output + "/articles/wip/index.html")
        #expect(page.contains(#"<meta name="robots" content="noindex">"#) && page.contains(#"<p class="draft-banner"><strong>Draft.</strong>"#))
        let list = try site.fileSystem.readText(output + "/articles/index.html")
        #expect(list.contains(#"Unfinished</a> <span class="draft-label">Draft</span>"#))
        #expect(!(try site.fileSystem.readText(output + "/sitemap.xml")).contains("wip"))
        #expect(!(try site.fileSystem.readText(output + "/feed.xml")).contains("Unfinished"))
        let published = try site.fileSystem.readText(output + "/articles/first/index.html")
        #expect(!published.contains("noindex") && !published.contains("draft-banner"))
    }
}
