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
        var spans: [(Double, Double)] = [], rowEnds: [Int] = []
        firstRow = top.isFinite ? Int((top / step).rounded(.down)) : 0
        if top.isFinite, bottom > top {
            var rows = ScanRows(shapes)
            var y = Double(firstRow) * step + step / 2
            while y < bottom {
                rows.move(to: y)
                spans += rows.spans
                rowEnds.append(spans.count)
                y += step
            }
        }
        self.spans = spans
        self.rowEnds = rowEnds
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
