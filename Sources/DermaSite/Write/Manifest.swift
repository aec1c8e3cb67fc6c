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
            if line.utf8.first == UInt8(ascii: "#") {
                if let rest = Self.rest(of: line, after: "# quick-inputs ") {
                    quickInputs = String(rest)
                    continue
                }
                if let rest = Self.rest(of: line, after: "# inputs ") {
                    inputs = String(rest)
                    continue
                }
                if let rest = Self.rest(of: line, after: "# warning ") {
                    if let warning = Self.warning(rest) { warnings.append(warning) }
                    continue
                }
            }
            // The manifest decides what a build may delete: only plain paths inside the output count.
            guard let entry = Self.plainEntry(line) ?? Self.splitEntry(line), Self.isSafe(entry.path) else { return nil }
            entries.append(entry)
        }
        self.entries = entries
    }

    /// What follows `prefix` (ASCII) when the line starts with it as Characters. Compared as
    /// bytes; only when a byte after it is not ASCII (a combining mark would join the prefix's
    /// last character) are Characters asked.
    static func rest(of line: Substring, after prefix: String) -> Substring? {
        let bytes = line.utf8
        guard bytes.starts(with: prefix.utf8) else { return nil }
        let after = bytes.index(bytes.startIndex, offsetBy: prefix.utf8.count)
        if after == bytes.endIndex || bytes[after] < 0x80 { return line[after...] }
        return line.hasPrefix(prefix) ? line.dropFirst(prefix.count) : nil
    }

    /// `file<TAB>line<TAB>column<TAB>message`. A large site has thousands, so the tabs are found
    /// on the bytes: a tab is a control character, always a Character of its own, so this splits
    /// where splitting Characters does.
    static func warning(_ text: Substring) -> Diagnostic? {
        var tabs: [String.Index] = []
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex, tabs.count < 3 {
            if bytes[index] == 9 { tabs.append(index) }
            index = bytes.index(after: index)
        }
        guard tabs.count == 3 else { return splitWarning(text) }
        let file = text[..<tabs[0]], row = text[text.utf8.index(after: tabs[0])..<tabs[1]]
        let column = text[text.utf8.index(after: tabs[1])..<tabs[2]], message = text[text.utf8.index(after: tabs[2])...]
        guard let line = Int(row), let col = Int(column) else { return nil }
        return .warning(String(file), line: line, column: col, String(message))
    }

    static func splitWarning(_ text: Substring) -> Diagnostic? {
        let parts = text.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let row = Int(parts[1]), let column = Int(parts[2]) else { return nil }
        return .warning(String(parts[0]), line: row, column: column, String(parts[3]))
    }

    /// `hash size path`, split at its spaces as Characters.
    static func splitEntry(_ line: Substring) -> Entry? {
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count == 3, let size = Int(parts[1]) else { return nil }
        return Entry(path: String(parts[2]), size: size, hash: String(parts[0]))
    }

    /// The same for a line as the build writes it (a hex hash, a decimal size, a path that starts
    /// with ASCII other than a space), read as bytes: splitting Characters was a third of a
    /// no-change rebuild of 4,000 articles. Anything else is left to `splitEntry`.
    static func plainEntry(_ line: Substring) -> Entry? {
        let bytes = line.utf8
        var index = bytes.startIndex
        func isHex(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 97 && b <= 102) }
        while index != bytes.endIndex, isHex(bytes[index]) { index = bytes.index(after: index) }
        let hashEnd = index
        guard hashEnd != bytes.startIndex, index != bytes.endIndex, bytes[index] == 32 else { return nil }
        index = bytes.index(after: index)
        var size = 0, digits = 0
        while index != bytes.endIndex, bytes[index] >= 48, bytes[index] <= 57 {
            digits += 1
            guard digits <= 18 else { return nil }  // left to Int(_:), which knows where Int ends
            size = size * 10 + Int(bytes[index] - 48)
            index = bytes.index(after: index)
        }
        guard digits > 0, index != bytes.endIndex, bytes[index] == 32 else { return nil }
        index = bytes.index(after: index)
        guard index != bytes.endIndex, bytes[index] < 0x80, bytes[index] != 32 else { return nil }
        return Entry(path: String(line[index...]), size: size, hash: String(line[..<hashEnd]))
    }

    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && FilePath.normalize(path) == path
            && !path.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" }
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The file as it is written: made as bytes, as a large site's thousands of warnings and
    /// files were a wait on one core when each line was a String.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(80 * (entries.count + warnings.count) + 256)
        func line(_ text: String) {
            out.append(contentsOf: text.utf8)
            out.append(10)
        }
        line(Self.header)
        if let inputs { line("# inputs \(inputs)") }
        if let quickInputs { line("# quick-inputs \(quickInputs)") }
        func flat(_ text: String) {
            // Most texts have no line breaks or tabs: a byte scan is enough to know.
            if text.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 9 || $0 >= 0x80 }) {
                out.append(contentsOf: text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ").utf8)
            } else {
                out.append(contentsOf: text.utf8)
            }
        }
        for warning in warnings {
            out.append(contentsOf: "# warning ".utf8)
            flat(warning.file)
            out.append(9)
            out.appendDecimal(warning.line)
            out.append(9)
            out.appendDecimal(warning.column)
            out.append(9)
            flat(warning.message)
            out.append(10)
        }
        for entry in entries {
            out.append(contentsOf: entry.hash.utf8)
            out.append(32)
            out.appendDecimal(entry.size)
            out.append(32)
            out.append(contentsOf: entry.path.utf8)
            out.append(10)
        }
        return out
    }

    /// Paths whose content differs from `previous` or that it lacks.
    public func changed(since previous: Manifest?) -> [String] {
        guard let previous else { return entries.map(\.path) }
        var old: [String: Entry] = [:]
        for entry in previous.entries { old[entry.path] = entry }
        return entries.filter { old[$0.path] != $0 }.map(\.path)
    }
}
