/// A fenced code block whose info string names a directive, e.g.
///
///     ```dermatome-map
///     view: anterior
///     highlight: L4
///     ```
///
/// so articles stay readable as plain Markdown. Its body is `key: value` lines.
public struct Directive: Sendable {
    public struct Option: Sendable, Equatable {
        public var key: String
        public var value: String
        /// File line of this option.
        public var line: Int
    }

    public var name: String
    /// What follows the name on the fence line: `urgent` in ```` ```care-card urgent ````.
    public var argument: String? = nil
    public var options: [Option]
    /// The block's text as written (options are parsed from it unless the directive is free text).
    public var body: String = ""
    /// File line of the opening fence.
    public var line: Int
    public var file: String
    /// 1 for the first directive on the page, 2 for the next…: for ids unique on the page.
    public var index: Int

    /// Directives whose body is prose, not `key: value` options.
    public static let freeText: Set<String> = ["care-card", "note", "tip"]

    public func error(_ option: Option?, _ message: String) -> Diagnostic {
        .error(file, line: option?.line ?? line, column: 1, message)
    }
}

public struct DirectiveOutput: Sendable {
    public var html: String
    public var diagnostics: [Diagnostic]

    public init(html: String, diagnostics: [Diagnostic] = []) {
        self.html = html
        self.diagnostics = diagnostics
    }
}

public typealias DirectiveHandler = @Sendable (Directive) -> DirectiveOutput

enum DirectiveParser {
    /// Parses `key: value` lines; blank lines and `#` comments are skipped.
    static func options(_ body: String, firstLine: Int, file: String) -> ([Directive.Option], [Diagnostic]) {
        var options: [Directive.Option] = []
        var diagnostics: [Diagnostic] = []
        for (offset, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                diagnostics.append(.error(file, line: firstLine + offset, column: 1,
                                          "expected 'option: value' in the directive, found '\(line)'"))
                continue
            }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            var value = line[line.index(after: colon)...].trimmingWhitespace()
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            if let earlier = options.first(where: { $0.key == key }) {
                diagnostics.append(.error(file, line: firstLine + offset, column: 1,
                                          "option '\(key)' is given twice (first on line \(earlier.line))"))
                continue
            }
            if value.isEmpty {
                diagnostics.append(.error(file, line: firstLine + offset, column: 1, "option '\(key)' has no value"))
                continue
            }
            options.append(.init(key: key, value: value, line: firstLine + offset))
        }
        return (options, diagnostics)
    }
}
