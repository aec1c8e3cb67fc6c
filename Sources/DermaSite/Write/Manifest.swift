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

    public init(files: [OutputFile]) {
        entries = files.map { Entry(path: $0.path, size: $0.bytes.count, hash: ContentHash.hex($0.bytes)) }
            .sorted { $0.path < $1.path }
    }

    public init?(text: String) {
        let lines = text.split(separator: "\n")
        guard lines.first.map(String.init) == Self.header else { return nil }
        var entries: [Entry] = []
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let size = Int(parts[1]) else { return nil }
            entries.append(Entry(path: String(parts[2]), size: size, hash: String(parts[0])))
        }
        self.entries = entries
    }

    public var text: String {
        ([Self.header] + entries.map { "\($0.hash) \($0.size) \($0.path)" }).joined(separator: "\n") + "\n"
    }

    /// Paths whose content differs from `previous` or that it lacks.
    public func changed(since previous: Manifest?) -> [String] {
        guard let previous else { return entries.map(\.path) }
        var old: [String: Entry] = [:]
        for entry in previous.entries { old[entry.path] = entry }
        return entries.filter { old[$0.path] != $0 }.map(\.path)
    }
}
