/// A problem found while building, located in a file relative to the site root.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    private struct Fields: Equatable, Sendable {
        var severity: Severity
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    /// One reference: a site can have thousands of warnings, and a rebuild hands them all on.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// Copy on write: a changed field gets a storage of its own.
    private mutating func set<T>(_ field: WritableKeyPath<Fields, T>, _ value: T) {
        var fields = storage.fields
        fields[keyPath: field] = value
        storage = Storage(fields)
    }

    public var severity: Severity { get { storage.fields.severity } set { set(\.severity, newValue) } }
    /// Path relative to the site root, e.g. `Content/articles/a.md`.
    public var file: String { get { storage.fields.file } set { set(\.file, newValue) } }
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int { get { storage.fields.line } set { set(\.line, newValue) } }
    public var column: Int { get { storage.fields.column } set { set(\.column, newValue) } }
    public var message: String { get { storage.fields.message } set { set(\.message, newValue) } }

    public init(_ severity: Severity, _ file: String, line: Int = 0, column: Int = 0, _ message: String) {
        storage = Storage(Fields(severity: severity, file: file, line: line, column: column, message: message))
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
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
