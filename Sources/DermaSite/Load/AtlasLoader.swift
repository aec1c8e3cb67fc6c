import Yams

/// Reads the dermatome data set: the facts per root and the map geometry. A site without
/// Content/data/dermatomes.yml has no atlas; one with only half of the data set is an error.
public enum AtlasLoader {
    public static let rootsPath = "Content/data/dermatomes.yml"
    public static let placesPath = "Content/data/places.yml"
    public static let mapPath = "Content/data/leg-map.yml"
    public static let paths = [rootsPath, placesPath, mapPath]

    public static func load(root: String, fileSystem: FileSystem) -> (Atlas?, [Diagnostic]) {
        let present = paths.map { fileSystem.exists(FilePath.join(root, $0)) }
        if !present.contains(true) { return (nil, []) }
        guard !present.contains(false) else {
            let missing = zip(paths, present).filter { !$0.1 }.map(\.0)
            return (nil, missing.map { .error($0, "missing: the dermatome data set needs \(paths.joined(separator: ", "))") })
        }
        // The three files are read side by side, the map (the largest) first: YAML parsing is
        // most of a small site's cold build. Diagnostics keep the files' order.
        let read = Parallel.map([mapPath, rootsPath, placesPath]) { path -> (File, [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            switch path {
            case mapPath:
                return (.map(YAMLFile.read(path, root: root, fileSystem: fileSystem, diagnostics: &diagnostics, readingPoints: true) {
                    LegMapDecoder.decode($0, reader: &$1)
                }), diagnostics)
            case rootsPath:
                return (.roots(YAMLFile.read(path, root: root, fileSystem: fileSystem, diagnostics: &diagnostics) {
                    RootsDecoder.decode($0, reader: &$1)
                }), diagnostics)
            default:
                return (.places(YAMLFile.read(path, root: root, fileSystem: fileSystem, diagnostics: &diagnostics) {
                    PlacesDecoder.decode($0, reader: &$1)
                }), diagnostics)
            }
        }
        guard case .map(let views) = read[0].0, case .roots(let roots) = read[1].0, case .places(let places) = read[2].0 else {
            preconditionFailure("the files come back in the order asked")
        }
        return (assemble(roots, places, views), read[1].1 + read[2].1 + read[0].1)
    }

    /// One file of the data set, decoded.
    private enum File: Sendable {
        case roots(RootsDecoder.Decoded?)
        case places(PlacesDecoder.Decoded?)
        case map([MapView]?)
    }

    public static func parse(roots rootsYAML: String, places placesYAML: String, map mapYAML: String) -> (Atlas?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let roots = YAMLFile.decode(rootsYAML, file: rootsPath, diagnostics: &diagnostics) { RootsDecoder.decode($0, reader: &$1) }
        let places = YAMLFile.decode(placesYAML, file: placesPath, diagnostics: &diagnostics) { PlacesDecoder.decode($0, reader: &$1) }
        let views = YAMLFile.decode(mapYAML, file: mapPath, diagnostics: &diagnostics, readingPoints: true) {
            LegMapDecoder.decode($0, reader: &$1)
        }
        return (assemble(roots, places, views), diagnostics)
    }

    private static func assemble(_ roots: RootsDecoder.Decoded?, _ places: PlacesDecoder.Decoded?, _ views: [MapView]?) -> Atlas? {
        guard let roots, let places, let views else { return nil }
        var atlas = Atlas(roots: roots.decoded, views: views, rootsWithErrors: roots.failed)
        atlas.places = places.places
        atlas.variants = places.variants
        atlas.sources = places.sources
        return atlas
    }
}

/// dermatomes.yml: `roots:` and one entry per root.
enum RootsDecoder {
    typealias Decoded = (decoded: [Root], failed: Set<String>)

    static let keys = ["id", "name", "segment", "colour", "area", "summary", "key_point", "key_point_at", "key_muscle",
                       "reflex", "disc_levels", "compression", "symptoms", "test", "neighbours", "urgent", "sources", "see_also"]
    static let required = ["id", "name", "segment", "colour", "area", "summary", "key_point", "disc_levels",
                           "symptoms", "test", "neighbours", "urgent", "sources"]

    static func decode(_ node: Node, reader: inout YAMLReader) -> Decoded {
        let top = reader.fields(of: node, known: ["roots"] + FrontMatter.movedKeys, context: "the dermatome data set")
        for (key, keyNode, _) in top where FrontMatter.movedKeys.contains(key) {
            reader.report(.error, at: keyNode, "'\(key)' is no longer written here: a clinician's review of the data set is recorded with 'dermasite review \(AtlasLoader.rootsPath) --reviewer NAME --role ROLE', which also records what they read; delete this line")
        }
        guard let list = top.first(where: { $0.key == "roots" })?.value else {
            reader.report(.error, at: node, "missing 'roots:', the list of nerve roots")
            return ([], [])
        }
        guard case let .sequence(items) = list else {
            reader.report(.error, at: list, "'roots' must be a list; start each root with '- id: ...'")
            return ([], [])
        }
        var decoded: [Root] = [], failed = Set<String>()
        for item in items {
            if let root = decodeRoot(item, reader: &reader) {
                decoded.append(root)
            } else if let id = item["id"]?.scalar?.string {
                failed.insert(id)
            }
        }
        return (decoded, failed)
    }

    private static func decodeRoot(_ node: Node, reader: inout YAMLReader) -> Root? {
        var values: [String: Node] = [:]
        for (key, _, value) in reader.fields(of: node, known: keys, context: "a root") where !YAMLReader.isNull(value) {
            values[key] = value
        }
        let missing = required.filter { values[$0] == nil }
        if !missing.isEmpty {
            let name = values["id"].flatMap { $0.scalar?.string }.map { "root \($0)" } ?? "a root"
            reader.report(.error, at: node, "\(name) is missing \(missing.map { "'\($0)'" }.joined(separator: ", "))")
        }
        func text(_ key: String) -> String? { values[key].flatMap { reader.string($0, key: key)?.trimmingWhitespace() } }
        func list(_ key: String) -> [String] { values[key].map { reader.strings($0, key: key) } ?? [] }

        var plain: String?, clinical: String?
        var positions: [String: SourcePosition] = [:]
        if let area = values["area"] {
            for (key, _, value) in reader.fields(of: area, known: ["plain", "clinical"], context: "'area'") {
                if key == "plain" { plain = reader.string(value, key: key) } else { clinical = reader.string(value, key: key) }
                positions["area.\(key)"] = reader.position(of: value)
            }
            if plain == nil || clinical == nil { reader.report(.error, at: area, "'area' needs both 'plain' and 'clinical'") }
        }
        var segment: Root.Segment?
        if let node = values["segment"], let value = reader.string(node, key: "segment") {
            segment = Root.Segment(rawValue: value)
            if segment == nil { reader.report(.error, at: node, "'segment' must be lumbar or sacral") }
        }
        var colour: String?
        if let node = values["colour"], let value = reader.string(node, key: "colour") {
            if isHexColour(value) { colour = value.uppercased() } else {
                reader.report(.error, at: node, "'colour' must be written #RRGGBB, such as #0072B2; found '\(value)'")
                // The root is still read, so articles naming it are not told it does not exist; the
                // error above fails the build, so this grey is never published.
                colour = "#808080"
            }
        }
        let urgent = values["urgent"].flatMap { reader.bool($0, key: "urgent") } ?? false
        let sources = values["sources"].map { FrontMatterDecoder.sources($0, reader: &reader) } ?? []
        var keyPointAt: KeyPointPlacement?
        if let node = values["key_point_at"] {
            let places = reader.strings(node, key: "key_point_at")
            if (1...2).contains(places.count) {
                keyPointAt = KeyPointPlacement(places: places, position: reader.position(of: node))
            } else {
                reader.report(.error, at: node, "'key_point_at' must name one place, or two to put the point halfway between them")
            }
        }
        guard missing.isEmpty, let id = text("id"), let name = text("name"), let segment, let colour,
              let plain, let clinical else { return nil }
        var root = Root(id: id, name: name, segment: segment, colour: colour, areaPlain: plain, areaClinical: clinical,
                    summary: text("summary") ?? "", keyPoint: text("key_point") ?? "", keyMuscle: text("key_muscle"),
                    reflex: text("reflex"), discLevels: list("disc_levels"), compression: text("compression"),
                    symptoms: list("symptoms"), test: text("test") ?? "", neighbours: list("neighbours"),
                    urgent: urgent, sources: sources, position: reader.position(of: values["id"] ?? node))
        root.keyPointAt = keyPointAt
        root.seeAlso = values["see_also"].map { SeeAlsoDecoder.decode($0, reader: &reader) } ?? []
        if case let .sequence(items)? = values["symptoms"] {
            for (index, item) in items.enumerated() { positions["symptoms.\(index + 1)"] = reader.position(of: item) }
        }
        root.textPositions = positions
        return root
    }

    static func isHexColour(_ text: String) -> Bool {
        text.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}

