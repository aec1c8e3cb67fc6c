/// A problem found while building, located in a file relative to the site root.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// One reference: a site can have thousands of warnings, and a rebuild hands them all on.
    private final class Storage: Sendable {
        let severity: Severity
        let file: String
        let line: Int
        let column: Int
        let message: String

        init(_ severity: Severity, _ file: String, _ line: Int, _ column: Int, _ message: String) {
            (self.severity, self.file, self.line, self.column, self.message) = (severity, file, line, column, message)
        }
    }

    private var storage: Storage

    public var severity: Severity {
        get { storage.severity }
        set { storage = Storage(newValue, file, line, column, message) }
    }
    /// Path relative to the site root, e.g. `Content/articles/a.md`.
    public var file: String {
        get { storage.file }
        set { storage = Storage(severity, newValue, line, column, message) }
    }
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int {
        get { storage.line }
        set { storage = Storage(severity, file, newValue, column, message) }
    }
    public var column: Int {
        get { storage.column }
        set { storage = Storage(severity, file, line, newValue, message) }
    }
    public var message: String {
        get { storage.message }
        set { storage = Storage(severity, file, line, column, newValue) }
    }

    public init(_ severity: Severity, _ file: String, line: Int = 0, column: Int = 0, _ message: String) {
        storage = Storage(severity, file, line, column, message)
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.storage === b.storage || (a.severity == b.severity && a.line == b.line && a.column == b.column
                                    && a.file == b.file && a.message == b.message)
    }

    public static func error(_ file: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.error, file, line: line, column: column, message)
    }

    public static func warning(_ file: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file, line: line, column: column, message)
    }

    /// `file:line:col`, dropping the parts that are unknown.
    public var location: String {
        guard line > 0 else { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for reporting: by file, then position.
    static func isSiteWide(_ file: String) -> Bool {
        file == "Content/site.yml" || file.hasPrefix("Content/data/")
    }

    public func sortedForReport() -> [Diagnostic] {
        // Rank the files once: a site has thousands of warnings over far fewer files, and
        // comparing numbers is much cheaper than comparing paths.
        // Files every page reads (site.yml, the data sets) first: a problem there is often the
        // cause of problems reported in the pages.
        let files = Set(map(\.file)).sorted { a, b in
            let x = Self.isSiteWide(a), y = Self.isSiteWide(b)
            return x != y ? x : a < b
        }
        var rank: [String: Int] = [:]
        rank.reserveCapacity(files.count)
        for (index, file) in files.enumerated() { rank[file] = index }
        let keyed = map { (rank: rank[$0.file]!, diagnostic: $0) }
        return keyed.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            let x = a.diagnostic, y = b.diagnostic
            return (x.line, x.column, x.message) < (y.line, y.column, y.message)
        }.map(\.diagnostic)
    }
}

/// Thrown by a build step when it has found errors; carries every diagnostic found so far.
public struct BuildFailure: Error, Sendable {
    public var step: String
    public var diagnostics: [Diagnostic]

    public init(step: String, diagnostics: [Diagnostic]) {
        self.step = step
        self.diagnostics = diagnostics
    }
}
