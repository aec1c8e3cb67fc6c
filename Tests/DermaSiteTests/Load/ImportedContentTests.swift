@testable import DermaSite
import Testing

/// Articles moved from Jekyll and Hugo build, with warnings a user can act on, not a wall of errors.
@Suite struct ImportedContentTests {
    static let jekyll = """
    ---
    layout: post
    title: "Foot drop basics"
    description: "What foot drop is."
    categories: [feet]
    permalink: /feet/foot-drop/
    redirect_from: [/old-foot-drop/]
    ---

    {% include note.html %}

    Your foot may drag. See {{ site.url }} for more.

    ```liquid
    {% raw %}this fenced example is fine{% endraw %}
    ```

    """

    static let hugo = """
    ---
    title: "Hugo style page"
    description: "Written for Hugo."
    date: 2023-02-01T10:00:00Z
    lang: en
    draft: false
    tags: ["Back pain"]
    ---

    {{< figure src="x.png" >}}

    A plain sentence.

    """

    static let undated = """
    ---
    title: "No date at all"
    description: "A page without a date."
    ---

    Short text.

    """

    @Test func theyBuildWithWarningsAtTheirLines() throws {
        let site = try FixtureSite([
            "Content/site.yml": FixtureSite.config,
            "Content/articles/2024-05-01-foot-drop-basics.md": Self.jekyll,
            "Content/articles/hugo-style.md": Self.hugo,
            "Content/articles/undated.md": Self.undated,
            "Content/articles/dated.md": FixtureSite.article(title: "Dated", date: "2020-01-01"),
        ])
        let report = try site.build()
        #expect(!report.diagnostics.hasErrors)
        let jekyll = report.diagnostics.filter { $0.file.hasSuffix("foot-drop-basics.md") }.map { "\($0.line): \($0.message)" }
        #expect(jekyll.contains { $0.hasPrefix("2: unknown key 'layout'") })
        #expect(!jekyll.contains { $0.contains("'redirect_from'") }, "read as the page's aliases")
        #expect(try site.read("Public/old-foot-drop/index.html").contains("url=/articles/foot-drop-basics/"))
        #expect(jekyll.contains { $0.hasPrefix("10: a Liquid tag") })
        #expect(jekyll.contains { $0.hasPrefix("12: a Liquid value") })
        #expect(!jekyll.contains { $0.hasPrefix("15:") }, "a fenced example is not a remnant")
        #expect(!jekyll.contains { $0.contains("no 'date'") }, "the file name gives the date")
        let hugo = report.diagnostics.filter { $0.file.hasSuffix("hugo-style.md") }.map { "\($0.line): \($0.message)" }
        #expect(hugo.contains { $0.hasPrefix("5: unknown key 'lang'") } && hugo.contains { $0.hasPrefix("10: a Hugo shortcode") })
        #expect(report.diagnostics.contains { $0.file.hasSuffix("undated.md") && $0.severity == .warning && $0.message.hasPrefix("no 'date'") })

        // Jekyll's name gives the slug and the date; a Hugo date and time gives the day.
        let page = try site.read("Public/articles/foot-drop-basics/index.html")
        #expect(page.contains("datetime=\"2024-05-01\""))
        #expect(try site.read("Public/articles/hugo-style/index.html").contains("datetime=\"2023-02-01\""))
        // The undated page is listed after the dated ones, left out of the feed, without lastmod.
        let list = try site.read("Public/articles/index.html")
        let order = ["Foot drop basics", "Hugo style page", "Dated", "No date at all"].map { list.range(of: ">\($0)<")!.lowerBound }
        #expect(order == order.sorted())
        #expect(!(try site.read("Public/feed.xml")).contains("No date at all"))
        #expect(try site.read("Public/sitemap.xml").contains("<url><loc>https://example.org/articles/undated/</loc></url>"))
    }
}
