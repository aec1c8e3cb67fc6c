/// Plane geometry of the maps: areas, containment and overlap of simple polygons, and where a label fits.
/// Overlap and union areas are measured by scanlines, which handles any simple polygon (convex or
/// not) and is exact along every sampled line.
public enum Geometry {
    /// Bounds the quadratic self-intersection test, the scanline work and label placement on hostile input.
    public static let maxPoints = 5000

    /// Where a label fits inside a polygon: the sampled point farthest from its edges.
    public static func labelPoint(in polygon: [Point]) -> Point? {
        guard polygon.count >= 3, polygon.count <= maxPoints else { return nil }
        let box = bounds(polygon)
        var best: Point?
        var bestDistance = -1.0
        let steps = 16
        let rows = (0...steps).map { j in box.minY + (box.maxY - box.minY) * Double(j) / Double(steps) }
        // Each row's edge crossings, found once: a point is inside when an odd number lie to its right.
        let rowCrossings = rows.map { crossings(polygon, y: $0) }
        for i in 0...steps {
            for j in 0...steps {
                let p = Point(box.minX + (box.maxX - box.minX) * Double(i) / Double(steps), rows[j])
                guard p.x.isFinite, p.y.isFinite, rowCrossings[j].count(where: { p.x < $0 }) % 2 == 1,
                      let distance = distanceToEdge(polygon, p, unlessAtMost: bestDistance) else { continue }
                (best, bestDistance) = (p, distance)
            }
        }
        return best.map { Point(($0.x * 10).rounded() / 10, ($0.y * 10).rounded() / 10) }
    }

    /// Shoelace formula; positive whatever the winding.
    public static func area(_ points: [Point]) -> Double {
        guard points.count >= 3 else { return 0 }
        var sum = 0.0
        for i in points.indices {
            let a = points[i], b = points[(i + 1) % points.count]
            sum += a.x * b.y - b.x * a.y
        }
        return abs(sum) / 2
    }

    /// Where the line at `y` crosses the edges: an edge counts when one end is above the line and
    /// the other not.
    static func crossings(_ points: [Point], y: Double) -> [Double] {
        var out: [Double] = []
        var j = points.count - 1
        for i in points.indices {
            let a = points[i], b = points[j]
            if (a.y > y) != (b.y > y) { out.append((b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) }
            j = i
        }
        return out
    }

    /// Even-odd rule.
    public static func contains(_ points: [Point], _ p: Point) -> Bool {
        crossings(points, y: p.y).count { p.x < $0 } % 2 == 1
    }

    /// Distance from a point to the polygon's edge.
    public static func distanceToEdge(_ points: [Point], _ p: Point) -> Double {
        distanceToEdge(points, p, unlessAtMost: -.infinity) ?? 0
    }

    /// `distanceToEdge`, or nil once it is known to be at most `floor`: a label's spot is the
    /// grid point farthest from the edge, and most points lose to the best within a few edges.
    static func distanceToEdge(_ points: [Point], _ p: Point, unlessAtMost floor: Double) -> Double? {
        var best = Double.infinity
        for i in points.indices {
            best = min(best, distance(p, toSegment: points[i], points[(i + 1) % points.count]))
            if best <= floor { return nil }
        }
        return best
    }

    static func distance(_ p: Point, toSegment a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        var t = lengthSquared == 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared
        t = max(0, min(1, t))
        let cx = a.x + t * dx - p.x, cy = a.y + t * dy - p.y
        return (cx * cx + cy * cy).squareRoot()
    }

    /// The first pair of edges that cross, as edge indices; nil for a simple polygon.
    public static func selfIntersection(_ points: [Point]) -> (Int, Int)? {
        let n = points.count
        guard n >= 4 else { return nil }
        for i in 0..<n {
            let a1 = points[i], a2 = points[(i + 1) % n]
            for j in stride(from: i + 2, to: n, by: 1) where !(i == 0 && j == n - 1) {
                if segmentsCross(a1, a2, points[j], points[(j + 1) % n]) { return (i, j) }
            }
        }
        return nil
    }

    static func segmentsCross(_ p1: Point, _ p2: Point, _ q1: Point, _ q2: Point) -> Bool {
        func orient(_ a: Point, _ b: Point, _ c: Point) -> Double { (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) }
        let d1 = orient(q1, q2, p1), d2 = orient(q1, q2, p2), d3 = orient(p1, p2, q1), d4 = orient(p1, p2, q2)
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
    }

    public struct Bounds: Sendable {
        public var minX, minY, maxX, maxY: Double

        func intersects(_ other: Bounds) -> Bool {
            minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
        }
    }

    public static func bounds(_ points: [Point]) -> Bounds {
        var b = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for p in points {
            b.minX = min(b.minX, p.x); b.maxX = max(b.maxX, p.x)
            b.minY = min(b.minY, p.y); b.maxY = max(b.maxY, p.y)
        }
        return b
    }

    /// Sampling rows this far apart (map units) is well within the tolerances the validator uses.
    public static let scanStep = 0.25

    /// Area covered by both shapes (each a union of polygons).
    public static func overlapArea(_ a: [[Point]], _ b: [[Point]]) -> Double {
        let boxA = bounds(a.flatMap { $0 }), boxB = bounds(b.flatMap { $0 })
        guard boxA.intersects(boxB) else { return 0 }
        var rowsA = ScanRows(a), rowsB = ScanRows(b)
        return scan(from: max(boxA.minY, boxB.minY), to: min(boxA.maxY, boxB.maxY)) { y in
            rowsA.move(to: y)
            rowsB.move(to: y)
            return ScanRows.sharedLength(rowsA.spans[...], rowsB.spans[...])
        }
    }

    /// Area of the union of polygons.
    public static func unionArea(_ shapes: [[Point]]) -> Double {
        guard !shapes.isEmpty else { return 0 }
        let box = bounds(shapes.flatMap { $0 })
        var rows = ScanRows(shapes)
        return scan(from: box.minY, to: box.maxY) { y in
            rows.move(to: y)
            return ScanRows.length(of: rows.spans)
        }
    }

    private static func scan(from top: Double, to bottom: Double, _ rowLength: (Double) -> Double) -> Double {
        guard bottom > top else { return 0 }
        var total = 0.0
        var y = (top / scanStep).rounded(.down) * scanStep + scanStep / 2
        while y < bottom {
            total += rowLength(y) * scanStep
            y += scanStep
        }
        return total
    }
}
