@testable import DermaSite
import Foundation
import Testing

/// A rebuild from a cache after an edit must give exactly the files a build from scratch gives,
/// while rendering only what the edit affects.
@Suite struct IncrementalBuildTests {
    /// The bundled site, copied so it can be edited.
    final class EditableSite {
        let site: FixtureSite
        let cache = BuildCache()
        var options: BuildOptions { var o = BuildOptions(root: site.root); o.today = Day(iso: "2026-12-01"); return o }

        init() throws {
            site = try FixtureSite([:])
            try FileManager.default.copyItem(atPath: FixtureSite.projectRoot + "/Content", toPath: site.root + "/Content")
            _ = try SiteBuilder().render(options, cache: cache, changes: .everything)
        }

        /// Applies `edit`, rebuilds from the cache with `changed` and checks the result against a
        /// build from scratch. Returns the outputs that were rendered again.
        @discardableResult
        func rebuild(_ changed: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Set<String> {
            try rebuildReporting(changed, sourceLocation: sourceLocation).outputsRendered.reduce(into: []) { $0.insert($1) }
        }

        /// The same, returning the rebuild's report (with why each output was made again).
        func rebuildReporting(_ changed: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildReport {
            let (files, report) = try SiteBuilder().render(options, cache: cache, changes: .paths(Set(changed)))
            let (fresh, freshReport) = try SiteBuilder().render(options)
            #expect(Self.table(files) == Self.table(fresh), "incremental output differs from a full build", sourceLocation: sourceLocation)
            #expect(Set(files.map(\.path)) == Set(fresh.map(\.path)), sourceLocation: sourceLocation)
            #expect(report.diagnostics == freshReport.diagnostics, sourceLocation: sourceLocation)
            #expect(Set(report.renderReasons.keys) == Set(report.outputsRendered), sourceLocation: sourceLocation)
            return report
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            try site.write(path, change(try site.read(path)))
        }

        static func table(_ files: [OutputFile]) -> [String: [UInt8]] {
            var out: [String: [UInt8]] = [:]
            for file in files { out[file.path] = file.bytes }
            return out
        }
    }

    static let article = "Content/articles/sensory-exam.md"
    static let page = "articles/sensory-exam/index.html"

    @Test func bodyEditRendersOnlyThatArticle() throws {
        let site = try EditableSite()
        try site.edit(Self.article) { $0 + "\nOne more plain sentence for the test.\n" }
        let rendered = try site.rebuild(Self.article)
        #expect(rendered.contains(Self.page))
        #expect(!rendered.contains("index.html"), "the home page does not show the body")
        #expect(rendered.filter { $0.hasPrefix("articles/") && $0.hasSuffix("/index.html") } == [Self.page])
        #expect(!rendered.contains { $0.hasPrefix("dermatomes/") })
    }

    @Test func rebuildsSayWhyEachFileWasMadeAgain() throws {
        let site = try EditableSite()
        try site.edit(Self.article) { $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Changed ") }
        let reasons = try site.rebuildReporting([Self.article]).renderReasons
        // The reasons are the template values that differ, named as templates name them.
        #expect(reasons[Self.page] == "changed: page.title, page.head_title, page.json_ld")
        #expect(reasons["index.html"] == "changed: page.items")
        #expect(reasons["articles/index.html"] == "changed: page.items")
        try site.edit("Templates/partials/footer.mustache") { $0 + "<p>Note.</p>" }
        let afterPartial = try site.rebuildReporting(["Templates/partials/footer.mustache"]).renderReasons
        #expect(afterPartial[Self.page] == "changed: template pages/article")
        #expect(afterPartial["dermatomes/index.html"]?.contains("template pages/atlas") == true)
        try site.edit("Content/site.yml") { $0.replacingOccurrences(of: "title: ", with: "title: New ") }
        let afterConfig = try site.rebuildReporting(["Content/site.yml"]).renderReasons
        #expect(afterConfig["sitemap.xml"] == "changed: Content/site.yml")
        // The edit also renamed the menu's and the footer's links ("title: " there too).
        #expect(afterConfig[Self.page] == "changed: site.title, menu, footer, page.head_title, page.json_ld")
    }

    @Test func titleEditRendersTheListsToo() throws {
        let site = try EditableSite()
        try site.edit(Self.article) { $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Changed ") }
        let rendered = try site.rebuild(Self.article)
        #expect(rendered.isSuperset(of: [Self.page, "index.html", "articles/index.html", "feed.xml"]))
        // Neither shows titles: the sitemap lists addresses and dates.
        #expect(!rendered.contains("sitemap.xml") && !rendered.contains("404.html"))
        #expect(!rendered.contains("dermatomes/l4/index.html"))
    }

    @Test func aTitleEditRendersOnlyTheListPagesThatShowTheArticle() throws {
        let site = try EditableSite()
        try site.edit("Content/site.yml") { $0 + "\narticles_per_page: 2\n" }
        let paged = try site.rebuild("Content/site.yml")
        let articleList = { (paths: Set<String>) in paths.filter { $0 == "articles/index.html" || $0.hasPrefix("articles/page/") } }
        let tagPages = { (paths: Set<String>) in paths.filter { $0.hasPrefix("tags/") } }
        #expect(articleList(paged).count > 2, "the article list now has several pages")
        try site.edit(Self.article) { $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Changed ") }
        let rendered = try site.rebuild(Self.article)
        // One page of the article list shows it, and one page of each of its tags' lists.
        #expect(articleList(rendered).count == 1)
        #expect(!tagPages(rendered).isEmpty && tagPages(rendered).count < tagPages(paged).count)
    }

    /// Articles in another order link to the same pages: the other articles' Markdown is kept
    /// (it was all rendered again, 2 s at 4,000 articles, when a title edit moved one).
    @Test func anEditThatMovesAnArticleInTheListRendersNoOtherMarkdown() throws {
        let site = try EditableSite()
        let versions = { site.cache.memo.markdown.mapValues(\.version) }
        let before = versions()
        try site.edit(Self.article) { $0.replacingOccurrences(of: "\norder: 2\n", with: "\norder: 99\n") }
        let rendered = try site.rebuild(Self.article)
        #expect(rendered.contains("articles/index.html"), "the article moved in the list")
        #expect(versions().filter { before[$0.key] != $0.value }.keys.sorted() == [Self.article])
    }

    @Test func addingAndRemovingArticles() throws {
        let site = try EditableSite()
        let path = "Content/articles/new-one.md"
        try site.site.write(path, FixtureSite.article(title: "A new page", date: "2026-11-30",
                                                      body: "Read [the exam](sensory-exam.md).\n"))
        let added = try site.rebuild(path)
        #expect(added.contains("articles/new-one/index.html"))
        try site.site.remove(path)
        try site.rebuild(path)
        // A new folder of articles arrives as one event for the folder.
        try site.site.write("Content/articles/more/deeper.md", FixtureSite.article(title: "Deeper"))
        let deeper = try site.rebuild("Content/articles/more")
        #expect(deeper.contains("articles/deeper/index.html"))
    }

    @Test func templateEditRendersThePagesThatUseIt() throws {
        let site = try EditableSite()
        try site.edit("Templates/pages/worksheet.mustache") { $0.replacingOccurrences(of: "</h1>", with: " (edited)</h1>") }
        let worksheet = try site.rebuild("Templates/pages/worksheet.mustache")
        #expect(worksheet.contains("dermatomes/worksheet/index.html"))
        #expect(!worksheet.contains(Self.page))
        try site.edit("Templates/partials/footer.mustache") { $0 + "<!-- edited -->\n" }
        let footer = try site.rebuild("Templates/partials/footer.mustache")
        #expect(footer.isSuperset(of: [Self.page, "index.html", "dermatomes/l4/index.html"]))
    }

    @Test func dataSetEditRendersMapsAndRootPages() throws {
        let site = try EditableSite()
        try site.edit(AtlasLoader.rootsPath) { $0.replacingOccurrences(of: "summary: ", with: "summary: Edited. ") }
        let rendered = try site.rebuild(AtlasLoader.rootsPath)
        // A root's summary is shown on its own page, not in the maps, the table or the index:
        // only the pages whose values changed are rendered again.
        #expect(rendered.isSuperset(of: ["dermatomes/l4/index.html", "dermatomes/s1/index.html"]))
        #expect(!rendered.contains("dermatomes/index.html"))
        #expect(!rendered.contains("articles/leg-dermatomes/index.html"))
        // Its plain name is in the table, which the index and the bundled articles draw.
        try site.edit(AtlasLoader.rootsPath) { $0.replacingOccurrences(of: "plain: \"", with: "plain: \"Edited ") }
        let renamed = try site.rebuild(AtlasLoader.rootsPath)
        #expect(renamed.isSuperset(of: ["dermatomes/index.html", "dermatomes/l4/index.html", "articles/leg-dermatomes/index.html"]))
    }

    @Test func placesEditRecoloursTheMapsEverywhere() throws {
        let site = try EditableSite()
        // Give the big toe to L5 on the clinical chart: every map, the home page and the place page change.
        try site.edit(AtlasLoader.placesPath) {
            $0.replacingOccurrences(of: "places: [inner-edge-of-foot, big-toe, first-web-space, middle-toes]\n        unconfirmed",
                                    with: "places: [inner-edge-of-foot, first-web-space, middle-toes]\n        unconfirmed")
              .replacingOccurrences(of: "places: [top-of-foot]\n        source: medscape-isncsci", with: "places: [top-of-foot, big-toe]\n        source: medscape-isncsci")
        }
        let rendered = try site.rebuild(AtlasLoader.placesPath)
        #expect(rendered.isSuperset(of: ["index.html", "where/big-toe/index.html", "dermatomes/index.html", "dermatomes/charts/clinical-front.svg"]))
        // A view's title is in the figures that draw it: the big toe's (front), not the heel's (back).
        try site.edit(AtlasLoader.mapPath) { $0.replacingOccurrences(of: "title: \"Front of the legs\"", with: "title: \"Front\"") }
        let retitled = try site.rebuild(AtlasLoader.mapPath)
        #expect(retitled.contains("where/big-toe/index.html"))
        #expect(!retitled.contains("where/heel/index.html"))
    }

    @Test func stylesheetConfigurationGlossaryAndFiles() throws {
        let site = try EditableSite()
        try site.edit("Templates/assets/style.css") { $0 + "\n/* edited */\n" }
        let css = try site.rebuild("Templates/assets/style.css")
        #expect(css.contains(Self.page), "every page links the renamed stylesheet")
        try site.edit(SiteConfigLoader.path) { $0.replacingOccurrences(of: "title: ", with: "title: New ") }
        try site.rebuild(SiteConfigLoader.path)
        try site.edit(GuidanceLoader.glossaryPath) { $0.replacingOccurrences(of: "definition: \"", with: "definition: \"Edited. ") }
        try site.rebuild(GuidanceLoader.glossaryPath)
        try site.site.write("Content/images/note.txt", "a copied file\n")
        #expect(try site.rebuild("Content/images/note.txt").contains("images/note.txt"))
        try site.site.write("Content/images/note.txt", "changed\n")
        try site.rebuild("Content/images/note.txt")
    }

    @Test func reviewsRedFlagsAndEmergencySettingsRebuildWhatShowsThem() throws {
        let site = try EditableSite()
        let record = { (subject: String, day: String) in
            _ = try ReviewRecorder.record(root: site.site.root, fileSystem: LocalFileSystem(), subject: subject,
                                          reviewer: "Dr A Example", role: "GP", today: Day(iso: day)!)
        }
        try record("articles/sensory-exam.md", "2026-11-30")
        let reviewed = try site.rebuild(ReviewLoader.path)
        #expect(reviewed.contains(Self.page) && !reviewed.contains("articles/foot-drop/index.html"))
        // An edit to the reviewed article changes its status without touching the record.
        try site.edit(Self.article) { $0 + "\nAn edit after the review.\n" }
        try site.rebuild(Self.article)
        try record(SiteReviews.dataSet, "2026-11-30")
        #expect(try site.rebuild(ReviewLoader.path).contains("dermatomes/l5/index.html"))
        try site.edit(AtlasLoader.mapPath) { $0 + "\n# a comment\n" }
        #expect(try site.rebuild(AtlasLoader.mapPath).contains("where/heel/index.html"))
        try site.edit(GuidanceLoader.redFlagsPath) { $0.replacingOccurrences(of: "summary: \"", with: "summary: \"edited ") }
        #expect(try site.rebuild(GuidanceLoader.redFlagsPath).contains("articles/foot-drop/index.html"), "every page shows the box")
        try site.edit(SiteConfigLoader.path) { $0.replacingOccurrences(of: "call: \"999\"", with: "call: \"112\"") }
        try site.rebuild(SiteConfigLoader.path)
    }

    /// Counts the checks and says "stop" at the `at`-th.
    final class StopAt: @unchecked Sendable {
        // Safe: a build asks from one thread at a time.
        var asked = 0
        let at: Int
        init(_ at: Int) { self.at = at }
        func ask() -> Bool {
            asked += 1
            return asked == at
        }
    }

    @Test(arguments: 1...5) func aRebuildCancelledBetweenStepsLeavesTheCacheGood(at step: Int) throws {
        let site = try EditableSite()
        try site.edit(Self.article) { $0.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Cancelled ") }
        try site.edit("Templates/partials/footer.mustache") { $0 + "<!-- edited -->\n" }
        let stop = StopAt(step)
        var options = site.options
        options.shouldStop = { stop.ask() }
        #expect(throws: BuildCancelled.self) {
            try SiteBuilder().render(options, cache: site.cache, changes: .paths([Self.article, "Templates/partials/footer.mustache"]))
        }
        // The caller rebuilds with the cancelled changes (merged with newer ones, here none).
        try site.rebuild(Self.article, "Templates/partials/footer.mustache")
    }

    @Test func aBrokenEditFailsAndItsFixBuildsAgain() throws {
        let site = try EditableSite()
        let original = try site.site.read(Self.article)
        try site.site.write(Self.article, original + "\n[broken](missing-page.md)\n")
        #expect(throws: BuildFailure.self) {
            try SiteBuilder().render(site.options, cache: site.cache, changes: .paths([Self.article]))
        }
        try site.site.write(Self.article, original + "\nFixed now.\n")
        try site.rebuild(Self.article)
    }
}
