@testable import DermaSite
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
}
