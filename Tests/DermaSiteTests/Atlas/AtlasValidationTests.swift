@testable import DermaSite
import Testing

@Suite struct AtlasLoadingTests {
    @Test func loadsRootsAndViews() {
        let atlas = AtlasFixture.atlas()
        #expect(atlas.roots.map(\.id) == ["L4", "L5", "S1"])
        #expect(atlas.root("l5")?.colour == "#0072B2")
        #expect(atlas.roots[2].urgent)
        #expect(atlas.views.map(\.id) == ["anterior", "posterior"])
        #expect(atlas.view("anterior")?.regions.count == 2)
        #expect(AtlasValidator.validate(atlas).isEmpty)
    }

    @Test func missingFieldsAndBadValuesHavePositions() {
        let roots = AtlasFixture.roots
            .replacingOccurrences(of: "    key_point: \"Key point of L5\"\n", with: "")
            .replacingOccurrences(of: "colour: \"#D55E00\"", with: "colour: red")
            .replacingOccurrences(of: "    test: \"Touch test.\"\n    neighbours: [L4, S1]", with: "    test: \"Touch test.\"\n    neighbors: [L4, S1]")
        let (atlas, diagnostics) = AtlasLoader.parse(roots: roots, map: AtlasFixture.map)
        #expect(atlas != nil)
        let messages = diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("root L5 is missing 'key_point', 'neighbours'") && $0.hasPrefix("Content/data/dermatomes.yml:") })
        #expect(messages.contains { $0.contains("did you mean 'neighbours'") && $0.contains(": warning:") })
        #expect(diagnostics.contains { $0.message.contains("#RRGGBB") && $0.line == 38 && $0.column == 13 }, "\(messages)")
    }

    @Test func halfADataSetIsAnError() throws {
        let fs = MemoryFileSystem(["site/Content/data/dermatomes.yml": AtlasFixture.roots])
        let (atlas, diagnostics) = AtlasLoader.load(root: "site", fileSystem: fs)
        #expect(atlas == nil)
        #expect(diagnostics.first?.file == AtlasLoader.mapPath)
    }
}

@Suite struct AtlasValidatorTests {
    func problems(map: String? = nil, roots: String? = nil) -> [String] {
        let (atlas, loadProblems) = AtlasLoader.parse(roots: roots ?? AtlasFixture.roots, map: map ?? AtlasFixture.map)
        guard let atlas else { return loadProblems.map(\.description) }
        return (loadProblems + AtlasValidator.validate(atlas)).map(\.description)
    }

    @Test func keyPointOutsideItsRegion() {
        let map = AtlasFixture.map.replacingOccurrences(of: "at: [30, 90]", with: "at: [80, 90]")
        let found = problems(map: map)
        #expect(found == ["Content/data/leg-map.yml:21:13: error: key point of L4 at [80, 90] is outside the L4 region of view 'anterior'"])
    }

    @Test func keyPointOnItsBorder() {
        let found = problems(map: AtlasFixture.map.replacingOccurrences(of: "at: [30, 90]", with: "at: [59.5, 90]"))
        #expect(found.count == 1 && found[0].contains("sits on the border"))
    }

    @Test func overlappingRegions() {
        let map = AtlasFixture.map.replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]",
                                                        with: "[[50, 10], [110, 10], [110, 110], [50, 110]]")
        let found = problems(map: map)
        #expect(found.count == 1)
        #expect(found[0].contains("regions L4 and L5 overlap by 1000 square units"))
        #expect(found[0].hasPrefix("Content/data/leg-map.yml:11:9:"))
    }

    @Test func regionOutsideTheOutline() {
        let map = AtlasFixture.map.replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]",
                                                        with: "[[60, 10], [118, 10], [118, 110], [60, 110]]")
        #expect(problems(map: map).contains { $0.contains("region L5 lies outside the body outline") && $0.contains("800 square units") })
    }

    @Test func shapesThatAreNotClosedOrSimple() {
        let open = AtlasFixture.map.replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]", with: "[[60, 10], [110, 10]]")
        #expect(problems(map: open).contains { $0.contains("region L5 is not a closed shape") })
        let twisted = AtlasFixture.map.replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]",
                                                            with: "[[60, 10], [110, 110], [110, 10], [60, 110]]")
        #expect(problems(map: twisted).contains { $0.contains("region L5 is not a simple closed shape") })
    }

    @Test func unknownAndDuplicateRootsAndRootsWithoutRegions() {
        let map = AtlasFixture.map.replacingOccurrences(of: "- root: S1\n        polygons", with: "- root: S9\n        polygons")
        let found = problems(map: map)
        #expect(found.contains { $0.contains("unknown root 'S9'; did you mean S1?") })
        #expect(found.contains { $0.hasPrefix("Content/data/dermatomes.yml:") && $0.contains("root S1 has no region in any view") })
        let duplicated = AtlasFixture.roots.replacingOccurrences(of: "- id: L5", with: "- id: L4")
        #expect(problems(roots: duplicated).contains { $0.contains("duplicate root id 'L4'") })
    }

    @Test func wildCoordinatesAreReportedQuicklyWithoutACrash() {
        let map = AtlasFixture.map
            .replacingOccurrences(of: "[[10, 10], [60, 10], [60, 110], [10, 110]]", with: "[[1e9, 10], [60, 10], [60, 110], [10, 110]]")
            .replacingOccurrences(of: "[[60, 10], [110, 10], [110, 110], [60, 110]]", with: "[[2e7, 10], [110, 10], [110, 110], [60, 110]]")
            .replacingOccurrences(of: "at: [85, 60]", with: "at: [1e20, 60]")
        let clock = ContinuousClock()
        let start = clock.now
        let found = problems(map: map)
        #expect(clock.now - start < .seconds(5))
        #expect(found.contains { $0.contains("region L4 has point [0, 10] outside the view_box") || $0.contains("region L4 has point") })
        #expect(found.contains { $0.contains("label of L5") && $0.contains("outside the view_box") })
        let renderer = LegMapRenderer(atlas: AtlasLoader.parse(roots: AtlasFixture.roots, map: map).0!, baseURL: BaseURL("https://e.org/")!)
        #expect(renderer.figure(LegMapRenderer.Options(), id: "x").contains("<svg"))
    }

    @Test func aViewWithoutAViewBoxIsAnError() {
        let map = AtlasFixture.map.replacingOccurrences(of: "    view_box: [0, 0, 120, 120]\n    outline:\n      - [[10, 10], [110, 10], [110, 110], [10, 110]]\n    regions:\n      - root: S1", with: "    outline:\n      - [[10, 10], [110, 10], [110, 110], [10, 110]]\n    regions:\n      - root: S1")
        #expect(map != AtlasFixture.map)
        #expect(problems(map: map).contains { $0.contains("a view needs a 'view_box'") })
    }

    @Test func unknownNeighbour() {
        let roots = AtlasFixture.roots.replacingOccurrences(of: "neighbours: [L4, S1]", with: "neighbours: [L4, S2]")
        #expect(problems(roots: roots).contains { $0.contains("unknown neighbour 'S2'") })
    }
}
