@testable import DermaSite
import Foundation
import Testing

/// The output changes as a whole: after an interruption at any point it is the old site or the new
/// one, and the next command leaves exactly one of them.
@Suite struct WholeSiteTests {
    /// Memory, with no exchange (as on a mount point) and a "kill" after `movesBeforeKill` moves.
    final class InterruptedFileSystem: FileSystem, @unchecked Sendable {
        let inner = MemoryFileSystem()
        var movesBeforeKill = Int.max
        struct Killed: Error {}

        func readBytes(_ path: String) throws -> [UInt8] { try inner.readBytes(path) }
        func exists(_ path: String) -> Bool { inner.exists(path) }
        func isDirectory(_ path: String) -> Bool { inner.isDirectory(path) }
        func isSymbolicLink(_ path: String) -> Bool { false }
        func fileSize(_ path: String) -> Int? { inner.fileSize(path) }
        func modificationTime(_ path: String) -> Int? { inner.modificationTime(path) }
        func list(_ path: String) throws -> [String] { try inner.list(path) }
        func write(_ bytes: [UInt8], to path: String) throws { try inner.write(bytes, to: path) }
        func createDirectory(_ path: String) throws { try inner.createDirectory(path) }
        func remove(_ path: String) throws { try inner.remove(path) }
        func hardLink(from existing: String, to new: String) throws { try inner.hardLink(from: existing, to: new) }
        func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T { try body() }
        func resolvedPath(_ path: String) -> String { inner.resolvedPath(path) }
        func exchange(_ first: String, _ second: String) throws {
            throw FileSystemError(first, "not here", unsupported: true)
        }
        func move(from source: String, to destination: String) throws {
            if movesBeforeKill == 0 { throw Killed() }
            movesBeforeKill -= 1
            try inner.move(from: source, to: destination)
        }
    }

    static let old = (1...6).map { OutputFile(path: "p\($0)/index.html", text: "old \($0)") }
    static let new = (2...8).map { OutputFile(path: "p\($0)/index.html", text: "new \($0)") }

    func site(_ fs: FileSystem) throws -> [String: String] {
        var out: [String: String] = [:]
        for page in 1...8 where fs.exists("Public/p\(page)/index.html") { out["p\(page)"] = try fs.readText("Public/p\(page)/index.html") }
        return out
    }

    @Test func anInterruptedWriteIsFinishedByTheNextCommandWhereverItStopped() throws {
        let oldSite = Dictionary(uniqueKeysWithValues: (1...6).map { ("p\($0)", "old \($0)") })
        let newSite = Dictionary(uniqueKeysWithValues: (2...8).map { ("p\($0)", "new \($0)") })
        for kill in 0...9 {
            let fs = InterruptedFileSystem()
            let writer = OutputWriter(fileSystem: fs, output: "Public", displayName: "Public")
            _ = try writer.write(Self.old)
            fs.movesBeforeKill = kill
            let finished = (try? writer.write(Self.new)) != nil
            fs.movesBeforeKill = .max
            // Whatever a reader sees before recovery, the next command makes it one whole site.
            try writer.recover()
            let seen = try site(fs)
            #expect(seen == newSite || (seen == oldSite && !finished), "kill after \(kill) moves left \(seen)")
            #expect(writer.previousManifest()?.entries.map(\.path) == Self.new.map(\.path) || seen == oldSite)
            #expect(try fs.list("Public").allSatisfy { !$0.hasPrefix(".dermasite-staging") && $0 != ".dermasite-journal" })
        }
    }

    @Test func treesAndStagingLeftByAKilledBuildAreRemoved() throws {
        let fs = MemoryFileSystem(["site/.Public.dermasite-next-4242/index.html": "half", "site/Public/.dermasite-staging-17/x": "y",
                                   "site/.Other.dermasite-next-1/keep": "not ours to remove"])
        let writer = OutputWriter(fileSystem: fs, output: "site/Public", displayName: "Public")
        _ = try writer.write([OutputFile(path: "index.html", text: "whole")])
        #expect(try fs.list("site") == [".Other.dermasite-next-1", "Public"])
        #expect(try fs.list("site/Public") == [".dermasite-manifest", "index.html"])
    }

    @Test func aSecondBuildIsToldWhichProcessIsWriting() throws {
        let root = NSTemporaryDirectory() + "dermasite-lock-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = OutputWriter(fileSystem: LocalFileSystem(), output: root + "/Public", displayName: "Public")
        let refused = try writer.withLock { () -> BuildFailure? in
            do { try writer.withLock {}; return nil } catch let failure as BuildFailure { return failure }
        }
        let message = try #require(refused?.diagnostics.first?.description)
        #expect(message.hasPrefix("Public: error: another dermasite (process \(getpid())) is writing this output"), "\(message)")
        try writer.withLock {}  // released
    }
}
