@testable import DermaSite
import Foundation
import Testing

@Suite struct GeometryTests {
    let square = [Point(0, 0), Point(10, 0), Point(10, 10), Point(0, 10)]
    /// An L shape: concave, area 75.
    let ell = [Point(0, 0), Point(10, 0), Point(10, 5), Point(5, 5), Point(5, 10), Point(0, 10)]

    @Test func areas() {
        #expect(Geometry.area(square) == 100)
        #expect(Geometry.area(ell) == 75)
        #expect(Geometry.area(square.reversed()) == 100)
    }

    @Test func pointInConcavePolygon() {
        #expect(Geometry.contains(ell, Point(2, 8)))
        #expect(!Geometry.contains(ell, Point(8, 8)))  // the notch
        #expect(!Geometry.contains(ell, Point(-1, 5)))
        #expect(abs(Geometry.distanceToEdge(square, Point(5, 1)) - 1) < 1e-9)
    }

    /// The label's spot, found with measuring stopped early, is the grid point a full measure of
    /// every point picks: on every zone of the bundled map and on random star-shaped polygons.
    @Test func labelPointIsTheFarthestGridPointMeasuredInFull() {
        // Its own even-odd test, so the oracle shares no crossing code with labelPoint.
        func inside(_ polygon: [Point], _ p: Point) -> Bool {
            var inside = false
            for (a, b) in zip(polygon, [polygon[polygon.count - 1]] + polygon.dropLast())
            where (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                inside.toggle()
            }
            return inside
        }
        func fullMeasure(_ polygon: [Point]) -> Point? {
            let box = Geometry.bounds(polygon)
            var best: Point?, bestDistance = -1.0
            for i in 0...16 {
                for j in 0...16 {
                    let p = Point(box.minX + (box.maxX - box.minX) * Double(i) / 16, box.minY + (box.maxY - box.minY) * Double(j) / 16)
                    guard inside(polygon, p) else { continue }
                    let distance = Geometry.distanceToEdge(polygon, p)
                    if distance > bestDistance { (best, bestDistance) = (p, distance) }
                }
            }
            return best.map { Point(($0.x * 10).rounded() / 10, ($0.y * 10).rounded() / 10) }
        }
        let (atlas, _) = AtlasLoader.load(root: FixtureSite.projectRoot, fileSystem: LocalFileSystem())
        var polygons = (atlas?.views ?? []).flatMap { $0.zones.flatMap { $0.polygons.map(\.points) } }
        #expect(polygons.count > 40)
        var random = SeededRandom(seed: 20261208)
        for _ in 0..<300 {
            let corners = 3 + random.below(20)
            polygons.append((0..<corners).map { k in
                let angle = Double(k) / Double(corners) * 2 * .pi, radius = 5 + Double(random.below(100))
                return Point(50 + radius * cos(angle), 50 + radius * sin(angle))
            })
        }
        for polygon in polygons {
            let point = Geometry.labelPoint(in: polygon), expected = fullMeasure(polygon)
            #expect(point?.x == expected?.x && point?.y == expected?.y, "\(polygon)")
        }
    }

    @Test func overlapAndUnionByScanline() {
        let shifted = square.map { Point($0.x + 5, $0.y + 5) }
        #expect(abs(Geometry.overlapArea([square], [shifted]) - 25) < 0.01)
        #expect(abs(Geometry.unionArea([square, shifted]) - 175) < 0.01)
        // Neighbours that share a border exactly do not overlap.
        let neighbour = square.map { Point($0.x + 10, $0.y) }
        #expect(Geometry.overlapArea([square], [neighbour]) == 0)
        #expect(abs(Geometry.overlapArea([ell], [square]) - 75) < 0.01)
        // A triangle: scanlines integrate slanted edges exactly.
        let triangle = [Point(0, 0), Point(10, 10), Point(0, 10)]
        #expect(abs(Geometry.overlapArea([triangle], [square]) - 50) < 0.01)
    }

    @Test func detectsSelfIntersection() {
        let bowTie = [Point(0, 0), Point(10, 10), Point(10, 0), Point(0, 10)]
        #expect(Geometry.selfIntersection(bowTie) != nil)
        #expect(Geometry.selfIntersection(ell) == nil)
    }

    /// ScanRows keeps only the edges a row can cross. The plain method, every edge on every row,
    /// must give exactly the same spans, row by row, for star-shaped (often concave) polygons with
    /// horizontal edges, shared vertices and rows through vertices.
    @Test func scanRowsEqualTestingEveryEdge() {
        var random = SeededRandom(seed: 20261203)
        for _ in 0..<60 {
            let shapes = (0..<(1 + random.below(3))).map { _ in star(&random) }
            var rows = ScanRows(shapes)
            var y = -1.0
            while y < 41 {
                rows.move(to: y)
                let expected = everyEdge(shapes, y)
                #expect(rows.spans.count == expected.count)
                for (got, want) in zip(rows.spans, expected) { #expect(got == want, "row \(y)") }
                y += 0.25
            }
        }
    }

    /// A table of one polygon is built edge by edge, not row by row: the same spans on every row,
    /// for vertices off the quarter-unit grid and on the rows' heights too.
    @Test func onePolygonsTableHasScanRowsSpans() {
        var random = SeededRandom(seed: 20261209)
        var compared = 0
        for round in 0..<200 {
            var shape = star(&random)
            if round % 2 == 1 { shape = shape.map { Point($0.x + Double(random.below(1000)) / 997, $0.y - Double(random.below(1000)) / 991) } }
            // Vertices on the rows' own heights: an edge's first and last rows are decided by equality there.
            if round % 4 == 2 { shape = shape.map { Point($0.x, $0.y + Geometry.scanStep / 2) } }
            let limit: ClosedRange<Double>? = round % 3 == 0 ? 12.3...27.9 : nil
            let table = ScanTable([shape], rows: limit)
            // The same shape twice is the same union, and takes the row-by-row path.
            let byRows = ScanTable([shape, shape], rows: limit)
            for row in -10..<200 {
                let a = table.spans(row: row), b = byRows.spans(row: row)
                compared += a.count
                #expect(a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }, "row \(row) of \(shape)")
            }
        }
        #expect(compared > 5000)
    }

    /// The atlas check's tables must give exactly `Geometry.overlapArea`'s numbers: for shapes of
    /// one or more polygons, with points off the quarter-unit grid too, and for a table limited
    /// to a band of rows that holds the other shape.
    @Test func scanTablesGiveTheSameOverlapAsScanningEachPair() {
        var random = SeededRandom(seed: 20261204)
        var overlapping = 0
        for round in 0..<400 {
            var a = (0..<(1 + random.below(3))).map { _ in star(&random) }
            let b = (0..<(1 + random.below(2))).map { _ in star(&random) }
            if round % 2 == 1 {
                a = a.map { $0.map { Point($0.x + Double(random.below(1000)) / 997, $0.y - Double(random.below(1000)) / 991) } }
            }
            let expected = Geometry.overlapArea(a, b)
            if expected > 0 { overlapping += 1 }
            #expect(ScanTable.overlapArea(ScanTable(a), ScanTable(b)) == expected)
            #expect(ScanTable.overlapArea(ScanTable(b), ScanTable(a)) == Geometry.overlapArea(b, a))
            let band = Geometry.bounds(b.flatMap { $0 })
            #expect(ScanTable.overlapArea(ScanTable(b), ScanTable(a, rows: band.minY...band.maxY)) == Geometry.overlapArea(b, a))
        }
        #expect(overlapping > 100, "most pairs overlap, so the rows are compared, not skipped")
    }

    /// A polygon around a centre, on a grid of quarter units so rows meet vertices and edges lie flat.
    func star(_ random: inout SeededRandom) -> [Point] {
        let cx = Double((10 + random.below(21))), cy = Double((10 + random.below(21)))
        let count = (3 + random.below(12))
        return (0..<count).map { i in
            let angle = 2 * Double.pi * Double(i) / Double(count)
            let radius = Double((4 + random.below(37))) / 4
            return Point(((cx + radius * cos(angle)) * 4).rounded() / 4, ((cy + radius * sin(angle)) * 4).rounded() / 4)
        }
    }

    func everyEdge(_ shapes: [[Point]], _ y: Double) -> [(Double, Double)] {
        var spans: [(Double, Double)] = []
        for points in shapes {
            var crossings: [Double] = []
            var j = points.count - 1
            for i in points.indices {
                let a = points[i], b = points[j]
                if (a.y > y) != (b.y > y) { crossings.append((b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) }
                j = i
            }
            crossings.sort()
            for k in stride(from: 0, to: crossings.count - 1, by: 2) { spans.append((crossings[k], crossings[k + 1])) }
        }
        spans.sort { $0.0 < $1.0 }
        var merged: [(Double, Double)] = []
        for span in spans {
            if let last = merged.last, span.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, span.1) } else { merged.append(span) }
        }
        return merged
    }
}
