@testable import DermaSite
import Foundation
import Testing

@Suite struct AtlasBuildTests {
    func site() throws -> FixtureSite {
        let site = try FixtureSite.basic()
        try site.write("Content/data/dermatomes.yml", AtlasFixture.roots)
        try site.write("Content/data/places.yml", AtlasFixture.places)
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
                     "dermatomes/charts/clinical-front.svg", "dermatomes/charts/agreement-back.svg",
                     "where/index.html", "where/heel/index.html", "where/top-of-foot/index.html"] {
            #expect(site.exists("Public/\(path)"), "missing \(path)")
        }
        let l5 = try site.read("Public/dermatomes/l5/index.html")
        #expect(l5.contains("<h1>L5 dermatome: area of L5</h1>"))
        #expect(l5.contains(#"<a href="/legs/where/top-of-foot/">Top of the foot</a>"#))
        let place = try site.read("Public/where/top-of-foot/index.html")
        #expect(place.contains("<h1>Top of the foot: which nerve root supplies it?</h1>"))
        #expect(place.contains("“L5: top of the foot”<br><span class=\"claims__source\">Read in: A book of maps. 2020.</span>"))
        #expect(place.contains("care-card--emergency") || place.contains("emergency-box"))
        #expect(place.contains("This page has not yet been checked by a clinician."))
        let home = try site.read("Public/index.html")
        #expect(home.contains(#"href="/legs/where/heel/""#) && home.contains("Where do you feel it?"))
        // Symptoms in both legs or between the legs go straight to the urgent signs, which exist there.
        #expect(home.contains(#"<a href="/legs/where/#red-flags-title">check the urgent signs now</a>"#))
        #expect(try site.read("Public/where/index.html").contains(#"id="red-flags-title""#))
        #expect(l5.contains(#"class="legmap__region is-highlighted""#))
        #expect(l5.contains(#"href="/legs/dermatomes/l4/""#) && l5.contains(#"href="/legs/dermatomes/s1/""#))
        #expect(!l5.contains("care-card--emergency"))
        let s1 = try site.read("Public/dermatomes/s1/index.html")
        #expect(s1.contains("care-card--emergency"))
        #expect(s1.contains("This page has not yet been checked by a clinician."))
        #expect(!s1.contains("lastReviewed") && !s1.contains("reviewedBy"))
        let article = try site.read("Public/articles/map/index.html")
        #expect(article.contains(#"<figure class="atlas" id="dermatome-map-1">"#))
        #expect(article.contains(#"<a href="/legs/dermatomes/l4/">L4</a>"#))
        for chart in ["clinical-front", "clinical-back", "agreement-front"] {
            let svg = try site.read("Public/dermatomes/charts/\(chart).svg")
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(chart) chart is not well-formed")
            #expect(!svg.contains("<a "))
        }
        #expect(try site.read("Public/sitemap.xml").contains("https://example.org/legs/dermatomes/s1/"))
        #expect(try site.read("Public/sitemap.xml").contains("https://example.org/legs/where/heel/"))
    }

    @Test(arguments: [
        ("Content/articles/map.md", "view: both", "highlight: L9",
         "Content/articles/map.md:13:1: error: unknown root 'L9'"),
        ("Content/data/leg-map.yml", "points: [[30, 90]]", "points: [[80, 90]]",
         "Content/data/leg-map.yml:\(line(of: "place: inner-shin", in: AtlasFixture.map)):16: error: the landmark point [80, 90] of inner-shin"),
        ("Content/data/dermatomes.yml", "key_point_at: inner-shin", "key_point_at: heel",
         "Content/data/dermatomes.yml:\(line(of: "key_point_at: inner-shin", in: AtlasFixture.roots)):19: error: the L4 key point at [60, 100] in view 'posterior' lies in heel"),
        ("Content/data/places.yml", "places: [heel]", "places: [heal]",
         "Content/data/places.yml:\(line(of: "places: [heel]", in: AtlasFixture.places)):18: error: unknown place 'heal'"),
        ("Content/data/dermatomes.yml", "    summary: \"Summary of L5.\"\n", "",
         "Content/data/dermatomes.yml:\(line(of: "- id: L5", in: AtlasFixture.roots)):5: error: root L5 is missing 'summary'"),
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

    @Test func atlasPagesComeOnlyWithData() throws {
        let site = try site()
        // A template the site leaves out is the built-in one.
        try site.remove("Templates/pages/root.mustache")
        try site.build()
        #expect(site.exists("Public/dermatomes/l4/index.html"))
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

    @Test func validatesAndHasEveryRootAndKeyPoint() {
        #expect(AtlasValidator.validate(atlas).isEmpty)
        #expect(atlas.roots.map(\.id) == ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4-S5"])
        for root in atlas.roots {
            #expect(!root.sources.isEmpty)
            #expect(atlas.views.contains { atlas.keyPoints(of: root, in: $0) != nil }, "no key point for \(root.id)")
        }
    }

    @Test func zonesLieOnTheBodyAndColourTheLegs() throws {
        for view in atlas.views {
            let outline = view.outline.map(\.points)
            let zones = view.zones.flatMap { $0.polygons.map(\.points) }
            let covered = Geometry.unionArea(zones)
            #expect(abs(covered - Geometry.overlapArea(zones, outline)) < 5, "\(view.id): zones stray outside the outline")
            if MapView.legIDs.contains(view.id) {
                #expect(covered / Geometry.unionArea(outline) > 0.75, "\(view.id): zones cover too little of the legs")
            }
        }
    }

    /// The mean height of the zones the clinical chart gives to one root alone.
    func centreY(_ view: MapView, _ root: String) -> Double {
        let clinical = atlas.variants[0]
        let points = view.zones.filter { atlas.coverage(of: $0.place, in: clinical).status == .root(root) }
            .flatMap { $0.polygons.flatMap(\.points) }
        return points.map(\.y).reduce(0, +) / Double(max(points.count, 1))
    }

    @Test func bandsSitWhereTheStandardMapsPutThem() throws {
        let front = try #require(atlas.view("anterior")), back = try #require(atlas.view("posterior"))
        // Front: from the groin down, L1 above L2 above L3 above L4/L5.
        #expect(centreY(front, "L1") < centreY(front, "L2"))
        #expect(centreY(front, "L2") < centreY(front, "L3"))
        #expect(centreY(front, "L3") < centreY(front, "L4"))
        #expect(centreY(front, "L3") < centreY(front, "L5"))
        // Back: the saddle (S4-S5, S3) sits above the thigh strip S2, which sits above the calf and heel (S1).
        #expect(centreY(back, "S4-S5") < centreY(back, "S2"))
        #expect(centreY(back, "S2") < centreY(back, "S1"))
    }

    @Test func theReviewersFindingsHold() throws {
        let clinical = atlas.variants[0]
        let front = try #require(atlas.view("anterior")), back = try #require(atlas.view("posterior"))
        // The big toe is not settled on the clinical chart, and the maps differ there.
        #expect(atlas.coverage(of: "big-toe", in: clinical).status == .notSettled)
        #expect(atlas.agreement(of: "big-toe") == .differ)
        // S2 stops at the back of the knee: no S2 zone reaches below it.
        let knee = try #require(back.zone("back-of-knee")).polygons.flatMap(\.points).map(\.y).max()!
        let s2 = back.zones.filter { atlas.coverage(of: $0.place, in: clinical).confirmed.contains("S2") }
        #expect(!s2.isEmpty && s2.allSatisfy { $0.polygons.flatMap(\.points).map(\.y).max()! <= knee + 1 })
        // Not the whole sole: the inner sole is not settled as S1.
        #expect(atlas.coverage(of: "inner-sole", in: clinical).status == .notSettled)
        // The L1 key point is halfway between the groin (T12) and L2 landmarks, on L1's skin.
        let l1 = try #require(atlas.root("L1")), l2 = try #require(atlas.root("L2"))
        let l1Point = try #require(atlas.keyPoints(of: l1, in: front)?.first)
        let l2Point = try #require(atlas.keyPoints(of: l2, in: front)?.first)
        let groin = try #require(front.zone("groin")?.points.first)
        #expect(abs(l1Point.x - (groin.x + l2Point.x) / 2) < 0.01 && abs(l1Point.y - (groin.y + l2Point.y) / 2) < 0.01)
        #expect(abs(l1Point.x - 187) < 6 && abs(l1Point.y - 253) < 6)
        // Nothing on the site claims to follow Lee, McPhee and Stringer's figure.
        #expect(!atlas.variants.contains { $0.drawing.contains("Lee") })
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif
