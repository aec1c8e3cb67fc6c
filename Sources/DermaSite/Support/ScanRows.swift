/// Where horizontal lines, taken from top to bottom, cross into and out of a union of polygons.
///
/// The atlas check measures every zone against the outline and its neighbours row by row, four
/// rows per unit: testing every edge on every row, with new arrays each time, was a quarter of a
/// cold build of the bundled site. Here each polygon keeps the edges the current row can cross
/// (an edge joins when the rows reach its top and leaves after its bottom), and the buffers are
/// reused. Each crossing is computed by the same formula from the same two points, so the spans,
/// and the areas summed from them, are the same numbers as testing every edge.
struct ScanRows {
    private struct Edge {
        let a: Point, b: Point
        let top: Double, bottom: Double
    }

    /// Each polygon's edges, by their top.
    private let edges: [[Edge]]
    private var nextEdge: [Int]
    private var active: [[Int]]
    private var crossings: [Double] = []
    private var unmerged: [(Double, Double)] = []
    private var lastY = -Double.infinity
    /// The current row's spans: sorted, merged.
    private(set) var spans: [(Double, Double)] = []

    init(_ shapes: [[Point]]) {
        edges = shapes.map { points in
            var out: [Edge] = []
            out.reserveCapacity(points.count)
            var j = points.count - 1
            for i in points.indices {
                let a = points[i], b = points[j]
                out.append(Edge(a: a, b: b, top: min(a.y, b.y), bottom: max(a.y, b.y)))
                j = i
            }
            return out.sorted { $0.top < $1.top }
        }
        nextEdge = Array(repeating: 0, count: shapes.count)
        active = Array(repeating: [], count: shapes.count)
    }

    /// The spans of the row at `y`. Rows are meant to come top to bottom; one that does not
    /// starts the edges again.
    mutating func move(to y: Double) {
        if !(y >= lastY) {
            nextEdge = Array(repeating: 0, count: edges.count)
            active = Array(repeating: [], count: edges.count)
        }
        lastY = y
        unmerged.removeAll(keepingCapacity: true)
        for shape in edges.indices {
            let shapeEdges = edges[shape]
            // A row crosses an edge when one end is above it and the other not: top <= y < bottom.
            while nextEdge[shape] < shapeEdges.count, shapeEdges[nextEdge[shape]].top <= y {
                active[shape].append(nextEdge[shape])
                nextEdge[shape] += 1
            }
            active[shape].removeAll { shapeEdges[$0].bottom <= y }
            crossings.removeAll(keepingCapacity: true)
            for index in active[shape] {
                let a = shapeEdges[index].a, b = shapeEdges[index].b
                crossings.append((b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x)
            }
            crossings.sort()
            var k = 0
            while k + 1 < crossings.count {
                unmerged.append((crossings[k], crossings[k + 1]))
                k += 2
            }
        }
        unmerged.sort { $0.0 < $1.0 }
        spans.removeAll(keepingCapacity: true)
        for span in unmerged {
            if let last = spans.last, span.0 <= last.1 {
                spans[spans.count - 1].1 = max(last.1, span.1)
            } else {
                spans.append(span)
            }
        }
    }

    /// Length covered by both lists of sorted, merged spans.
    static func sharedLength(_ a: ArraySlice<(Double, Double)>, _ b: ArraySlice<(Double, Double)>) -> Double {
        var total = 0.0
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            let lo = max(a[i].0, b[j].0), hi = min(a[i].1, b[j].1)
            if hi > lo { total += hi - lo }
            if a[i].1 < b[j].1 { i += 1 } else { j += 1 }
        }
        return total
    }

    static func length(of spans: [(Double, Double)]) -> Double { spans.reduce(0) { $0 + ($1.1 - $1.0) } }
}
