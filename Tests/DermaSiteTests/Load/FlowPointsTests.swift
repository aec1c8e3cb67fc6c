@testable import DermaSite
import Foundation
import Testing

/// The leg map's lists of points read from the text (`FlowPoints`) against Yams reading every
/// number: the same views, points and positions, and the same diagnostics, for the bundled map and
/// for seeded maps written every which way (wrapped, unusual numbers, comments, tabs, lines not
/// indented past their key).
@Suite struct FlowPointsTests {
    static func decoded(_ yaml: String, readingPoints: Bool) -> String {
        var diagnostics: [Diagnostic] = []
        let views = YAMLFile.decode(yaml, file: AtlasLoader.mapPath, diagnostics: &diagnostics, readingPoints: readingPoints) {
            LegMapDecoder.decode($0, reader: &$1)
        }
        func text(_ points: [Point]) -> String { points.map { "\($0.x),\($0.y)" }.joined(separator: " ") }
        func text(_ polygon: Polygon) -> String { "\(polygon.position): \(text(polygon.points))" }
        var out = diagnostics.map(\.description)
        for view in views ?? [] {
            out.append("view \(view.id) at \(view.position)")
            out += view.outline.map { "outline " + text($0) } + view.details.map { "detail " + text($0) }
            for zone in view.zones {
                out.append("zone \(zone.place) at \(zone.position); points \(text(zone.points))")
                out += zone.polygons.map { "polygon " + text($0) }
            }
        }
        return out.joined(separator: "\n")
    }

    /// The first line where the two readings differ, for a short failure message.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let (left, right) = (a.split(separator: "\n", omittingEmptySubsequences: false), b.split(separator: "\n", omittingEmptySubsequences: false))
        for index in 0..<max(left.count, right.count) where index >= left.count || index >= right.count || left[index] != right[index] {
            return "line \(index + 1): \(index < left.count ? left[index].prefix(300) : "-") | \(index < right.count ? right[index].prefix(300) : "-")"
        }
        return "the same"
    }

    @Test func theBundledMapReadsAsYamsReadsIt() throws {
        let map = try String(contentsOfFile: FixtureSite.projectRoot + "/" + AtlasLoader.mapPath, encoding: .utf8)
        let read = FlowPoints(map)
        #expect(read.lists.count > 100, "the bundled map's lists are read from the text")
        let fast = Self.decoded(map, readingPoints: true)
        let slow = Self.decoded(map, readingPoints: false)
        #expect(fast == slow, "\(Self.firstDifference(fast, slow))")
        #expect(fast.split(separator: "\n").filter { $0.hasPrefix("polygon ") }.count > 80)
    }

    /// One list of points, written with random spacing, wrapping and number styles.
    static func list(_ random: inout SeededRandom, indent: Int) -> String {
        var out = "["
        // Most lists are written plainly (spaces, wrapped lines, plain numbers); a few anyhow.
        let anyhow = random.chance(25)
        func gap() {
            let roll = random.below(20)
            switch roll {
            case 0, 1: out += "\n" + String(repeating: " ", count: anyhow ? max(0, indent - 1 + random.below(8)) : indent + 1 + random.below(6))
            case 2 where anyhow: out += " # a comment\n" + String(repeating: " ", count: indent + 2)
            case 3 where anyhow: out += "\t"
            case 4...9: out += " "
            default: break
            }
        }
        func number() -> String {
            let value = random.below(2_000) - 500
            switch random.below(anyhow ? 40 : 4) + (anyhow ? 0 : 10) {
            case 0: return "1e2"
            case 1: return "'\(value)'"
            case 2: return "+\(value)"
            case 3: return ".5"
            case 4: return "\(value)."
            case 5: return "1_000"
            case 6: return "-"
            case 7: return "1.2.3"
            case 8: return ".inf"
            case 9: return "0x1F"
            default: return random.chance(50) ? "\(value)" : "\(value).\(random.below(10))"
            }
        }
        for index in 0..<(1 + random.below(6)) {
            if index > 0 { out += ","; gap() }
            out += "["
            gap()
            out += number()
            gap()
            out += ","
            if random.below(30) != 0 { out += " " }
            out += number()
            gap()
            out += "]"
        }
        gap()
        return out + "]" + (anyhow && random.chance(20) ? " # after" : random.below(10) == 0 ? "  " : "")
    }

    static func map(_ random: inout SeededRandom) -> String {
        var out = "views:\n"
        for view in ["anterior", "posterior"].prefix(1 + random.below(2)) {
            out += "  - id: \(view)\n    view_box: [0, 0, 500, 1000]\n    outline:\n"
            for _ in 0..<(1 + random.below(2)) { out += "      - " + list(&random, indent: 6) + "\n" }
            out += "    details:\n      - " + list(&random, indent: 6) + "\n    zones:\n"
            for zone in 0..<(1 + random.below(3)) {
                out += "      - place: place-\(zone)\n        polygons:\n"
                for _ in 0..<(1 + random.below(2)) { out += "          - " + list(&random, indent: 10) + "\n" }
                if random.chance(70) { out += "        points: " + list(&random, indent: 8) + "\n" }
            }
        }
        return out
    }

    @Test func seededMapsReadAsYamsReadsThem() {
        var random = SeededRandom(seed: 20_261_204)
        var swapped = 0, fellBack = 0
        for _ in 0..<400 {
            let map = Self.map(&random)
            let read = FlowPoints(map)
            swapped += read.lists.count
            if read.text.contains("[[") { fellBack += 1 }
            let fast = Self.decoded(map, readingPoints: true), slow = Self.decoded(map, readingPoints: false)
            #expect(fast == slow, "\(Self.firstDifference(fast, slow))\n\(map)")
            if fast != slow { break }
        }
        // Both ways were taken, many times.
        #expect(swapped > 400 && fellBack > 100, "\(swapped) lists read from the text; \(fellBack) maps left lists to Yams")
    }
}
