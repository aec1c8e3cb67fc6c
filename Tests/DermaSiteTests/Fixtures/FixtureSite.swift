import DermaSite
import DermaSiteTestSupport
import Foundation

/// A small site on disk in a fresh temporary folder, declared as a map of path to text.
/// Templates come from the project's own Templates/ unless the fixture declares its own.
struct FixtureSite {
    static let projectRoot = ProjectFolder.path

    let root: String
    let fileSystem = LocalFileSystem()

    init(_ files: [String: String], projectTemplates: Bool = true) throws {
        root = NSTemporaryDirectory() + "dermasite-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        if projectTemplates {
            try FileManager.default.copyItem(atPath: FixtureSite.projectRoot + "/Templates", toPath: root + "/Templates")
        }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try fileSystem.createDirectory(FilePath.directory(of: "\(root)/\(path)"))
        try fileSystem.write(Array(text.utf8), to: "\(root)/\(path)")
    }

    func remove(_ path: String) throws { try fileSystem.remove("\(root)/\(path)") }

    func read(_ path: String) throws -> String { try fileSystem.readText("\(root)/\(path)") }

    func exists(_ path: String) -> Bool { fileSystem.exists("\(root)/\(path)") }

    var output: String { root + "/Public" }

    /// Builds the site. Fixture pages are never reviewed, so the one-line reminder that says so is
    /// left out (ReviewTests look at it) unless `reviewReminder` is true.
    @discardableResult
    func build(baseURL: String? = nil, drafts: Bool = false, output: String? = nil, today: Day? = nil,
               reviewReminder: Bool = false) throws -> BuildReport {
        do {
            var options = BuildOptions(root: root, output: output, baseURL: baseURL, includeDrafts: drafts)
            options.today = today
            var report = try SiteBuilder().build(options)
            if !reviewReminder { report.diagnostics.removeAll(where: \.isUnreviewedReminder) }
            return report
        } catch var failure as BuildFailure {
            if !reviewReminder { failure.diagnostics.removeAll(where: \.isUnreviewedReminder) }
            throw failure
        }
    }

    /// Options for a fixed day and a cache filled by one render: the start of every test that edits
    /// a file and renders again.
    func renderedOnce(drafts: Bool = false) throws -> (options: BuildOptions, cache: BuildCache) {
        var options = BuildOptions(root: root, includeDrafts: drafts)
        options.today = Day(iso: "2026-12-01")
        let cache = BuildCache()
        _ = try SiteBuilder().render(options, cache: cache)
        return (options, cache)
    }

    /// The diagnostics of a build that is expected to fail.
    func failingBuild(baseURL: String? = nil, today: Day? = nil, reviewReminder: Bool = false) -> [Diagnostic]? {
        do {
            try build(baseURL: baseURL, today: today, reviewReminder: reviewReminder)
            return nil
        } catch let failure as BuildFailure {
            return failure.diagnostics
        } catch {
            return [.error("?", "\(error)")]
        }
    }

    /// Every file under a folder with its bytes, for byte-for-byte comparisons.
    func snapshot(_ folder: String? = nil) throws -> [String: [UInt8]] {
        let base = folder ?? output
        var out: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return out }
        while let path = enumerator.nextObject() as? String {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDir)
            if exists && !isDir.boolValue { out[path] = try fileSystem.readBytes(base + "/" + path) }
        }
        return out
    }

    static let config = """
    title: Test Site
    description: A site for tests.
    base_url: https://example.org/
    language: en-GB
    publisher: Test Publisher
    emergency:
      call: "999"
      go_to: "A&E"
      urgent_line: "NHS 111"

    """

    /// A complete article: every field a health page needs (a source a reader can find) unless
    /// `extra` sets it itself.
    static func article(title: String = "An article", date: String = "2026-01-15", extra: String = "",
                        body: String = "Some text.\n") -> String {
        var review = ""
        // Three lines, as the review dates and source used to take: tests name lines below it.
        if !extra.contains("sources:") { review += "sources:\n  - {title: \"A test source\", year: 2020,\n     url: \"https://example.org/source\"}\n" }
        return "---\ntitle: \"\(title)\"\ndescription: \"About \(title).\"\ndate: \(date)\n\(extra)\(review)---\n\n\(body)"
    }

    /// A 1000 x 20 PNG made with Python's Pillow (an encoder independent of libvips).
    static let png = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAA+gAAAAUCAIAAACReYBMAAAAkElEQVR42u3aMQ0AIAxFQUAIIlDHjLqKQAwzwUBJ7sY/Mr0m1D6jAAAAuTVPAAAAwh0AABDuAAAg3AEAAOEOAAAIdwAAEO4AAIBwBwAAhDsAAHwX7nuNdzUajUaj0Wg0Go2pxtpnOF8AACA5X2UAAEC4AwAAwh0AAIQ7AAAg3AEAAOEOAADCHQAAEO4AAMDtAHlg4lMYMKKhAAAAAElFTkSuQmCC")!)

    /// A minimal valid site: configuration, two linked articles and a picture.
    static func basic() throws -> FixtureSite {
        let site = try FixtureSite([
            "Content/site.yml": config,
            "Content/articles/first.md": article(title: "First", date: "2026-01-10", extra: "tags: [sciatica, nerve roots]\n",
                                                 body: "## Intro\n\nSee [the second](second.md#part-two).\n\n## More\n\nText.\n"),
            "Content/articles/second.md": article(title: "Second", date: "2026-02-20",
                                                  body: "## Part two\n\n![A map](../images/map.png)\n"),
        ])
        try site.fileSystem.createDirectory(site.root + "/Content/images")
        try site.fileSystem.write(png, to: site.root + "/Content/images/map.png")
        return site
    }
}

extension Diagnostic {
    /// The build's one-line "N medical pages have not been checked by a clinician" warning.
    var isUnreviewedReminder: Bool { severity == .warning && message.contains("not been checked by a clinician (") }
}
