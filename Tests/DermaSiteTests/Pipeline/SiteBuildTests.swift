@testable import DermaSite
import Foundation
import Testing

@Suite struct SiteBuildTests {
    @Test func buildsEveryKindOfPage() throws {
        let site = try FixtureSite.basic()
        let report = try site.build()
        #expect(report.diagnostics.isEmpty)
        for path in ["index.html", "articles/index.html", "articles/first/index.html", "articles/second/index.html",
                     "404.html", "sitemap.xml", "robots.txt", "feed.xml", "tags/sciatica/index.html",
                     "tags/nerve-roots/index.html", "images/map.png"] {
            #expect(site.exists("Public/\(path)"), "missing \(path)")
        }
        let first = try site.read("Public/articles/first/index.html")
        #expect(first.contains("<h1>First</h1>"))
        #expect(first.contains(#"href="/articles/second/#part-two""#))
        #expect(first.contains("On this page"))
        let home = try site.read("Public/index.html")
        // Newest first when no order is given.
        let second = try #require(home.range(of: "/articles/second/"))
        let firstLink = try #require(home.range(of: "/articles/first/"))
        #expect(second.lowerBound < firstLink.lowerBound)
        #expect(try site.read("Public/robots.txt").contains("Sitemap: https://example.org/sitemap.xml"))
    }

    /// A one-shot build lets go of the articles' HTML once their pages and the feed are made: what
    /// it writes is still what a render that keeps everything makes, the feed's article text too.
    @Test func aOneShotBuildWritesWhatAKeepingRenderMakes() throws {
        let output = NSTemporaryDirectory() + "dermasite-one-build-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var options = BuildOptions(root: FixtureSite.projectRoot, output: output, includeDrafts: true)
        options.today = Day(iso: "2026-12-01")
        _ = try SiteBuilder().build(options)
        let (files, _) = try SiteBuilder().render(options)
        #expect(files.count > 100)
        for file in files {
            let written = try #require(FileManager.default.contents(atPath: output + "/" + file.path), "\(file.path)")
            #expect(Array(written) == file.bytes, "\(file.path)")
        }
        let feed = try #require(files.first { $0.path == "feed.xml" })
        #expect(String(decoding: feed.bytes, as: UTF8.self).contains("<content type=\"html\""))
    }

    @Test func themeAssetsAreFingerprintedAndReferenced() throws {
        let site = try FixtureSite.basic()
        try site.build()
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.output + "/assets")
        let css = try #require(assets.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        #expect(css.count == "style.".count + 12 + ".css".count)
        #expect(try site.read("Public/index.html").contains("/assets/\(css)"))
        // A change to the stylesheet changes its name, so browsers never keep a stale copy.
        try site.write("Templates/assets/style.css", "body { color: red; }\n")
        try site.build()
        let after = try FileManager.default.contentsOfDirectory(atPath: site.output + "/assets")
        #expect(after.count == 4 && after.contains(css), "a page open in a browser keeps its stylesheet for one more build")
        try site.write("Templates/assets/style.css", "body { color: blue; }\n")
        try site.build()
        let later = try FileManager.default.contentsOfDirectory(atPath: site.output + "/assets")
        #expect(later.count == 4 && !later.contains(css))
    }

    @Test func everyInternalLinkResolvesUnderASubPath() throws {
        let site = try FixtureSite.basic()
        try site.build(baseURL: "https://example.org/legs/")
        let files = try site.snapshot()
        var checked = 0
        // Links as a real HTML parser reads them (any quoting), not as the generator's own code does.
        let links = try HTMLParserLinks.read(folder: site.output)
        #expect(links.count == files.keys.filter { $0.hasSuffix(".html") }.count)
        for (path, page) in links {
            for link in page.links where link.hasPrefix("/") {
                #expect(link.hasPrefix("/legs/"), "\(path): \(link) ignores the base path")
                let (target, fragment) = splitFragment(String(link.dropFirst("/legs/".count)))
                let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
                guard let page = files[file] else {
                    Issue.record("\(path): \(link) points at a missing file")
                    continue
                }
                if let fragment {
                    #expect(String(decoding: page, as: UTF8.self).contains("id=\"\(fragment)\""),
                            "\(path): \(link) names a missing anchor")
                }
                checked += 1
            }
        }
        #expect(checked > 20)
        #expect(try site.read("Public/sitemap.xml").contains("<loc>https://example.org/legs/articles/first/</loc>"))
    }

    @Test func draftsOnlyWithTheOption() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/wip.md", FixtureSite.article(title: "Work in progress", extra: "draft: true\n"))
        let report = try site.build()
        #expect(report.draftsSkipped == 1)
        #expect(!site.exists("Public/articles/wip/index.html"))
        #expect(!(try site.read("Public/feed.xml")).contains("Work in progress"))
        try site.build(drafts: true)
        #expect(site.exists("Public/articles/wip/index.html"))
    }

    @Test func reportsAllErrorsWithFileAndLine() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/bad.md", "---\ntitle: Bad\ndate: 2026-01-01\ndraft: perhaps\n---\n\nSee [x](gone.md).\n")
        try site.write("Content/articles/worse.md", "---\ntitle: [unclosed\n---\nBody\n")
        try site.write("Templates/partials/footer.mustache", "{{#site}}\n")
        let diagnostics = try #require(site.failingBuild())
        let shown = diagnostics.map(\.description)
        #expect(shown.contains("Content/articles/bad.md:4:8: error: 'draft' must be true or false"))
        #expect(shown.contains { $0.hasPrefix("Content/articles/bad.md:7:5: error: link to 'gone.md'") })
        #expect(shown.contains { $0.hasPrefix("Content/articles/worse.md:3:") && $0.contains("invalid YAML") })
        #expect(shown.contains { $0.hasPrefix("Templates/partials/footer.mustache:") })
    }

    @Test func aWrongValueIsReportedOnceNotAgainAsMissing() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/first.md", "---\ntitle: \"  \"\ndate: 2026-13-01\nsources: [{title: S, year: 2020, url: \"https://example.org/\"}]\n---\nx\n")
        let diagnostics = try #require(site.failingBuild()).map(\.description)
        let expected: [String] = [
            "Content/articles/first.md:1:1: warning: missing 'description'; search results and the home page show it",
            "Content/articles/first.md:2:8: error: 'title' is empty",
            "Content/articles/first.md:3:7: error: 'date' has month 13, but months run from 01 to 12 (written YYYY-MM-DD); found '2026-13-01'",
        ]
        #expect(diagnostics == expected)
    }

    @Test func parallelMarkdownRenderingIsDeterministic() throws {
        var files = ["Content/site.yml": FixtureSite.config]
        let body = (1...40).map { "~~gone \($0)~~ and www.example.org/\($0) and | a | b |\n|---|---|\n| ~~x~~ | y |\n" }.joined(separator: "\n")
        for n in 0..<150 { files["Content/articles/a\(n).md"] = FixtureSite.article(title: "A\(n)", body: body) }
        let site = try FixtureSite(files)
        let expected = MarkdownRenderer().render(body).html
        #expect(expected.components(separatedBy: "<del>").count - 1 == 80)
        for round in 0..<3 {
            let output = site.root + "/Out\(round)"
            try site.build(output: output)
            for n in 0..<150 {
                let page = try site.read("Out\(round)/articles/a\(n)/index.html")
                #expect(page.contains(expected), "article a\(n) rendered differently in round \(round)")
            }
        }
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let evil = #"<script>alert('x')</script> & "quoted""#
        let site = try FixtureSite([
            "Content/site.yml": "title: '\(evil.replacingOccurrences(of: "'", with: "''"))'\nbase_url: https://example.org/\npublisher: '<img src=x onerror=alert(1)>'\n",
            "Content/articles/a.md": """
            ---
            title: '\(evil.replacingOccurrences(of: "'", with: "''"))'
            description: "</title><script>x()</script>"
            date: 2026-01-01
            tags: ["<b>tag</b>"]
            updated: 2026-01-02
            sources:
              - title: "<svg onload=alert(1)>"
                url: "https://example.org/?a=1&b='x'"
            ---

            # <script>also()</script> heading

            Body with <script>raw()</script>.
            """,
        ])
        _ = try ReviewRecorder.record(root: site.root, fileSystem: LocalFileSystem(), subject: "articles/a.md",
                                      reviewer: "<i>Dr</i>", role: "<img src=x onerror=alert(2)>", today: Day(iso: "2026-01-01")!)
        try site.build()
        #expect(try site.read("Public/articles/a/index.html").contains("Checked by &lt;i&gt;Dr&lt;/i&gt;, &lt;img src=x"))
        // The manifest is the tool's own plain-text record (its warnings quote the source), not a page.
        for (path, bytes) in try site.snapshot() where !path.hasPrefix("assets/") && path != Manifest.fileName {
            let text = String(decoding: bytes, as: UTF8.self)
            for raw in ["<script>", "<img src=x", "<svg onload", "<b>tag", "<i>Dr", "&b='x'"] {
                #expect(!text.contains(raw), "\(path) contains unescaped \(raw)")
            }
        }
        let page = try site.read("Public/articles/a/index.html")
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        for xml in ["feed.xml", "sitemap.xml"] {
            let parser = XMLParser(data: Data(try site.read("Public/\(xml)").utf8))
            #expect(parser.parse(), "\(xml) is not well-formed XML")
        }
    }

    @Test func refusesSymlinksAndPathClashes() throws {
        let site = try FixtureSite.basic()
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Content/secret", withDestinationPath: "/etc")
        try site.write("Content/feed.xml", "<not the feed/>")
        let diagnostics = try #require(site.failingBuild())
        #expect(diagnostics.contains { $0.file == "Content/secret" && $0.message.contains("symbolic links") })
        #expect(diagnostics.contains { $0.file == "Content/feed.xml" && $0.message.contains("overwrite the generated feed file") })
    }

    @Test func generatedFileClashIsAnError() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/robots.txt", "User-agent: *\n")
        let diagnostics = try #require(site.failingBuild())
        #expect(diagnostics.contains { $0.file == "Content/robots.txt" })
    }

    @Test func duplicateSlugsAndMissingFields() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/copy.md", "---\ntitle: Copy\nslug: first\n---\nx\n")
        try site.write("Content/articles/Bad Name.md", "---\ndate: 2026-01-01\nslug: Not A Slug\n---\nx\n")
        let diagnostics = try #require(site.failingBuild()).map(\.description)
        #expect(diagnostics.contains { $0.contains("copy.md") && $0.contains("also used by Content/articles/first.md") })
        #expect(diagnostics.contains { $0.contains("first.md") && $0.contains("also used by Content/articles/copy.md") })
        #expect(diagnostics.contains { $0.contains("copy.md") && $0.contains("warning: no 'date'") })
        #expect(diagnostics.contains { $0.contains("Bad Name.md") && $0.contains("missing 'title'") })
        #expect(diagnostics.contains { $0.contains("Bad Name.md") && $0.contains("'not-a-slug'") })
    }

    @Test func fileNamesWithSpacesAndAccentsMakeValidSlugs() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/Numbness in the Fóot.md", FixtureSite.article(title: "Foot"))
        try site.build()
        #expect(site.exists("Public/articles/numbness-in-the-foot/index.html"))
    }

    @Test func rawHTMLNeedsTheSetting() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/html.md", FixtureSite.article(title: "HTML", body: "<mark>hi</mark>\n"))
        let report = try site.build()
        #expect(report.diagnostics.contains { $0.file == "Content/articles/html.md" && $0.line == 10 })
        #expect(!(try site.read("Public/articles/html/index.html")).contains("<mark>"))
        try site.write("Content/site.yml", FixtureSite.config + "allow_raw_html: true\n")
        try site.build()
        #expect(try site.read("Public/articles/html/index.html").contains("<mark>hi</mark>"))
    }
}

func splitFragment(_ link: String) -> (String, String?) {
    guard let hash = link.firstIndex(of: "#") else { return (link, nil) }
    return (String(link[..<hash]), String(link[link.index(after: hash)...]))
}

#if canImport(FoundationXML)
import FoundationXML
#endif
