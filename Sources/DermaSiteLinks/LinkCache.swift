import DermaSite
import Foundation

/// What earlier runs found, by address, with the day each was asked: `.dermasite-cache/links.json`
/// in the site folder. A result younger than `recheck_after_days` is used instead of asking again.
public struct LinkCache: Sendable {
    struct Entry: Codable, Sendable, Equatable {
        var checked: String
        var result: ProbeResult
    }

    struct File: Codable {
        var version = 1
        var links: [String: Entry] = [:]
    }

    public static let path = ".dermasite-cache/links.json"
    private(set) var entries: [String: Entry] = [:]

    public init() {}

    public static func load(root: String) -> LinkCache {
        var cache = LinkCache()
        let full = FilePath.join(root, path)
        guard let data = FileManager.default.contents(atPath: full),
              let file = try? JSONDecoder().decode(File.self, from: data), file.version == 1 else { return cache }
        cache.entries = file.links
        return cache
    }

    public func save(root: String) throws {
        let folder = FilePath.join(root, FilePath.directory(of: Self.path))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(File(links: entries)).write(to: URL(fileURLWithPath: FilePath.join(root, Self.path)), options: .atomic)
    }

    /// The stored result when it was found less than `maxAge` days before `today`. A result that
    /// settled nothing (no answer, refused, a server error) is kept for the day only.
    func fresh(_ address: String, today: Day, maxAge: Int) -> ProbeResult? {
        guard let entry = entries[address], let checked = Day(iso: entry.checked) else { return nil }
        let age = today.daysSinceEpoch - checked.daysSinceEpoch
        return age >= 0 && age < (entry.result.isInconclusive ? min(1, maxAge) : maxAge) ? entry.result : nil
    }

    mutating func store(_ address: String, _ result: ProbeResult, today: Day) {
        entries[address] = Entry(checked: today.iso, result: result)
    }
}
