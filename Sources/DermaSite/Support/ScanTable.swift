/// A union of polygons' spans on each scan row, computed once. The atlas check compares each
/// zone with the outline and with its neighbours: with a table per shape, each shape's edges are
/// walked once instead of once per comparison (the outline's, once per zone, were most of the
/// check). The rows are the ones `Geometry.overlapArea` scans, at the same heights, so the areas
/// are the same numbers.
struct ScanTable {
    let box: Geometry.Bounds
    /// Row k is at y = (k + 1/2) × scanStep; the table holds rows firstRow..<firstRow + rowEnds.count.
    private let firstRow: Int
    private let spans: [(Double, Double)]
    private let rowEnds: [Int]

    /// `rows`, if given, limits the table to the rows inside it: enough for shapes that lie
    /// inside it, and it bounds the work a mistyped far-away point can cause. Points must be finite.
    init(_ shapes: [[Point]], rows limit: ClosedRange<Double>? = nil) {
        box = Geometry.bounds(shapes.flatMap { $0 })
        let step = Geometry.scanStep
        let top = max(box.minY, limit?.lowerBound ?? box.minY), bottom = min(box.maxY, limit?.upperBound ?? box.maxY)
        firstRow = top.isFinite ? Int((top / step).rounded(.down)) : 0
        var ys: [Double] = []
        if top.isFinite, bottom > top {
            var y = Double(firstRow) * step + step / 2
            while y < bottom {
                ys.append(y)
                y += step
            }
        }
        (spans, rowEnds) = shapes.count == 1 ? Self.edgeByEdge(shapes[0], rows: ys) : Self.rowByRow(shapes, rows: ys)
    }

    /// A union of polygons' spans, row after row.
    private static func rowByRow(_ shapes: [[Point]], rows ys: [Double]) -> (spans: [(Double, Double)], rowEnds: [Int]) {
        var spans: [(Double, Double)] = [], rowEnds: [Int] = []
        var rows = ScanRows(shapes)
        for y in ys {
            rows.move(to: y)
            spans += rows.spans
            rowEnds.append(spans.count)
        }
        return (spans, rowEnds)
    }

    /// One polygon's spans (a zone's polygon is checked on its own): each edge's crossings on the
    /// rows it reaches, by ScanRows' formula from the same two points, then each row's sorted and
    /// paired. Moving row by row through the edges was most of the atlas check.
    private static func edgeByEdge(_ polygon: [Point], rows ys: [Double]) -> (spans: [(Double, Double)], rowEnds: [Int]) {
        /// The first row at or below `value`: rows `top <= y < bottom` are `row(top)..<row(bottom)`.
        func row(_ value: Double) -> Int {
            var low = 0, high = ys.count
            while low < high {
                let middle = (low + high) / 2
                if ys[middle] >= value { high = middle } else { low = middle + 1 }
            }
            return low
        }
        var reach: [Range<Int>] = []
        reach.reserveCapacity(polygon.count)
        var starts = [Int](repeating: 0, count: ys.count + 1)
        var j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i], b = polygon[j]
            let rows = row(min(a.y, b.y))..<row(max(a.y, b.y))
            reach.append(rows)
            for r in rows { starts[r + 1] += 1 }
            j = i
        }
        for r in 0..<ys.count { starts[r + 1] += starts[r] }
        var xs = [Double](repeating: 0, count: starts[ys.count])
        var next = starts
        j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i], b = polygon[j]
            for r in reach[i] {
                xs[next[r]] = (b.x - a.x) * (ys[r] - a.y) / (b.y - a.y) + a.x
                next[r] += 1
            }
            j = i
        }
        var spans: [(Double, Double)] = [], rowEnds: [Int] = []
        spans.reserveCapacity(xs.count / 2)
        rowEnds.reserveCapacity(ys.count)
        // Sorted through a pointer: sorting each row's slice of the array copied it.
        xs.withUnsafeMutableBufferPointer { all in
            for r in 0..<ys.count {
                var row = UnsafeMutableBufferPointer(rebasing: all[starts[r]..<starts[r + 1]])
                row.sort()
            }
        }
        for r in 0..<ys.count {
            var k = starts[r]
            let rowStart = spans.count
            while k + 1 < starts[r + 1] {
                let span = (xs[k], xs[k + 1])
                if spans.count > rowStart, span.0 <= spans[spans.count - 1].1 {
                    spans[spans.count - 1].1 = max(spans[spans.count - 1].1, span.1)
                } else {
                    spans.append(span)
                }
                k += 2
            }
            rowEnds.append(spans.count)
        }
        return (spans, rowEnds)
    }

    /// The spans of row `row`: none outside the table.
    func spans(row: Int) -> ArraySlice<(Double, Double)> {
        let index = row - firstRow
        guard index >= 0, index < rowEnds.count else { return [] }
        return spans[(index == 0 ? 0 : rowEnds[index - 1])..<rowEnds[index]]
    }

    /// Area covered by both: `Geometry.overlapArea` of the two shapes, from the tables.
    static func overlapArea(_ a: ScanTable, _ b: ScanTable) -> Double {
        guard a.box.intersects(b.box) else { return 0 }
        let top = max(a.box.minY, b.box.minY), bottom = min(a.box.maxY, b.box.maxY)
        guard bottom > top else { return 0 }
        let step = Geometry.scanStep
        var row = Int((top / step).rounded(.down))
        var y = Double(row) * step + step / 2
        var total = 0.0
        while y < bottom {
            total += ScanRows.sharedLength(a.spans(row: row), b.spans(row: row)) * step
            y += step
            row += 1
        }
        return total
    }
}
