/// Checks the dermatome data set: facts that refer to each other, and map geometry that is drawn
/// where it must be (zones inside the body and apart from each other, landmarks in their zones).
/// The map cannot colour a place differently from the data, because its colours are computed
/// from the claims; what is checked here is that the text and the key points agree with them.
public enum AtlasValidator {
    /// Two zones may share a border; more shared area than this (square map units) is an overlap.
    public static let overlapTolerance = 2.0
    /// How far outside the outline a zone may stray (square map units, for rounding of coordinates).
    public static let outsideTolerance = 2.0
    /// Landmark and key points must sit at least this far inside their zone, not on its border.
    public static let keyPointMargin = 1.0

    public static func validate(_ atlas: Atlas) -> [Diagnostic] {
        var diagnostics = validateRoots(atlas)
        let references = PlacesValidator.validate(atlas)
        diagnostics += references
        // The views' geometry (scan-line areas) is most of the check's time: one core each.
        for viewDiagnostics in Parallel.map(atlas.views, { validateView($0, atlas: atlas) }) { diagnostics += viewDiagnostics }
        var seenViews = Set<String>()
        for view in atlas.views where !seenViews.insert(view.id).inserted {
            diagnostics.append(error(view.position, "view '\(view.id)' is defined twice"))
        }
        // A misspelt place or root in a claim would also make the key points and texts look wrong:
        // report the misspelling alone, the root cause, until it is fixed.
        guard !references.hasErrors else { return diagnostics }
        diagnostics += KeyPointCheck.validate(atlas)
        diagnostics += PlaceWordsCheck.validate(atlas)
        return diagnostics
    }

    static func validateRoots(_ atlas: Atlas) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourcePosition] = [:]
        let ids = atlas.roots.map(\.id) + atlas.rootsWithErrors.sorted()
        for root in atlas.roots {
            if root.slug.isEmpty {
                diagnostics.append(error(root.position, "root id '\(root.id)' has no letters or digits"))
            }
            if let first = seen[root.slug] {
                diagnostics.append(error(root.position, "duplicate root id '\(root.id)' (first defined on line \(first.line))"))
            }
            seen[root.slug] = seen[root.slug] ?? root.position
            for neighbour in root.neighbours where !ids.contains(neighbour) {
                diagnostics.append(error(root.position, "root \(root.id) names unknown neighbour '\(neighbour)'\(hint(neighbour, ids))"))
            }
            if root.sources.isEmpty {
                diagnostics.append(error(root.position, "root \(root.id) needs at least one source"))
            }
        }
        return diagnostics
    }

    static func validateView(_ view: MapView, atlas: Atlas) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let placeIDs = atlas.places.map(\.id)
        let outline = view.outline.map(\.points)
        let outlineTable = scanTable(outline, in: view.viewBox)
        for polygon in view.outline { diagnostics += shapeProblems(polygon, in: view, what: "the outline") }
        for (index, line) in view.details.enumerated() {
            if let p = line.first(where: { !inside(view.viewBox, $0) }) {
                diagnostics.append(error(view.position, "detail line \(index + 1) has point [\(rounded(p.x)), \(rounded(p.y))] outside the view_box of view '\(view.id)'"))
            }
        }
        var seen = Set<String>()
        // Each well-formed polygon's rows are scanned once, for both the outline and the overlaps.
        var validZones: [(zone: MapView.Zone, tables: [ScanTable])] = []
        for zone in view.zones {
            if !placeIDs.contains(zone.place) {
                diagnostics.append(error(zone.position, "unknown place '\(zone.place)'\(placeHint(zone.place, placeIDs))"))
            }
            if !seen.insert(zone.place).inserted {
                diagnostics.append(error(zone.position, "place \(zone.place) has two zones in view '\(view.id)'; put its polygons in one"))
            }
            var valid = true, tables: [ScanTable] = []
            for polygon in zone.polygons {
                let shapeIssues = shapeProblems(polygon, in: view, what: "zone \(zone.place)")
                diagnostics += shapeIssues
                valid = valid && shapeIssues.isEmpty
                guard shapeIssues.isEmpty else { continue }
                // Well-formed: inside the view box, so its points are finite.
                let table = ScanTable([polygon.points])
                tables.append(table)
                guard !outline.isEmpty else { continue }
                let inside = outlineTable.map { ScanTable.overlapArea(table, $0) }
                    ?? Geometry.overlapArea([polygon.points], outline)
                let outside = Geometry.area(polygon.points) - inside
                if outside > outsideTolerance {
                    diagnostics.append(error(polygon.position,
                        "zone \(zone.place) lies outside the body outline of view '\(view.id)' (\(rounded(outside)) square units outside)"))
                }
            }
            diagnostics += landmarkProblems(zone, in: view, shapesValid: valid)
            if valid { validZones.append((zone, tables)) }
        }
        // Overlap is measured only between well-formed shapes inside the view box, which also
        // bounds the work a mistyped coordinate can cause.
        diagnostics += overlaps(validZones, in: view)
        return diagnostics
    }

    /// A zone's landmark points: one per polygon, each inside its own polygon.
    private static func landmarkProblems(_ zone: MapView.Zone, in view: MapView, shapesValid: Bool) -> [Diagnostic] {
        guard zone.points.count == zone.polygons.count else {
            return [error(zone.position, "zone \(zone.place) has \(zone.polygons.count) polygons and \(zone.points.count) points; give one landmark point per polygon")]
        }
        guard shapesValid else { return [] }
        var diagnostics: [Diagnostic] = []
        for (point, polygon) in zip(zone.points, zone.polygons) {
            if !Geometry.contains(polygon.points, point) || Geometry.distanceToEdge(polygon.points, point) < keyPointMargin {
                diagnostics.append(error(zone.position,
                    "the landmark point [\(rounded(point.x)), \(rounded(point.y))] of \(zone.place) is not inside its polygon on line \(polygon.position.line) of view '\(view.id)'"))
            }
        }
        return diagnostics
    }

    private static func shapeProblems(_ polygon: Polygon, in view: MapView, what: String) -> [Diagnostic] {
        let points = polygon.points
        guard points.count >= 3 else {
            return [error(polygon.position, "\(what) is not a closed shape: it needs at least 3 points, found \(points.count)")]
        }
        if points.count > maxPoints {
            return [error(polygon.position, "\(what) has \(points.count) points; at most \(maxPoints) are allowed")]
        }
        if let p = points.first(where: { !inside(view.viewBox, $0) }) {
            return [error(polygon.position, "\(what) has point [\(rounded(p.x)), \(rounded(p.y))] outside the view_box of view '\(view.id)'")]
        }
        if let (i, j) = Geometry.selfIntersection(points) {
            return [error(polygon.position, "\(what) is not a simple closed shape: its edge from point \(i + 1) crosses its edge from point \(j + 1)")]
        }
        if Geometry.area(points) < 1 {
            return [error(polygon.position, "\(what) encloses no area")]
        }
        return []
    }

    /// The outline's rows inside the view box, where every zone checked against it lies; nil
    /// when a point or the box is not a finite number (the outline's own errors say so).
    private static func scanTable(_ outline: [[Point]], in box: MapView.Box) -> ScanTable? {
        let finite = [box.x, box.y, box.width, box.height].allSatisfy(\.isFinite) && box.height >= 0
            && outline.allSatisfy { $0.allSatisfy { $0.x.isFinite && $0.y.isFinite } }
        return finite ? ScanTable(outline, rows: box.y...(box.y + box.height)) : nil
    }

    private static func overlaps(_ valid: [(zone: MapView.Zone, tables: [ScanTable])], in view: MapView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let zones = valid.map(\.zone), tables = valid.map(\.tables)
        for i in zones.indices {
            for j in zones.indices where j > i && zones[i].place != zones[j].place {
                // Polygon by polygon, so the bounding-box test skips the other leg.
                var shared = 0.0
                for a in tables[i] {
                    for b in tables[j] { shared += ScanTable.overlapArea(a, b) }
                }
                if shared > overlapTolerance {
                    diagnostics.append(error(zones[j].position,
                        "zones \(zones[i].place) and \(zones[j].place) overlap by \(rounded(shared)) square units in view '\(view.id)'"))
                }
            }
        }
        return diagnostics
    }

    static var maxPoints: Int { Geometry.maxPoints }

    static func inside(_ box: MapView.Box, _ p: Point) -> Bool {
        p.x.isFinite && p.y.isFinite && p.x >= box.x && p.y >= box.y && p.x <= box.x + box.width && p.y <= box.y + box.height
    }

    static func error(_ position: SourcePosition, _ message: String) -> Diagnostic {
        .error(position.file, line: position.line, column: position.column, message)
    }

    static func placeHint(_ word: String, _ ids: [String]) -> String {
        Suggestion.closest(to: word, in: ids).map { "; did you mean \($0)?" } ?? ""
    }

    static func hint(_ word: String, _ ids: [String]) -> String {
        Suggestion.closestRoot(to: word, in: ids).map { "; did you mean \($0)?" } ?? "; known roots: \(ids.joined(separator: ", "))"
    }

    static func rounded(_ value: Double) -> String { SVGNumber.format(value) }
}
