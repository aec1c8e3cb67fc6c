import Yams

/// leg-map.yml: `views:`, each with its outline, detail lines and the zones of places.
enum LegMapDecoder {
    static let keys = ["id", "title", "view_box", "outline", "details", "zones"]

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
        var outline: [Polygon] = [], details: [[Point]] = [], zones: [MapView.Zone] = []
        // An outline whose points were reported wrong is not reported missing too: the root cause first.
        var outlineReported = false
        for (key, _, value) in reader.fields(of: node, known: keys, context: "a map view") {
            switch key {
            case "id":
                id = reader.string(value, key: key)
                if let given = id, !MapView.knownIDs.contains(given) {
                    reader.report(.error, at: value, "view 'id' must be one of \(MapView.knownIDs.joined(separator: ", "))")
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
            case "outline":
                let before = reader.diagnostics.count
                outline = reader.polygons(value, key: key)
                outlineReported = reader.diagnostics.count > before
            case "details":
                if case let .sequence(lines) = value {
                    details = lines.compactMap { reader.points($0, key: key) }
                } else {
                    reader.report(.error, at: value, "'details' must be a list of lines, each a list of points")
                }
            case "zones": zones = decodeZones(value, reader: &reader)
            default: break
            }
        }
        var sawViewBox = false
        if case let .mapping(mapping) = node { sawViewBox = mapping.keys.contains { $0.scalar?.string == "view_box" } }
        guard let id, let box else {
            if id == nil { reader.report(.error, at: node, "a view needs an 'id' (\(MapView.knownIDs.joined(separator: ", ")))") }
            if !sawViewBox { reader.report(.error, at: node, "a view needs a 'view_box' [x, y, width, height]") }
            return nil
        }
        if outline.isEmpty && !outlineReported { reader.report(.error, at: node, "view '\(id)' needs an 'outline'") }
        return MapView(id: id, title: title ?? id, viewBox: box, outline: outline, details: details, zones: zones,
                       position: reader.position(of: node))
    }

    private static func decodeZones(_ node: Node, reader: inout YAMLReader) -> [MapView.Zone] {
        guard case let .sequence(items) = node else {
            reader.report(.error, at: node, "'zones' must be a list of '- place: ...' entries")
            return []
        }
        var out: [MapView.Zone] = []
        for item in items {
            var place: String?, placeNode: Node?, polygons: [Polygon] = [], points: [Point] = []
            var polygonsReported = false
            for (key, _, value) in reader.fields(of: item, known: ["place", "polygons", "points"], context: "a zone") {
                switch key {
                case "place":
                    place = reader.string(value, key: key)
                    placeNode = value
                case "polygons":
                    let before = reader.diagnostics.count
                    polygons = reader.polygons(value, key: key)
                    polygonsReported = reader.diagnostics.count > before
                default: points = reader.points(value, key: key) ?? []
                }
            }
            guard let place else {
                reader.report(.error, at: item, "a zone needs a 'place'")
                continue
            }
            if polygons.isEmpty && !polygonsReported { reader.report(.error, at: item, "zone \(place) has no 'polygons'") }
            out.append(.init(place: place, polygons: polygons, points: points, position: reader.position(of: placeNode ?? item)))
        }
        return out
    }
}
