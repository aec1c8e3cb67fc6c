import Yams

/// Reads typed values out of a YAML tree and records a `path:line:col` diagnostic for each
/// problem, so a file's mistakes are all reported at once.
struct YAMLReader {
    let file: String
    /// Lines of the file before the YAML text (1 for front matter after its `---`).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// Lists of points read from the text before Yams saw it (`FlowPoints`), by position.
    var flowPoints: [FlowPoints.Place: [Point]] = [:]

    init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses YAML into a node tree; a syntax error becomes a diagnostic at its position.
    ///
    /// With the basic resolver a key's type is never guessed: Yams's duplicate-key check hashed
    /// every key through seven regular expressions, 5 % of a cold build. Values are unaffected:
    /// numbers are read by their style and text, and `true`/`yes` by their unresolved tag.
    /// Keys are read as text, so `1:` and `'1':` are now the duplicate they always were to us.
    mutating func compose(_ yaml: String) -> Node? {
        do {
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                let detail = context.map { "\($0.text) " } ?? ""
                if let tabLine = Self.tabIndentedLine(yaml, near: mark.line) {
                    diagnostics.append(.error(file, line: tabLine + lineOffset, column: 1,
                        "this line is indented with a tab, and YAML does not allow tabs for indentation; use spaces"))
                } else {
                    diagnostics.append(.error(file, line: mark.line + lineOffset, column: mark.column,
                                              "invalid YAML: \(detail)\(problem)".trimmingWhitespace()))
                }
            case let .duplicatedKeysInMapping(duplicates, context):
                diagnostics.append(.error(file, line: context.mark.line + lineOffset, column: context.mark.column,
                                          "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))"))
            case let .reader(problem, _, _, _):
                diagnostics.append(.error(file, line: 0, column: 0, "cannot read YAML: \(problem)"))
            default:
                diagnostics.append(.error(file, "invalid YAML: \(error)"))
            }
            return nil
        } catch {
            diagnostics.append(.error(file, "invalid YAML: \(error)"))
            return nil
        }
    }

    /// The first line up to `line` whose indentation holds a tab: the usual cause of a YAML error
    /// that libyaml reports as a character that "cannot start any token".
    static func tabIndentedLine(_ yaml: String, near line: Int) -> Int? {
        for (index, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(line, 1)).enumerated() {
            if text.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") { return index + 1 }
        }
        return nil
    }

    func position(of node: Node?) -> SourcePosition {
        guard let mark = node?.mark else { return SourcePosition(file: file, line: 0, column: 0) }
        return SourcePosition(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    mutating func report(_ severity: Diagnostic.Severity, at node: Node?, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(severity, file, line: (mark?.line ?? 0) + (mark == nil ? 0 : lineOffset),
                                      column: mark?.column ?? 0, message))
    }

    /// Pairs of a mapping with string keys; warns about keys not in `known`, naming the closest one.
    mutating func fields(of node: Node, known: [String], context: String) -> [(key: String, keyNode: Node, value: Node)] {
        guard case let .mapping(mapping) = node else {
            report(.error, at: node, "\(context) must be a set of 'key: value' lines")
            return []
        }
        var out: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(.error, at: keyNode, "a key in \(context) must be plain text")
                continue
            }
            if known.contains(key) {
                out.append((key, keyNode, value))
            } else if let meant = known.first(where: { $0.lowercased() == key.lowercased() }) {
                // `Draft: true` read as unknown would publish the draft: a wrong case is an error.
                report(.error, at: keyNode, "'\(key)' is not read: keys are written in lower case; write '\(meant)'")
            } else {
                let hint = Suggestion.closest(to: key, in: known).map { "; did you mean '\($0)'?" } ?? ""
                report(.warning, at: keyNode, "unknown key '\(key)' in \(context)\(hint)")
            }
        }
        return out
    }

    /// A number, written as an integer or a decimal.
    mutating func number(_ node: Node, key: String) -> Double? {
        if case let .scalar(scalar) = node, let value = Self.plainDecimal(scalar) ?? node.float, value.isFinite { return value }
        report(.error, at: node, "'\(key)' must be a number")
        return nil
    }

    /// A plain `12`, `-3.5`: read directly. Yams first copies every number without its `_`
    /// through Foundation, which for the maps' thousands of coordinates was 2 % of a cold
    /// build. Anything else is left to Yams, so every way of writing a number still means the same.
    static func plainDecimal(_ scalar: Node.Scalar) -> Double? {
        guard scalar.style == .plain || scalar.style == .any,
              scalar.string.utf8.allSatisfy(YAMLNumberBytes.isPlainDecimal) else { return nil }
        return Double(scalar.string)
    }

    /// `[x, y]`
    mutating func point(_ node: Node, key: String) -> Point? {
        guard case let .sequence(items) = node, items.count == 2 else {
            report(.error, at: node, "'\(key)' must be a point written [x, y]")
            return nil
        }
        guard let x = number(items[0], key: key), let y = number(items[1], key: key) else { return nil }
        return Point(x, y)
    }

    /// `[[x, y], [x, y], ...]`
    mutating func points(_ node: Node, key: String) -> [Point]? {
        if case .scalar = node, let mark = node.mark, let listed = flowPoints[FlowPoints.Place(line: mark.line, column: mark.column)] {
            return listed
        }
        guard case let .sequence(items) = node else {
            report(.error, at: node, "'\(key)' must be a list of points [[x, y], [x, y], ...]")
            return nil
        }
        var out: [Point] = []
        for item in items {
            guard let point = point(item, key: key) else { return nil }
            out.append(point)
        }
        return out
    }

    /// A list of polygons, each a list of points.
    mutating func polygons(_ node: Node, key: String) -> [Polygon] {
        guard case let .sequence(items) = node else {
            report(.error, at: node, "'\(key)' must be a list of shapes, each a list of points")
            return []
        }
        return items.compactMap { item in points(item, key: key).map { Polygon($0, position: position(of: item)) } }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    mutating func string(_ node: Node, key: String) -> String? {
        guard case let .scalar(scalar) = node else {
            report(.error, at: node, "'\(key)' must be text, not a list or a set of keys")
            return nil
        }
        if Self.isNull(node) { return nil }
        if scalar.string.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || $0.value == 0x7F }) {
            report(.error, at: node, "'\(key)' contains a control character; remove it")
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        if let value = node.bool, case .scalar = node { return value }
        report(.error, at: node, "'\(key)' must be true or false")
        return nil
    }

    mutating func int(_ node: Node, key: String) -> Int? {
        if let value = node.int, case .scalar = node { return value }
        report(.error, at: node, "'\(key)' must be a whole number")
        return nil
    }

    mutating func day(_ node: Node, key: String) -> Day? {
        guard let text = string(node, key: key) else { return nil }
        let trimmed = text.trimmingWhitespace()
        if let day = Day(iso: trimmed) { return day }
        // A date and time, as Hugo (2024-05-01T10:00:00Z) and Jekyll (2024-05-01 10:00:00 +0100) write
        // them: the day is what a page shows.
        if trimmed.count > 10, [" ", "T"].contains(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 10)]),
           let day = Day(iso: String(trimmed.prefix(10))) { return day }
        report(.error, at: node, Self.dateProblem(String(trimmed.prefix(10)), key: key, written: text))
        return nil
    }

    /// Says which part of a date written in the right shape is out of range, or asks for the shape.
    static func dateProblem(_ text: String, key: String, written: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let month = Int(parts[1]), let day = Int(parts[2]), let year = Int(parts[0]) {
            if !(1...12).contains(month) {
                return "'\(key)' has month \(parts[1]), but months run from 01 to 12 (written YYYY-MM-DD); found '\(written)'"
            }
            let days = Day.daysIn(month: month, year: year)
            if !(1...days).contains(day) {
                return "'\(key)' has day \(parts[2]), but month \(parts[1]) of \(year) has \(days) days; found '\(written)'"
            }
        }
        return "'\(key)' must be a date written YYYY-MM-DD, such as 2026-03-31; found '\(written)'"
    }

    /// A list of texts; a single text counts as a list of one.
    mutating func strings(_ node: Node, key: String) -> [String] {
        switch node {
        case .scalar:
            return string(node, key: key).map { [$0] } ?? []
        case let .sequence(sequence):
            return sequence.compactMap { item in string(item, key: key) }
        default:
            report(.error, at: node, "'\(key)' must be a list, such as [one, two]")
            return []
        }
    }
}

/// Reads a YAML data file of the site and decodes it with `body`, collecting every diagnostic.
enum YAMLFile {
    /// `readingPoints`: lists of points are read from the text first (`FlowPoints`, the leg map).
    static func read<T>(_ path: String, root: String, fileSystem: FileSystem, diagnostics: inout [Diagnostic],
                        readingPoints: Bool = false, _ body: (Node, inout YAMLReader) -> T) -> T? {
        guard let bytes = try? fileSystem.readBytes(FilePath.join(root, path)) else {
            diagnostics.append(.error(path, "cannot read file"))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = ContentLoader.firstInvalidUTF8(bytes)
            diagnostics.append(.error(path, line: line, column: column, "not valid UTF-8 text; save the file as UTF-8"))
            return nil
        }
        return decode(FrontMatterSplitter.normalizeText(text), file: path, diagnostics: &diagnostics,
                      readingPoints: readingPoints, body)
    }

    static func decode<T>(_ yaml: String, file: String, diagnostics: inout [Diagnostic], readingPoints: Bool = false,
                          _ body: (Node, inout YAMLReader) -> T) -> T? {
        var reader = YAMLReader(file: file, lineOffset: 0)
        var yaml = yaml
        if readingPoints {
            let read = FlowPoints(yaml)
            (yaml, reader.flowPoints) = (read.text, read.lists)
        }
        guard let node = reader.compose(yaml) else {
            if reader.diagnostics.isEmpty { reader.report(.error, at: nil, "the file is empty") }
            diagnostics += reader.diagnostics
            return nil
        }
        let value = body(node, &reader)
        diagnostics += reader.diagnostics
        return value
    }
}
