@testable import DermaSite
import Testing

/// One run reports every broken link and anchor, each once, at the Markdown line it was written on.
@Suite struct BrokenLinkReportTests {
    static func site() throws -> FixtureSite {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/third.md", FixtureSite.article(title: "Third", body: """
        [nowhere](/articles/no-such-article-zz/)

        [bad anchor](#no-such-heading-zz)

        [missing part](/articles/second/#nope-zz)

        """))
        return site
    }

    @Test func aMissingPageDoesNotHideTheAnchorChecks() throws {
        let diagnostics = try #require(try Self.site().failingBuild()).filter { $0.file == "Content/articles/third.md" }
        let found = diagnostics.map { "\($0.severity) \($0.line): \($0.message)" }
        #expect(found == [
            "error 10: link to '/articles/no-such-article-zz/': the site has no page at /articles/no-such-article-zz/",
            "error 12: link to '#no-such-heading-zz': this page has no element with id 'no-such-heading-zz'",
            "error 14: link to '/articles/second/#nope-zz': /articles/second/ has no element with id 'nope-zz'",
        ], "\(found)")
    }

    @Test func aRebuildBlamesALinkBrokenByAnotherPageOnItsOwnLine() throws {
        let site = try FixtureSite.basic()
        let (options, cache) = try site.renderedOnce()
        // first.md links to second.md#part-two; the heading goes, first.md is not rendered again.
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second", date: "2026-02-20", body: "## Another part\n"))
        func diagnostics(_ render: () throws -> Void) -> [String] {
            do { try render(); return [] } catch let failure as BuildFailure {
                return failure.diagnostics.filter { $0.severity == .error }.map(\.description)
            } catch { return ["\(error)"] }
        }
        let incremental = diagnostics { _ = try SiteBuilder().render(options, cache: cache, changes: .paths(["Content/articles/second.md"])) }
        let fresh = diagnostics { _ = try SiteBuilder().render(options) }
        #expect(incremental == fresh && fresh.count == 1 && fresh[0].hasPrefix("Content/articles/first.md:13:"), "\(incremental) vs \(fresh)")
    }

    @Test func withAllowBrokenLinksEachIsReportedOnceAsAWarning() throws {
        let site = try Self.site()
        var options = BuildOptions(root: site.root)
        options.linksMustResolve = false
        let (_, report) = try SiteBuilder().render(options)
        let about = report.diagnostics.filter { $0.message.contains("no-such-article-zz") }
        #expect(about.count == 1 && about[0].severity == .warning && about[0].file == "Content/articles/third.md", "\(about)")
        #expect(!report.diagnostics.contains { $0.message.contains("a link made by the templates") })
    }
}
