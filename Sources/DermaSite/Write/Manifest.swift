/// The list of files a build wrote, kept in the output folder. Its presence marks the folder
/// as the generator's, so a mistyped --output never replaces someone else's files.
public struct Manifest: Sendable, Equatable {
    public static let fileName = ".dermasite-manifest"
    static let header = "# dermasite output manifest v1: hash size path"

    public struct Entry: Sendable, Equatable {
        public var path: String
        public var size: Int
        public var hash: String
    }

    public var entries: [Entry]
    /// The input fingerprint of the build that wrote the output.
    public var inputs: String?
    /// The quick (names, sizes, times) fingerprint of the same inputs.
    public var quickInputs: String?
    /// That build's warnings, shown again when a later build finds nothing to do.
    public var warnings: [Diagnostic] = []

    /// Entries of `previous` are taken as they are for the paths in `unchanged`.
    public init(files: [OutputFile], inputs: String? = nil, warnings: [Diagnostic] = [],
                reusing previous: Manifest? = nil, for unchanged: Set<String> = []) {
        self.inputs = inputs
        self.warnings = warnings
        var known: [String: Entry] = [:]
        if let previous, !unchanged.isEmpty {
            for entry in previous.entries where unchanged.contains(entry.path) { known[entry.path] = entry }
        }
        let reused = known
        entries = Parallel.map(files) { file in
            if let entry = reused[file.path], entry.size == file.bytes.count { return entry }
            return Entry(path: file.path, size: file.bytes.count, hash: ContentHash.fileHex(file.bytes))
        }.sorted { $0.path < $1.path }
    }

    public init?(text: String) {
        // Split on bytes: a manifest has a line per output file, thousands on a large site.
        let lines = text.utf8.split(separator: 10).map { Substring($0) }
        guard lines.first.map(String.init) == Self.header else { return nil }
        var entries: [Entry] = []
        for line in lines.dropFirst() {
            if line.hasPrefix("# quick-inputs ") {
                quickInputs = String(line.dropFirst("# quick-inputs ".count))
                continue
            }
            if line.hasPrefix("# inputs ") {
                inputs = String(line.dropFirst("# inputs ".count))
                continue
            }
            if line.hasPrefix("# warning ") {
                let parts = line.dropFirst("# warning ".count).split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
                if parts.count == 4, let row = Int(parts[1]), let column = Int(parts[2]) {
                    warnings.append(.warning(String(parts[0]), line: row, column: column, String(parts[3])))
                }
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 2)
            // The manifest decides what a build may delete: only plain paths inside the output count.
            guard parts.count == 3, let size = Int(parts[1]), Self.isSafe(String(parts[2])) else { return nil }
            entries.append(Entry(path: String(parts[2]), size: size, hash: String(parts[0])))
        }
        self.entries = entries
    }

    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && FilePath.normalize(path) == path
            && !path.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" }
    }

    public var text: String {
        var lines = [Self.header]
        if let inputs { lines.append("# inputs \(inputs)") }
        if let quickInputs { lines.append("# quick-inputs \(quickInputs)") }
        func flat(_ text: String) -> String {
            // Most texts have no line breaks or tabs: a byte scan is enough to know.
            guard text.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 9 || $0 >= 0x80 }) else { return text }
            return text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        }
        lines += warnings.map { "# warning \(flat($0.file))\t\($0.line)\t\($0.column)\t\(flat($0.message))" }
        lines += entries.map { "\($0.hash) \($0.size) \($0.path)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Paths whose content differs from `previous` or that it lacks.
    public func changed(since previous: Manifest?) -> [String] {
        guard let previous else { return entries.map(\.path) }
        var old: [String: Entry] = [:]
        for entry in previous.entries { old[entry.path] = entry }
        return entries.filter { old[$0.path] != $0 }.map(\.path)
    }
}
