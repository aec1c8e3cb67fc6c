import Testing
@testable import DermaSite

/// The maps' path data is written in the short form (relative offsets, numbers joined where the
/// grammar allows). These tests read it back the way the SVG path grammar says a browser does and
/// check that every point lands where the absolute, rounded point is.
@Suite struct PathDataTests {
    @Test func aSquareIsWrittenAsOffsets() {
        let square = [Point(60, 90), Point(110, 90), Point(110, 110), Point(60, 110)]
        #expect(SVGNumber.path([square]) == "M60 90l50 0 0 20-50 0z")
    }

    @Test func aSecondPolygonMovesFromTheFirstOnesStart() {
        let a = [Point(10, 10), Point(20, 10), Point(20, 20)]
        let b = [Point(15, 40), Point(16, 41)]
        // After `z` the pen is back at (10, 10), so the move to (15, 40) is `m5 30`.
        #expect(SVGNumber.path([a, b]) == "M10 10l10 0 0 10zm5 30 1 1z")
    }

    @Test func openLinesMoveFromTheLastPointDrawn() {
        let lines = [[Point(0, 0), Point(4, 0)], [Point(5, 1), Point(5, 3)]]
        #expect(SVGNumber.lines(lines) == "M0 0l4 0m1 1 0 2")
    }

    @Test func numbersJoinWithoutSpacesOnlyWhereTheGrammarAllows() {
        let points = [Point(1.5, 2), Point(2, 2.25), Point(1.5, 2), Point(1.5, 2.5), Point(2, 2.5)]
        // 0.5 after 2.25's offset .25 joins as ".25.5"; after a whole number it needs a space;
        // a minus sign always separates.
        #expect(SVGNumber.path([points]) == "M1.5 2l.5.25-.5-.25 0 .5.5 0z")
    }

    @Test func pointsRoundToHundredthsWithoutDrift() {
        // Offsets are taken between rounded points: a thousand steps of 0.004 stay where `format` puts them.
        let points = (0..<1000).map { Point(Double($0) * 0.004, 1) }
        let read = Self.absolutePoints(SVGNumber.lines([points]))
        #expect(read.map { $0.x } == points.map { Self.hundredths($0.x) })
    }

    @Test func randomPolygonsReadBackToTheirRoundedPoints() {
        // Seeded, so a failure can be run again; thousandths, so points round both ways.
        var random = SeededRandom(seed: 20261204)
        func coordinate(_ low: Int, _ high: Int) -> Double { Double(low * 1000 + random.below((high - low) * 1000 + 1)) / 1000 }
        for _ in 0..<2_000 {
            let polygons = (0..<(1 + random.below(3))).map { _ in
                (0..<(1 + random.below(12))).map { _ in Point(coordinate(-20, 520), coordinate(-5, 1005)) }
            }
            let lines = random.chance(50)
            let data = lines ? SVGNumber.lines(polygons) : SVGNumber.path(polygons)
            let expected = polygons.flatMap { $0.map { (x: Self.hundredths($0.x), y: Self.hundredths($0.y)) } }
            let read = Self.absolutePoints(data)
            #expect(read.count == expected.count && zip(read, expected).allSatisfy { $0.x == $1.x && $0.y == $1.y }, "\(data)")
        }
    }

    private static func hundredths(_ value: Double) -> Int { Int((value * 100).rounded()) }

    /// Reads `M`, `m`, `l` and `z` as SVG 1.1's path grammar has it: a number is an optional minus
    /// sign, digits, and at most one point with digits; a second point starts the next number.
    /// Pairs after a move are lines of the same kind (relative after `m`). Points come back in hundredths.
    static func absolutePoints(_ data: String) -> [(x: Int, y: Int)] {
        var numbers: [Int] = [], commands: [(Character, Int)] = []  // a command and the index of its first number
        var chars = Array(data), i = 0
        while i < chars.count {
            let c = chars[i]
            if "MmLlZz".contains(c) { commands.append((c, numbers.count)); i += 1; continue }
            if c == " " { i += 1; continue }
            var text = ""
            if c == "-" { text.append("-"); i += 1 }
            var sawPoint = false
            while i < chars.count, chars[i].isNumber || (chars[i] == "." && !sawPoint) {
                if chars[i] == "." { sawPoint = true }
                text.append(chars[i]); i += 1
            }
            numbers.append(Int((Double(text)! * 100).rounded()))
        }
        chars = []
        var points: [(x: Int, y: Int)] = [], pen = (x: 0, y: 0), start = (x: 0, y: 0)
        for (index, (command, first)) in commands.enumerated() {
            let end = index + 1 < commands.count ? commands[index + 1].1 : numbers.count
            if command == "z" || command == "Z" { pen = start; continue }
            var k = first
            while k + 1 < end {
                let relative = command == "m" || command == "l"
                let next = relative ? (x: pen.x + numbers[k], y: pen.y + numbers[k + 1]) : (x: numbers[k], y: numbers[k + 1])
                if k == first && (command == "M" || command == "m") { start = next }
                points.append(next)
                pen = next
                k += 2
            }
        }
        return points
    }
}
