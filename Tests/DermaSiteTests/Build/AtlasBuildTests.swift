@testable import DermaSite
import Foundation
import Testing

@Suite struct AtlasBuildTests {
    func site() throws -> FixtureSite {
        let site = try FixtureSite.basic()
        try site.write("Content/data/dermatomes.yml", AtlasFixture.roots)
        try site.write("Content/data/leg-map.yml", AtlasFixture.map)
        try site.write("Content/data/red-flags.yml", GuidanceTests.redFlags)
        try site.write("Content/articles/map.md", FixtureSite.article(title: "Map", body: """
        ## The map

        ```dermatome-map
        view: both
        ```

        ```dermatome-table
        columns: root, area, key-point
        ```

        """))
        return site
    }

    @Test func buildsRootPagesIndexChartsAndDirectives() throws {
        let site = try site()
        let report = try site.build(baseURL: "https://example.org/legs/")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        for path in ["dermatomes/index.html", "dermatomes/l4/index.html", "dermatomes/l5/index.html", "dermatomes/s1/index.html",
                     "dermatomes/leg-dermatomes-front.svg", "dermatomes/leg-dermatomes-back.svg"] {
            #expect(site.exists("Public/\(path)"), "missing \(path)")
        }
        let l5 = try site.read("Public/dermatomes/l5/index.html")
        #expect(l5.contains("<h1>L5 dermatome: area of L5</h1>"))
        #expect(l5.contains(#"class="legmap__region is-highlighted""#))
        #expect(l5.contains(#"href="/legs/dermatomes/l4/""#) && l5.contains(#"href="/legs/dermatomes/s1/""#))
        #expect(!l5.contains("care-card--emergency"))
        let s1 = try site.read("Public/dermatomes/s1/index.html")
        #expect(s1.contains("care-card--emergency"))
        #expect(s1.contains(#"Page last reviewed: <time datetime="2026-01-01">1 January 2026</time>"#))
        #expect(s1.contains(#""lastReviewed":"2026-01-01""#))
        let article = try site.read("Public/articles/map/index.html")
        #expect(article.contains(#"<figure class="atlas" id="dermatome-map-1">"#))
        #expect(article.contains(#"<a href="/legs/dermatomes/l4/">L4</a>"#))
        for chart in ["front", "back"] {
            let svg = try site.read("Public/dermatomes/leg-dermatomes-\(chart).svg")
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(chart) chart is not well-formed")
            #expect(!svg.contains("<a "))
        }
        #expect(try site.read("Public/sitemap.xml").contains("https://example.org/legs/dermatomes/s1/"))
        var options = BuildOptions(root: site.root)
        options.today = Day(iso: "2026-11-28")
        let overdue = try SiteBuilder().build(options).diagnostics.map(\.description)
        #expect(overdue.contains { $0.hasPrefix("Content/data/dermatomes.yml:") && $0.contains("review overdue: 'next_review' was 1 June 2026") })
    }

    @Test(arguments: [
        ("Content/articles/map.md", "view: both", "highlight: L9",
         "Content/articles/map.md:13:1: error: unknown root 'L9'"),
        ("Content/data/leg-map.yml", "at: [30, 90]", "at: [80, 90]",
         "Content/data/leg-map.yml:21:13: error: key point of L4 at [80, 90] is outside the L4 region"),
        ("Content/data/dermatomes.yml", "    summary: \"Summary of L5.\"\n", "",
         "Content/data/dermatomes.yml:19:5: error: root L5 is missing 'summary'"),
    ])
    func aBrokenDataSetFailsPreciselyAndLeavesTheOutput(file: String, find: String, replace: String, expected: String) throws {
        let site = try site()
        try site.build()
        let before = try site.snapshot()
        let text = try site.read(file)
        #expect(text.contains(find))
        try site.write(file, text.replacingOccurrences(of: find, with: replace))
        let diagnostics = try #require(site.failingBuild()).map(\.description)
        #expect(diagnostics.contains { $0.hasPrefix(expected) }, "\(diagnostics)")
        #expect(try site.snapshot() == before)
    }

    @Test func atlasTemplatesAreRequiredOnlyWithData() throws {
        let site = try site()
        try site.remove("Templates/pages/root.mustache")
        #expect(try #require(site.failingBuild()).contains { $0.file == "Templates/pages/root.mustache" })
        try site.remove("Content/data")
        try site.write("Content/articles/map.md", FixtureSite.article(title: "Map"))
        try site.build()
        #expect(!site.exists("Public/dermatomes/index.html"))
    }
}

/// The bundled map, checked as a whole: it must be the standard pattern, not just valid shapes.
@Suite struct BundledAtlasTests {
    let atlas: Atlas = {
        let (atlas, diagnostics) = AtlasLoader.load(root: FixtureSite.projectRoot, fileSystem: LocalFileSystem())
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return atlas!
    }()

    @Test func validatesAndHasEveryRoot() {
        #expect(AtlasValidator.validate(atlas).isEmpty)
        #expect(atlas.roots.map(\.id) == ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4-S5"])
        for root in atlas.roots {
            #expect(!root.sources.isEmpty)
            #expect(atlas.views.contains { $0.keyPoints.contains { $0.root == root.id } }, "no key point for \(root.id)")
        }
    }

    @Test func regionsTileTheLegs() throws {
        for view in atlas.views {
            let outline = view.outline.map(\.points)
            let regions = view.regions.flatMap { $0.polygons.map(\.points) }
            let outlineArea = Geometry.unionArea(outline)
            let covered = Geometry.unionArea(regions)
            let inside = Geometry.overlapArea(regions, outline)
            // Every coloured area lies on the body…
            #expect(abs(covered - inside) < 5, "\(view.id): regions stray outside the outline")
            // …and together they colour most of it: all of the legs, leaving only the trunk above L1.
            #expect(covered / outlineArea > 0.8, "\(view.id): regions cover only \(covered / outlineArea)")
            #expect(covered <= outlineArea + 5)
        }
    }

    @Test func bandsSitWhereTheStandardMapsPutThem() throws {
        let front = try #require(atlas.view("anterior")), back = try #require(atlas.view("posterior"))
        func centreY(_ view: MapView, _ root: String) -> Double {
            let points = view.regions.first { $0.root == root }!.polygons.flatMap(\.points)
            return points.map(\.y).reduce(0, +) / Double(points.count)
        }
        // Front: from the groin down, L1 above L2 above L3 above L4/L5.
        #expect(centreY(front, "L1") < centreY(front, "L2"))
        #expect(centreY(front, "L2") < centreY(front, "L3"))
        #expect(centreY(front, "L3") < centreY(front, "L4"))
        #expect(centreY(front, "L3") < centreY(front, "L5"))
        // Back: the saddle (S4-S5, S3) sits above the thigh strip S2, which sits above the calf and sole (S1).
        #expect(centreY(back, "S4-S5") < centreY(back, "S2"))
        #expect(centreY(back, "S2") < centreY(back, "S1"))
        // Key points: L4 at the inner ankle lies below L3 at the knee; S2 at the back of the knee.
        let l3 = front.keyPoints.first { $0.root == "L3" }!.at, l4 = front.keyPoints.first { $0.root == "L4" }!.at
        #expect(l4.y > l3.y + 200)
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif
