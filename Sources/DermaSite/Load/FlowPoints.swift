/// The leg map's lists of points, `[[x, y], [x, y], ...]`, read straight from the text. Yams made
/// a node, a Tag and a String for every number, 13,000 in the bundled map: a tenth of a cold build.
///
/// Each list written the plain way (as scripts/atlas/draw_places.py writes it) is swapped in the
/// text for a short plain scalar padded with spaces, its line breaks kept, so every line and
/// column Yams reports stays where it was; `YAMLReader.points` takes the list by the scalar's
/// position. A list written any other way (a comment or tab inside, a quoted or unusual number,
/// a line not indented past its key) is left in the text for Yams, errors and all.
struct FlowPoints {
    struct Place: Hashable {
        let line: Int
        let column: Int
    }

    private(set) var text: String
    /// Each list swapped out, by the line and column (1-based, as Yams marks) of its `[`.
    private(set) var lists: [Place: [Point]] = [:]

    /// Two bytes: a list's first line holds at least its `[[`.
    static let placeholder = Array("pt".utf8)

    init(_ text: String) {
        var bytes = Array(text.utf8)
        var lists: [Place: [Point]] = [:]
        var lineStart = 0, line = 1
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: Self.newline) ?? bytes.count
            if let (start, indent) = Self.listStart(bytes, lineStart, lineEnd),
               let (points, end) = Self.list(bytes, from: start, indent: indent) {
                lists[Place(line: line, column: start - lineStart + 1)] = points
                for index in start..<end where bytes[index] != Self.newline { bytes[index] = Self.space }
                bytes.replaceSubrange(start..<start + Self.placeholder.count, with: Self.placeholder)
                // On after the list, which ends its last line.
                line += bytes[start..<end].count(where: { $0 == Self.newline }) + 1
                lineStart = end + 1
                continue
            }
            lineStart = lineEnd + 1
            line += 1
        }
        self.text = lists.isEmpty ? text : String(decoding: bytes, as: UTF8.self)
        self.lists = lists
    }

    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
    private static let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), comma = UInt8(ascii: ",")

    /// Where a line's list starts, for `- [[` and `points: [[` after spaces, with the line's
    /// indentation.
    private static func listStart(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (Int, Int)? {
        var at = start
        while at < end, bytes[at] == space { at += 1 }
        let indent = at - start
        for lead in [Array("- ".utf8), Array("points: ".utf8)] {
            let listAt = at + lead.count
            if listAt + 1 < end, bytes[at..<listAt].elementsEqual(lead), bytes[listAt] == open, bytes[listAt + 1] == open {
                return (listAt, indent)
            }
        }
        return nil
    }

    /// The points of the list at `start`, and the end of its last line (which must hold nothing
    /// after it but spaces); nil when anything there is not written the plain way.
    private static func list(_ bytes: [UInt8], from start: Int, indent: Int) -> ([Point], Int)? {
        var at = start + 1
        var points: [Point] = []
        func skipSpace() -> Bool {
            while at < bytes.count {
                if bytes[at] == space {
                    at += 1
                } else if bytes[at] == newline {
                    // A line inside the list must be indented past the line it started on.
                    var next = at + 1
                    while next < bytes.count, bytes[next] == space { next += 1 }
                    guard next - at - 1 > indent, next < bytes.count, bytes[next] != newline else { return false }
                    at = next
                } else {
                    return true
                }
            }
            return false
        }
        func expect(_ byte: UInt8) -> Bool {
            guard skipSpace(), bytes[at] == byte else { return false }
            at += 1
            return true
        }
        func number() -> Double? {
            guard skipSpace() else { return nil }
            let first = at
            while at < bytes.count, YAMLNumberBytes.isPlainDecimal(bytes[at]) { at += 1 }
            guard at > first else { return nil }
            // As YAMLReader.plainDecimal reads a plain scalar of these characters.
            return Double(String(decoding: bytes[first..<at], as: UTF8.self)).flatMap { $0.isFinite ? $0 : nil }
        }
        while true {
            guard expect(open), let x = number(), expect(comma), let y = number(), expect(close) else { return nil }
            points.append(Point(x, y))
            guard skipSpace() else { return nil }
            if bytes[at] == comma { at += 1; continue }
            guard bytes[at] == close else { return nil }
            at += 1
            break
        }
        // Nothing but spaces after the list on its last line.
        while at < bytes.count, bytes[at] == space { at += 1 }
        guard at == bytes.count || bytes[at] == newline else { return nil }
        return (points, at)
    }
}

/// The characters `YAMLReader.plainDecimal` reads itself.
enum YAMLNumberBytes {
    static func isPlainDecimal(_ byte: UInt8) -> Bool { (byte >= 48 && byte <= 57) || byte == 46 || byte == 45 || byte == 43 }
}
