@testable import DermaSite
import Testing

/// The 1-based line of the first line of `text` that contains `needle`.
func line(of needle: String, in text: String) -> Int {
    (text.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -1) + 1
}

@Suite struct AtlasLoadingTests {
    @Test func loadsRootsPlacesAndViews() {
        let atlas = AtlasFixture.atlas()
        #expect(atlas.roots.map(\.id) == ["L4", "L5", "S1"])
        #expect(atlas.root("l5")?.colour == "#0072B2")
        #expect(atlas.roots[2].urgent)
        #expect(atlas.views.map(\.id) == ["anterior", "posterior"])
        #expect(atlas.view("anterior")?.zones.map(\.place) == ["inner-shin", "top-of-foot"])
        #expect(atlas.places.map(\.id) == ["inner-shin", "top-of-foot", "heel"])
        #expect(atlas.coverage(of: "top-of-foot", in: atlas.variants[0]).status == .root("L5"))
        #expect(AtlasValidator.validate(atlas).isEmpty)
    }

    @Test func missingFieldsAndBadValuesHavePositions() {
        let roots = AtlasFixture.roots
            .replacingOccurrences(of: "    key_point: \"Key point of L5\"\n", with: "")
            .replacingOccurrences(of: "colour: \"#D55E00\"", with: "colour: red")
            .replacingOccurrences(of: "    test: \"Touch test.\"\n    key_point_at: top-of-foot\n    neighbours: [L4, S1]",
                                  with: "    test: \"Touch test.\"\n    key_point_at: top-of-foot\n    neighbors: [L4, S1]")
        #expect(roots.contains("neighbors"))
        let (atlas, diagnostics) = AtlasLoader.parse(roots: roots, places: AtlasFixture.places, map: AtlasFixture.map)
        #expect(atlas != nil)
        let messages = diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("root L5 is missing 'key_point', 'neighbours'") && $0.hasPrefix("Content/data/dermatomes.yml:") })
        #expect(messages.contains { $0.contains("did you mean 'neighbours'") && $0.contains(": warning:") })
        #expect(diagnostics.contains { $0.message.contains("#RRGGBB") && $0.line == line(of: "colour: red", in: roots) && $0.column == 13 }, "\(messages)")
    }

    @Test func partOfADataSetIsAnError() throws {
        let fs = MemoryFileSystem(["site/Content/data/dermatomes.yml": AtlasFixture.roots])
        let (atlas, diagnostics) = AtlasLoader.load(root: "site", fileSystem: fs)
        #expect(atlas == nil)
        #expect(diagnostics.map(\.file) == [AtlasLoader.placesPath, AtlasLoader.mapPath])
    }

    /// A bad point in the outline is the root cause: it is reported alone, not also as a missing
    /// outline. An outline that is not there at all is still reported missing.
    @Test func aBadOutlinePointIsReportedOnceAndAMissingOutlineStillIs() {
        expectBadPointAlone(list: "    outline:\n      - [[10, 10], [110, 10], [110, 110], [10, 110]]\n",
                            message: "'outline' must be a number", line: 6, consequence: "needs an 'outline'",
                            missing: "view 'anterior' needs an 'outline'")
    }

    /// The same for a zone's polygons.
    @Test func aBadPolygonPointIsReportedOnceAndMissingPolygonsStillAre() {
        expectBadPointAlone(list: "        polygons:\n          - [[10, 10], [60, 10], [60, 110], [10, 110]]\n",
                            message: "'polygons' must be a number", line: 10, consequence: "has no 'polygons'",
                            missing: "zone inner-shin has no 'polygons'")
    }

    /// The fixture map with the first point of `list` spoilt reports `message` at `line` and not
    /// `consequence`; with `list` taken out, it reports `missing`.
    private func expectBadPointAlone(list: String, message: String, line: Int, consequence: String, missing: String,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(AtlasFixture.map.contains(list), sourceLocation: sourceLocation)
        let bad = AtlasFixture.map.replacingOccurrences(of: list, with: list.replacingOccurrences(of: "[[10, 10]", with: "[[10, oops]"))
        let (_, badProblems) = AtlasLoader.parse(roots: AtlasFixture.roots, places: AtlasFixture.places, map: bad)
        #expect(badProblems.contains { $0.message == message && $0.line == line }, "\(badProblems)", sourceLocation: sourceLocation)
        #expect(!badProblems.contains { $0.message.contains(consequence) }, "\(badProblems)", sourceLocation: sourceLocation)
        let missingList = AtlasFixture.map.replacingOccurrences(of: list, with: "")
        let (_, missingProblems) = AtlasLoader.parse(roots: AtlasFixture.roots, places: AtlasFixture.places, map: missingList)
        #expect(missingProblems.contains { $0.message == missing }, "\(missingProblems)", sourceLocation: sourceLocation)
    }

    @Test func aClaimNeedsASourceOrAReason() {
        let places = AtlasFixture.places.replacingOccurrences(of: "        source: book\n        read: \"L5: top of the foot\"\n", with: "")
        let (_, diagnostics) = AtlasLoader.parse(roots: AtlasFixture.roots, places: places, map: AtlasFixture.map)
        #expect(diagnostics.contains { $0.message.contains("a claim needs 'source' and 'read'") && $0.file == AtlasLoader.placesPath })
    }
}

@Suite struct AtlasValidatorTests {
    func problems(map: String? = nil, roots: String? = nil, places: String? = nil) -> [String] {
        let (atlas, loadProblems) = AtlasLoader.parse(roots: roots ?? AtlasFixture.roots, places: places ?? AtlasFixture.places,
                                                      map: map ?? AtlasFixture.map)
        guard let atlas else { return loadProblems.map(\.description) }
        return (loadProblems + AtlasValidator.validate(atlas)).map(\.description)
    }

    @Test func landmarkPointOutsideItsZone() {
        let map = AtlasFixture.map.replacingOccurrences(of: "points: [[30, 90]]", with: "points: [[80, 90]]")
        let found = problems(map: map)
        #expect(found.contains { $0.hasPrefix("Content/data/leg-map.yml:\(line(of: "place: inner-shin", in: map)):") && $0.contains("landmark point [80, 90] of inner-shin is not inside its polygon") }, "\(found)")
    }

    @Test func keyPointInAnotherRootsPlaceFailsAtItsLine() {
        // The L4 key point moved onto the top of the foot, which the chart gives to L5.
        let roots = AtlasFixture.roots.replacingOccurrences(of: "key_point_at: inner-shin", with: "key_point_at: top-of-foot")
        let found = problems(roots: roots)
        let at = line(of: "key_point_at: top-of-foot", in: roots)
        #expect(found.contains { $0.hasPrefix("Content/data/dermatomes.yml:\(at):") && $0.contains("the L4 key point at [90, 90] in view 'anterior' lies in top-of-foot, which the Clinical chart gives to L5, not to L4") }, "\(found)")
    }

    @Test func keyPointHalfwayBetweenTwoLandmarks() {
        // Halfway between [30, 90] and [90, 90] is [60, 90]: on the line between the two zones,
        // so it lands in the first zone that holds it. Moving one landmark moves the point.
        let roots = AtlasFixture.roots.replacingOccurrences(of: "key_point_at: inner-shin", with: "key_point_at: [inner-shin, top-of-foot]")
        let atlas = AtlasLoader.parse(roots: roots, places: AtlasFixture.places, map: AtlasFixture.map).0!
        #expect(atlas.keyPoints(of: atlas.roots[0], in: atlas.views[0]) == [Point(60, 90)])
        let map = AtlasFixture.map.replacingOccurrences(of: "points: [[90, 90]]", with: "points: [[70, 90]]")
        let moved = AtlasLoader.parse(roots: roots, places: AtlasFixture.places, map: map).0!
        #expect(moved.keyPoints(of: moved.roots[0], in: moved.views[0]) == [Point(50, 90)])
        #expect(AtlasValidator.validate(moved).isEmpty)
    }

    @Test func overlappingZones() {
        let map = AtlasFixture.map.replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]",
                                                        with: "[[50, 10], [110, 10], [110, 110], [50, 110]]")
        let found = problems(map: map)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("zones inner-shin and top-of-foot overlap by 1000 square units") == true)
        #expect(found.first?.hasPrefix("Content/data/leg-map.yml:\(line(of: "place: top-of-foot", in: map)):") == true)
    }

    @Test func zoneOutsideTheOutline() {
        let map = AtlasFixture.map.replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]",
                                                        with: "[[60, 10], [118, 10], [118, 110], [60, 110]]")
        #expect(problems(map: map).contains { $0.contains("zone top-of-foot lies outside the body outline") && $0.contains("800 square units") })
    }

    @Test func shapesThatAreNotClosedOrSimple() {
        let open = AtlasFixture.map.replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]", with: "[[60, 10], [110, 10]]")
        #expect(problems(map: open).contains { $0.contains("zone top-of-foot is not a closed shape") })
        let twisted = AtlasFixture.map.replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]",
                                                            with: "[[60, 10], [110, 110], [110, 10], [60, 110]]")
        #expect(problems(map: twisted).contains { $0.contains("zone top-of-foot is not a simple closed shape") })
    }

    @Test func unknownPlacesRootsAndSourcesAreNamedWhereWritten() {
        let map = AtlasFixture.map.replacingOccurrences(of: "- place: heel", with: "- place: heal")
        let found = problems(map: map)
        #expect(found.contains { $0.contains("unknown place 'heal'; did you mean heel?") })
        #expect(found.contains { $0.hasPrefix("Content/data/places.yml:") && $0.contains("place heel has no zone in any view") })
        let places = AtlasFixture.places.replacingOccurrences(of: "  - root: S1\n", with: "  - root: S9\n")
            .replacingOccurrences(of: "source: book\n        read: \"L4", with: "source: bok\n        read: \"L4")
        let claims = problems(places: places)
        // S9 is no typo of S1: the message lists the roots instead of guessing a neighbour.
        #expect(claims.contains { $0.contains("unknown root 'S9'; known roots: L4, L5, S1") }, "\(claims)")
        #expect(claims.contains { $0.contains("unknown source 'bok'") })
        #expect(claims.contains { $0.hasPrefix("Content/data/dermatomes.yml:") && $0.contains("root S1 supplies no place in the map variant 'clinical'") })
        let duplicated = AtlasFixture.roots.replacingOccurrences(of: "- id: L5", with: "- id: L4")
        #expect(problems(roots: duplicated).contains { $0.contains("duplicate root id 'L4'") })
    }

    @Test func wildCoordinatesAreReportedQuicklyWithoutACrash() {
        let map = AtlasFixture.map
            .replacingOccurrences(of: "[[10, 10], [60, 10], [60, 110], [10, 110]]", with: "[[1e9, 10], [60, 10], [60, 110], [10, 110]]")
            .replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]", with: "[[2e7, 10], [110, 10], [110, 110], [60, 110]]")
            .replacingOccurrences(of: "points: [[90, 90]]", with: "points: [[1e20, 60]]")
        let clock = ContinuousClock()
        let start = clock.now
        let found = problems(map: map)
        #expect(clock.now - start < .seconds(5))
        #expect(found.contains { $0.contains("zone inner-shin has point") && $0.contains("outside the view_box") })
        let renderer = LegMapRenderer(atlas: AtlasLoader.parse(roots: AtlasFixture.roots, places: AtlasFixture.places, map: map).0!,
                                      baseURL: BaseURL("https://e.org/")!)
        #expect(renderer.figure(LegMapRenderer.Options(), id: "x").contains("<svg"))
    }

    @Test func aViewWithoutAViewBoxIsAnError() {
        let map = AtlasFixture.map.replacingOccurrences(of: "    title: \"Back of the legs\"\n    view_box: [0, 0, 120, 120]\n", with: "    title: \"Back of the legs\"\n")
        #expect(map != AtlasFixture.map)
        #expect(problems(map: map).contains { $0.contains("a view needs a 'view_box'") })
    }

    @Test func unknownNeighbour() {
        let roots = AtlasFixture.roots.replacingOccurrences(of: "neighbours: [L4, S1]", with: "neighbours: [L4, S2]")
        #expect(problems(roots: roots).contains { $0.contains("unknown neighbour 'S2'") })
    }
}
