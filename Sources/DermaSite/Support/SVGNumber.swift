/// Numbers and path data for SVG, written the same way on every machine.
enum SVGNumber {
    /// At most two decimals, no trailing zeros: `12`, `12.5`, `-0.25`.
    static func format(_ value: Double) -> String {
        // Validation keeps map points inside their view box; this only guards against a crash.
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }

    /// `M x y L x y … Z` for each closed polygon.
    static func path(_ polygons: [[Point]]) -> String {
        polygons.map { points in
            guard let first = points.first else { return "" }
            var d = "M\(format(first.x)) \(format(first.y))"
            for p in points.dropFirst() { d += "L\(format(p.x)) \(format(p.y))" }
            return d + "Z"
        }.joined()
    }

    /// Open lines: `M x y L x y …` without closing.
    static func lines(_ lines: [[Point]]) -> String {
        lines.map { points in
            guard let first = points.first else { return "" }
            var d = "M\(format(first.x)) \(format(first.y))"
            for p in points.dropFirst() { d += "L\(format(p.x)) \(format(p.y))" }
            return d
        }.joined()
    }
}
