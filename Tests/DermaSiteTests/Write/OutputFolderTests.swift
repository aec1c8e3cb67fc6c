@testable import DermaSite
import Foundation
import Testing

/// What a build does to its output folder: a failure leaves it exactly as it was, a rebuild swaps
/// the whole site, and nothing outside the output is followed or replaced.
@Suite struct OutputFolderTests {
    @Test func aFailedBuildLeavesThePreviousOutputExactly() throws {
        let site = try FixtureSite.basic()
        try site.build()
        let before = try site.snapshot()
        try site.write("Content/articles/first.md", "---\ntitle: First\n")  // unterminated front matter
        try site.remove("Content/articles/second.md")
        #expect(site.failingBuild() != nil)
        #expect(try site.snapshot() == before)
        // The first build's image copies stay in the cache; nothing of the failed build is left.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.hasPrefix(".") && $0 != ".dermasite-cache" }
        #expect(leftovers == [".Public.dermasite-lock"], "only the lock file, which must stay to stay a lock")
    }

    @Test func buildsAreByteIdentical() throws {
        let site = try FixtureSite.basic()
        try site.build(output: site.root + "/One")
        try site.build(output: site.root + "/Two")
        let one = try site.snapshot(site.root + "/One"), two = try site.snapshot(site.root + "/Two")
        #expect(one == two)
        #expect(one.count > 10)
        let again = try site.build(output: site.root + "/One")
        #expect(again.filesChanged == 0)
    }

    @Test func rebuildSwapsTheWholeSiteAndLinksUnchangedFiles() throws {
        let site = try FixtureSite.basic()
        try site.build()
        func inode(_ path: String) throws -> UInt64 {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.root + "/" + path)
            return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let folder = try inode("Public"), unchanged = try inode("Public/articles/second/index.html")
        let changedBefore = try inode("Public/articles/first/index.html")
        try site.write("Content/articles/first.md", FixtureSite.article(title: "First, edited", date: "2026-01-10"))
        let report = try site.build()
        // Where the file system cannot exchange folders, the journaled fallback keeps the folder.
        let probe = site.root + "/probe", other = site.root + "/probe2"
        try FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        let canExchange = (try? LocalFileSystem().exchange(probe, other)) != nil
        #expect(canExchange ? try inode("Public") != folder : true, "the new site replaced the old one in one step")
        #expect(try inode("Public/articles/second/index.html") == unchanged, "an unchanged page is the same file, not a copy")
        #expect(try inode("Public/articles/first/index.html") != changedBefore)
        #expect(try site.read("Public/articles/first/index.html").contains("First, edited"))
        #expect(report.filesChanged < report.filesWritten)
        // A file removed from the output by hand is put back even though its content did not change.
        try site.remove("Public/articles/second/index.html")
        try site.build()
        #expect(site.exists("Public/articles/second/index.html"))
    }

    @Test func anUnchangedSiteIsNotRebuiltButItsWarningsAreShownAgain() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/plain.md", "---\ntitle: Plain\ndate: 2026-03-01\n---\nNo description.\n")
        let first = try site.build()
        #expect(!first.upToDate)
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.diagnostics.contains { $0.file == "Content/articles/plain.md" && $0.line == 1 })
        // Options that change the output, and any edit, rebuild.
        #expect(!(try site.build(baseURL: "https://example.org/legs/")).upToDate)
        #expect(!(try site.build(drafts: true)).upToDate)
        #expect(try site.build(drafts: true).upToDate)
        try site.write("Templates/partials/footer.mustache", "<footer>changed</footer>\n")
        let edited = try site.build(drafts: true)
        #expect(!edited.upToDate && edited.filesChanged > 0)
        #expect(try site.read("Public/index.html").contains("<footer>changed</footer>"))
    }

    /// cmark-gfm keeps global parser state; parallel rendering must still give the serial result.
    @Test func aSymbolicLinkInTheOutputIsReplacedNotFollowed() throws {
        let site = try FixtureSite.basic()
        try site.build()
        try site.write("Elsewhere/keep.txt", "keep")
        try site.remove("Public/tags")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Public/tags", withDestinationPath: site.root + "/Elsewhere")
        try site.write("Content/articles/first.md", FixtureSite.article(title: "First", date: "2026-01-10", extra: "tags: [other]\n"))
        try site.build()
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root + "/Elsewhere") == ["keep.txt"])
        #expect(!site.fileSystem.isSymbolicLink(site.root + "/Public/tags"))
        #expect(site.exists("Public/tags/other/index.html"))
    }

    @Test func deletedArticlesDisappear() throws {
        let site = try FixtureSite.basic()
        try site.build()
        try site.remove("Content/articles/first.md")
        try site.remove("Content/images/map.png")
        try site.write("Content/articles/second.md", FixtureSite.article(title: "Second"))
        let report = try site.build()
        #expect(!site.exists("Public/articles/first/index.html"))
        #expect(!site.exists("Public/tags/sciatica/index.html"))
        #expect(report.filesRemoved >= 3)
    }

    @Test func refusesToReplaceAForeignFolder() throws {
        let site = try FixtureSite.basic()
        try site.write("Elsewhere/notes.txt", "keep me")
        let failure = #expect(throws: BuildFailure.self) { try site.build(output: site.root + "/Elsewhere") }
        #expect(failure?.diagnostics.contains { $0.message.contains("refusing") } == true)
        #expect(try site.read("Elsewhere/notes.txt") == "keep me")
    }
}
