@testable import DermaSite
import Foundation
import Testing

/// The route table: every file a build writes, from one list.
@Suite struct RoutesTests {
    @Test func theTableListsExactlyTheFilesTheBuildWrites() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/data/dermatomes.yml", AtlasFixture.roots)
        try site.write("Content/data/places.yml", AtlasFixture.places)
        try site.write("Content/data/leg-map.yml", AtlasFixture.map)
        try site.write("Content/data/red-flags.yml", GuidanceTests.redFlags)
        try site.write("Content/data/glossary.yml", GuidanceTests.glossary)
        let (files, report) = try SiteBuilder().render(BuildOptions(root: site.root))
        let routes = try #require(report.routes)
        #expect(routes.all.map(\.file).sorted() == files.map(\.path).sorted())
        #expect(Set(routes.all.map(\.file)).count == routes.all.count, "no file is listed twice")
        let first = try #require(routes.all.first { $0.source == "Content/articles/first.md" })
        #expect(first.kind == .article && first.file == "articles/first/index.html" && first.sitePath == "articles/first/")
        #expect(routes.all.filter { $0.kind == .tag }.map(\.file) == ["tags/sciatica/index.html", "tags/nerve-roots/index.html"])
        // The sitemap lists the pages the table marks for it, and nothing else.
        let sitemap = String(decoding: try #require(files.first { $0.path == "sitemap.xml" }).bytes, as: UTF8.self)
        let listed = sitemap.components(separatedBy: "<loc>https://example.org/").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(Set(listed) == Set(routes.all.filter(\.inSitemap).compactMap(\.sitePath)))
        #expect(listed.contains("where/heel/") && listed.contains("glossary/") && !listed.contains("404.html"))
    }

    @Test func aContentFileOverAGeneratedPageNamesBoth() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/feed.xml", "<feed/>")
        try site.write("Content/tags/sciatica/index.html", "<p>mine</p>")
        try site.write("Content/articles/second/index.html", "<p>mine</p>")
        let diagnostics = try #require(site.failingBuild()).filter { $0.severity == .error }
        #expect(diagnostics.map(\.description) == [
            "Content/articles/second/index.html: error: this file would overwrite the article page made from Content/articles/second.md at articles/second/index.html; rename or move it",
            "Content/feed.xml: error: this file would overwrite the generated feed file at feed.xml; rename or move it",
            "Content/tags/sciatica/index.html: error: this file would overwrite the generated tag page at tags/sciatica/index.html; rename or move it",
        ])
        #expect(!site.exists("Public"), "a failed build writes nothing")
    }
}
