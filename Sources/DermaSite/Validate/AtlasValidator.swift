/// Checks the dermatome data set: facts that refer to each other, and map geometry that is drawn
/// where it must be (regions inside the body and apart from each other, key points in their root).
public enum AtlasValidator {
    /// Two roots' regions may share a border; more shared area than this (square map units) is an overlap.
    public static let overlapTolerance = 2.0
    /// How far outside the outline a region may stray (square map units, for rounding of coordinates).
    public static let outsideTolerance = 2.0
    /// Key points must sit at least this far inside their region, not on its border.
    public static let keyPointMargin = 1.0

    public static func validate(_ atlas: Atlas) -> [Diagnostic] {
        var diagnostics = validateRoots(atlas)
        for view in atlas.views { diagnostics += validateView(view, atlas: atlas) }
        var seenViews = Set<String>()
        for view in atlas.views where !seenViews.insert(view.id).inserted {
            diagnostics.append(error(view.position, "view '\(view.id)' is defined twice"))
        }
        for root in atlas.roots where !atlas.views.contains(where: { $0.regions.contains { $0.root == root.id } }) {
            diagnostics.append(error(root.position, "root \(root.id) has no region in any view of \(AtlasLoader.mapPath)"))
        }
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
        let ids = atlas.roots.map(\.id) + atlas.rootsWithErrors.sorted()
        let outline = view.outline.map(\.points)
        for polygon in view.outline { diagnostics += shapeProblems(polygon, in: view, what: "the outline") }
        var regionRoots = Set<String>()
        var validRegions: [MapView.Region] = []
        for (index, line) in view.details.enumerated() {
            if let p = line.first(where: { !inside(view.viewBox, $0) }) {
                diagnostics.append(error(view.position, "detail line \(index + 1) has point [\(rounded(p.x)), \(rounded(p.y))] outside the view_box of view '\(view.id)'"))
            }
        }
        for region in view.regions {
            guard ids.contains(region.root) else {
                diagnostics.append(error(region.position, "unknown root '\(region.root)'\(hint(region.root, ids))"))
                continue
            }
            if !regionRoots.insert(region.root).inserted {
                diagnostics.append(error(region.position, "root \(region.root) has two regions in view '\(view.id)'; put its polygons in one"))
            }
            var valid = true
            for polygon in region.polygons {
                let shapeIssues = shapeProblems(polygon, in: view, what: "region \(region.root)")
                diagnostics += shapeIssues
                valid = valid && shapeIssues.isEmpty
                guard shapeIssues.isEmpty, !outline.isEmpty else { continue }
                let outside = Geometry.area(polygon.points) - Geometry.overlapArea([polygon.points], outline)
                if outside > outsideTolerance {
                    diagnostics.append(error(polygon.position,
                        "region \(region.root) lies outside the body outline of view '\(view.id)' (\(rounded(outside)) square units outside)"))
                }
            }
            if valid { validRegions.append(region) }
        }
        // Overlap is measured only between well-formed shapes inside the view box, which also
        // bounds the work a mistyped coordinate can cause.
        diagnostics += overlaps(validRegions, in: view)
        diagnostics += markerProblems(view.keyPoints, in: view, kind: "key point", ids: ids, margin: keyPointMargin)
        diagnostics += markerProblems(view.labels, in: view, kind: "label", ids: ids, margin: 0)
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

    private static func overlaps(_ regions: [MapView.Region], in view: MapView) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for i in regions.indices {
            for j in regions.indices where j > i && regions[i].root != regions[j].root {
                let shared = Geometry.overlapArea(regions[i].polygons.map(\.points), regions[j].polygons.map(\.points))
                if shared > overlapTolerance {
                    diagnostics.append(error(regions[j].position,
                        "regions \(regions[i].root) and \(regions[j].root) overlap by \(rounded(shared)) square units in view '\(view.id)'"))
                }
            }
        }
        return diagnostics
    }

    /// Bounds the quadratic self-intersection test and the scanline work on hostile input.
    static let maxPoints = 5000

    static func inside(_ box: MapView.Box, _ p: Point) -> Bool {
        p.x.isFinite && p.y.isFinite && p.x >= box.x && p.y >= box.y && p.x <= box.x + box.width && p.y <= box.y + box.height
    }

    private static func markerProblems(_ markers: [MapView.Marker], in view: MapView, kind: String, ids: [String],
                                       margin: Double) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for marker in markers {
            guard inside(view.viewBox, marker.at) else {
                diagnostics.append(error(marker.position, "\(kind) of \(marker.root) at [\(rounded(marker.at.x)), \(rounded(marker.at.y))] is outside the view_box of view '\(view.id)'"))
                continue
            }
            guard ids.contains(marker.root) else {
                diagnostics.append(error(marker.position, "\(kind) for unknown root '\(marker.root)'\(hint(marker.root, ids))"))
                continue
            }
            let polygons = view.regions.filter { $0.root == marker.root }.flatMap(\.polygons).map(\.points)
            let holder = polygons.first { Geometry.contains($0, marker.at) }
            guard let holder else {
                diagnostics.append(error(marker.position,
                    "\(kind) of \(marker.root) at [\(rounded(marker.at.x)), \(rounded(marker.at.y))] is outside the \(marker.root) region of view '\(view.id)'"))
                continue
            }
            if margin > 0, Geometry.distanceToEdge(holder, marker.at) < margin {
                diagnostics.append(error(marker.position,
                    "\(kind) of \(marker.root) sits on the border of its region; move it inside"))
            }
        }
        return diagnostics
    }

    private static func error(_ position: SourcePosition, _ message: String) -> Diagnostic {
        .error(position.file, line: position.line, column: position.column, message)
    }

    private static func hint(_ word: String, _ ids: [String]) -> String {
        Suggestion.closest(to: word, in: ids).map { "; did you mean \($0)?" } ?? "; known roots: \(ids.joined(separator: ", "))"
    }

    static func rounded(_ value: Double) -> String { SVGNumber.format(value) }
}
