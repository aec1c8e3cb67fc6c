import Yams

/// Reads the dermatome data set: the facts per root and the map geometry. A site without
/// Content/data/dermatomes.yml has no atlas; one with only half of the data set is an error.
public enum AtlasLoader {
    public static let rootsPath = "Content/data/dermatomes.yml"
    public static let mapPath = "Content/data/leg-map.yml"

    public static func load(root: String, fileSystem: FileSystem) -> (Atlas?, [Diagnostic]) {
        let haveRoots = fileSystem.exists(FilePath.join(root, rootsPath))
        let haveMap = fileSystem.exists(FilePath.join(root, mapPath))
        if !haveRoots && !haveMap { return (nil, []) }
        guard haveRoots, haveMap else {
            let missing = haveRoots ? mapPath : rootsPath
            return (nil, [.error(missing, "missing: the dermatome data set needs both \(rootsPath) and \(mapPath)")])
        }
        var diagnostics: [Diagnostic] = []
        let roots = YAMLFile.read(rootsPath, root: root, fileSystem: fileSystem, diagnostics: &diagnostics) { node, reader in
            RootsDecoder.decode(node, reader: &reader)
        }
        let views = YAMLFile.read(mapPath, root: root, fileSystem: fileSystem, diagnostics: &diagnostics) { node, reader in
            LegMapDecoder.decode(node, reader: &reader)
        }
        guard let roots, let views else { return (nil, diagnostics) }
        var atlas = Atlas(roots: roots.decoded, views: views, rootsWithErrors: roots.failed)
        atlas.review = roots.review
        return (atlas, diagnostics)
    }

    public static func parse(roots rootsYAML: String, map mapYAML: String) -> (Atlas?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let roots = YAMLFile.decode(rootsYAML, file: rootsPath, diagnostics: &diagnostics) { RootsDecoder.decode($0, reader: &$1) }
        let views = YAMLFile.decode(mapYAML, file: mapPath, diagnostics: &diagnostics) { LegMapDecoder.decode($0, reader: &$1) }
        guard let roots, let views else { return (nil, diagnostics) }
        var atlas = Atlas(roots: roots.decoded, views: views, rootsWithErrors: roots.failed)
        atlas.review = roots.review
        return (atlas, diagnostics)
    }
}

/// dermatomes.yml: `roots:` and one entry per root.
enum RootsDecoder {
    static let keys = ["id", "name", "segment", "colour", "area", "summary", "key_point", "key_muscle", "reflex",
                       "disc_levels", "compression", "symptoms", "test", "neighbours", "urgent", "sources"]
    static let required = ["id", "name", "segment", "colour", "area", "summary", "key_point", "disc_levels",
                           "symptoms", "test", "neighbours", "urgent", "sources"]

    static func decode(_ node: Node, reader: inout YAMLReader) -> (decoded: [Root], failed: Set<String>, review: Atlas.Review) {
        let top = reader.fields(of: node, known: ["roots", "reviewed", "next_review", "reviewer"], context: "the dermatome data set")
        var review = Atlas.Review()
        for (key, _, value) in top where !YAMLReader.isNull(value) {
            switch key {
            case "reviewed": review.reviewed = reader.day(value, key: key)
            case "next_review":
                review.nextReview = reader.day(value, key: key)
                review.nextReviewPosition = reader.position(of: value)
            case "reviewer": review.reviewer = reader.string(value, key: key)
            default: break
            }
        }
        guard let list = top.first(where: { $0.key == "roots" })?.value else {
            reader.report(.error, at: node, "missing 'roots:', the list of nerve roots")
            return ([], [], review)
        }
        guard case let .sequence(items) = list else {
            reader.report(.error, at: list, "'roots' must be a list; start each root with '- id: ...'")
            return ([], [], review)
        }
        var decoded: [Root] = [], failed = Set<String>()
        for item in items {
            if let root = decodeRoot(item, reader: &reader) {
                decoded.append(root)
            } else if let id = item["id"]?.scalar?.string {
                failed.insert(id)
            }
        }
        return (decoded, failed, review)
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
        if let area = values["area"] {
            for (key, _, value) in reader.fields(of: area, known: ["plain", "clinical"], context: "'area'") {
                if key == "plain" { plain = reader.string(value, key: key) } else { clinical = reader.string(value, key: key) }
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
                reader.report(.error, at: node, "'colour' must be written #RRGGBB, such as #0072B2")
            }
        }
        let urgent = values["urgent"].flatMap { reader.bool($0, key: "urgent") } ?? false
        let sources = values["sources"].map { FrontMatterDecoder.sources($0, reader: &reader) } ?? []
        guard missing.isEmpty, let id = text("id"), let name = text("name"), let segment, let colour,
              let plain, let clinical else { return nil }
        return Root(id: id, name: name, segment: segment, colour: colour, areaPlain: plain, areaClinical: clinical,
                    summary: text("summary") ?? "", keyPoint: text("key_point") ?? "", keyMuscle: text("key_muscle"),
                    reflex: text("reflex"), discLevels: list("disc_levels"), compression: text("compression"),
                    symptoms: list("symptoms"), test: text("test") ?? "", neighbours: list("neighbours"),
                    urgent: urgent, sources: sources, position: reader.position(of: values["id"] ?? node))
    }

    static func isHexColour(_ text: String) -> Bool {
        text.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}

/// leg-map.yml: `views:` with outline, regions, labels and key points.
enum LegMapDecoder {
    static let keys = ["id", "title", "view_box", "outline", "details", "regions", "labels", "key_points"]

    static func decode(_ node: Node, reader: inout YAMLReader) -> [MapView] {
        let top = reader.fields(of: node, known: ["views"], context: "the leg map")
        guard let list = top.first(where: { $0.key == "views" })?.value, case let .sequence(items) = list else {
            reader.report(.error, at: node, "missing 'views:', the list of map views")
            return []
        }
        return items.compactMap { decodeView($0, reader: &reader) }
    }

    private static func decodeView(_ node: Node, reader: inout YAMLReader) -> MapView? {
        var id: String?, title: String?, box: MapView.Box?
        var outline: [Polygon] = [], details: [[Point]] = [], regions: [MapView.Region] = []
        var labels: [MapView.Marker] = [], keyPoints: [MapView.Marker] = []
        for (key, _, value) in reader.fields(of: node, known: keys, context: "a map view") {
            switch key {
            case "id":
                id = reader.string(value, key: key)
                if let given = id, !MapView.knownIDs.contains(given) {
                    reader.report(.error, at: value, "view 'id' must be anterior or posterior")
                }
            case "title": title = reader.string(value, key: key)
            case "view_box":
                if case let .sequence(numbers) = value, numbers.count == 4 {
                    let n = numbers.compactMap { reader.number($0, key: key) }
                    // Bounded so validation work stays bounded whatever the coordinates.
                    if n.count == 4, n[2] > 0, n[3] > 0, n[2] <= 10_000, n[3] <= 10_000, abs(n[0]) <= 10_000, abs(n[1]) <= 10_000 {
                        box = .init(x: n[0], y: n[1], width: n[2], height: n[3])
                    }
                }
                if box == nil {
                    reader.report(.error, at: value, "'view_box' must be [x, y, width, height] with a size from 1 to 10000")
                }
            case "outline": outline = reader.polygons(value, key: key)
            case "details":
                if case let .sequence(lines) = value {
                    details = lines.compactMap { reader.points($0, key: key) }
                } else {
                    reader.report(.error, at: value, "'details' must be a list of lines, each a list of points")
                }
            case "regions": regions = decodeRegions(value, reader: &reader)
            case "labels": labels = decodeMarkers(value, key: key, reader: &reader)
            case "key_points": keyPoints = decodeMarkers(value, key: key, reader: &reader)
            default: break
            }
        }
        var sawViewBox = false
        if case let .mapping(mapping) = node { sawViewBox = mapping.keys.contains { $0.scalar?.string == "view_box" } }
        guard let id, let box else {
            if id == nil { reader.report(.error, at: node, "a view needs an 'id' (anterior or posterior)") }
            if !sawViewBox { reader.report(.error, at: node, "a view needs a 'view_box' [x, y, width, height]") }
            return nil
        }
        if outline.isEmpty { reader.report(.error, at: node, "view '\(id)' needs an 'outline'") }
        return MapView(id: id, title: title ?? id, viewBox: box, outline: outline, details: details, regions: regions,
                       labels: labels, keyPoints: keyPoints, position: reader.position(of: node))
    }

    private static func decodeRegions(_ node: Node, reader: inout YAMLReader) -> [MapView.Region] {
        guard case let .sequence(items) = node else {
            reader.report(.error, at: node, "'regions' must be a list of '- root: ...' entries")
            return []
        }
        var out: [MapView.Region] = []
        for item in items {
            var root: String?, polygons: [Polygon] = []
            for (key, _, value) in reader.fields(of: item, known: ["root", "polygons"], context: "a region") {
                if key == "root" { root = reader.string(value, key: key) } else { polygons = reader.polygons(value, key: key) }
            }
            guard let root else {
                reader.report(.error, at: item, "a region needs a 'root'")
                continue
            }
            if polygons.isEmpty { reader.report(.error, at: item, "region \(root) has no 'polygons'") }
            out.append(.init(root: root, polygons: polygons, position: reader.position(of: item)))
        }
        return out
    }

    private static func decodeMarkers(_ node: Node, key: String, reader: inout YAMLReader) -> [MapView.Marker] {
        guard case let .sequence(items) = node else {
            reader.report(.error, at: node, "'\(key)' must be a list of '- root: ...' and 'at: [x, y]' entries")
            return []
        }
        var out: [MapView.Marker] = []
        for item in items {
            var root: String?, at: Point?, atNode: Node?
            for (field, _, value) in reader.fields(of: item, known: ["root", "at"], context: "an entry of '\(key)'") {
                if field == "root" { root = reader.string(value, key: field) } else {
                    at = reader.point(value, key: field)
                    atNode = value
                }
            }
            guard let root, let at else {
                reader.report(.error, at: item, "an entry of '\(key)' needs 'root' and 'at'")
                continue
            }
            out.append(.init(root: root, at: at, position: reader.position(of: atNode ?? item)))
        }
        return out
    }
}
