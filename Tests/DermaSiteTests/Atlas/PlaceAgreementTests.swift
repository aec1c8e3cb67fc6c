@testable import DermaSite
import Testing

/// The map is drawn from the claims, and the roots' words must agree with them: the cases a
/// clinical reviewer found (the big toe coloured L4 while the L5 text said L5) fail the build at the
/// line that is wrong.
@Suite struct PlaceAgreementTests {
    /// The fixture plus a big toe that the clinical chart gives to L5, which L5's area names.
    static let roots = AtlasFixture.roots.replacingOccurrences(of: "plain: \"Area of L5\"", with: "plain: \"Top of the foot and the big toe\"")
    static let places = AtlasFixture.places
        .replacingOccurrences(of: "  - id: heel\n", with: """
          - id: big-toe
            name: "Big toe"
            clinical: "hallux"
            group: "Toes"
            words: ["big toe", "great toe"]
          - id: heel

        """)
        .replacingOccurrences(of: "        read: \"L5: top of the foot\"\n", with: """
                read: "L5: top of the foot"
              - root: L5
                places: [big-toe]
                source: book
                read: "L5: big toe"

        """)
    static let map = AtlasFixture.map.replacingOccurrences(of: "          - [[60, 10], [110, 10], [110, 110], [60, 110]]\n        points: [[90, 90]]\n", with: """
                  - [[60, 10], [110, 10], [110, 90], [60, 90]]
                points: [[90, 50]]
              - place: big-toe
                polygons:
                  - [[60, 90], [110, 90], [110, 110], [60, 110]]
                points: [[85, 100]]

        """)
    static let secondVariant = """

      - id: keegan-garrett
        name: "Keegan and Garrett"
        drawing: "Schematic, after a legend"
        claims:
          - root: L4
            places: [big-toe]
            source: book
            read: "L4 medial side of the great toe"

    """

    func problems(roots: String = roots, places: String = places) -> [String] {
        let (atlas, loadProblems) = AtlasLoader.parse(roots: roots, places: places, map: Self.map)
        guard let atlas else { return loadProblems.map(\.description) }
        return (loadProblems + AtlasValidator.validate(atlas)).map(\.description)
    }

    @Test func theFixtureAgrees() {
        #expect(problems() == [])
    }

    @Test func movingTheBigToeIntoL4FailsAtTheL5Text() {
        let places = Self.places.replacingOccurrences(of: "  - root: L5\n        places: [big-toe]", with: "  - root: L4\n        places: [big-toe]")
        let found = problems(places: places)
        let at = line(of: "Top of the foot and the big toe", in: Self.roots)
        #expect(found == ["Content/data/dermatomes.yml:\(at):14: error: L5 'area.plain' names 'big toe' (big-toe), but no map variant in Content/data/places.yml gives big-toe to L5: correct the text or add a claim with its source"], "\(found)")
    }

    @Test func aMisspeltPlaceIsReportedAloneAsTheRootCause() {
        let places = Self.places.replacingOccurrences(of: "places: [big-toe]", with: "places: [big-tow]")
        let found = problems(places: places)
        // Not also "L5 names 'big toe' but no map gives it to L5": that follows from the misspelling.
        #expect(found == ["Content/data/places.yml:\(line(of: "places: [big-tow]", in: places)):18: error: unknown place 'big-tow'; did you mean big-toe?"], "\(found)")
    }

    @Test func whereMapsDifferTheTextMustSaySo() {
        let places = Self.places + Self.secondVariant
        let found = problems(places: places)
        #expect(found.count == 1 && found[0].contains("names 'big toe' (big-toe) as if settled, but the maps differ there (Clinical chart: L5; Keegan and Garrett: L4)"), "\(found)")
        let hedged = Self.roots.replacingOccurrences(of: "Top of the foot and the big toe", with: "Top of the foot and the big toe (maps differ here)")
        #expect(problems(roots: hedged, places: places) == [])
    }

    @Test func anUnconfirmedClaimIsNeverShownAsFact() {
        let places = Self.places.replacingOccurrences(of: "        source: book\n        read: \"L5: big toe\"", with: "        unconfirmed: \"No source read names it.\"")
        let (atlas, _) = AtlasLoader.parse(roots: Self.roots, places: places, map: Self.map)
        let atlasValue = try! #require(atlas)
        #expect(atlasValue.coverage(of: "big-toe", in: atlasValue.variants[0]).status == .notSettled)
        #expect(problems(places: places).contains { $0.contains("as if settled") })
        let html = LegMapRenderer(atlas: atlasValue, baseURL: BaseURL("https://e.org/")!).figure(LegMapRenderer.Options(), id: "m")
        #expect(html.contains("fill=\"url(#m-anterior-unsettled)\""))
        #expect(html.contains("aria-label=\"Big toe: not settled"))
    }

    @Test func theMapsColourFollowsTheData() {
        let atlas = AtlasLoader.parse(roots: Self.roots, places: Self.places, map: Self.map).0!
        let renderer = LegMapRenderer(atlas: atlas, baseURL: BaseURL("https://e.org/")!)
        var options = LegMapRenderer.Options()
        options.views = ["anterior"]
        #expect(renderer.figure(options, id: "m").contains("aria-label=\"Big toe: L5\"><path d=\"M60 90l50 0 0 20-50 0z\" fill=\"#0072B2\""))
        // Give the big toe to both roots: it is drawn striped, the overlap of the two.
        let shared = Self.places.replacingOccurrences(of: "        read: \"L5: big toe\"\n", with: "        read: \"L5: big toe\"\n      - root: L4\n        places: [big-toe]\n        source: book\n        read: \"L4: big toe\"\n")
        let both = AtlasLoader.parse(roots: Self.roots, places: shared, map: Self.map).0!
        let html = LegMapRenderer(atlas: both, baseURL: BaseURL("https://e.org/")!).figure(options, id: "m")
        #expect(html.contains("fill=\"url(#m-anterior-s-L4-L5)\""), "\(html)")
    }

    @Test func theAgreementViewHatchesWhereMapsDiffer() {
        let parsed = AtlasLoader.parse(roots: Self.roots, places: Self.places + Self.secondVariant, map: Self.map)
        let atlas = try! #require(parsed.0, "\(parsed.1)")
        #expect(atlas.agreement(of: "big-toe") == .differ)
        #expect(atlas.agreement(of: "heel") == .agree(["S1"]))
        var options = LegMapRenderer.Options()
        options.variant = LegMapRenderer.agreementID
        let html = LegMapRenderer(atlas: atlas, baseURL: BaseURL("https://e.org/")!).figure(options, id: "a")
        #expect(html.contains("fill=\"url(#a-anterior-differ)\""))
        #expect(html.contains("Big toe: maps differ (Clinical chart: L5; Keegan and Garrett: L4)"))
    }
}
