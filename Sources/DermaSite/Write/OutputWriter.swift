/// Puts a built site into the output folder so that, after a crash or a kill at any moment, the
/// output is the whole old site or the whole new one.
///
/// Rendering finishes before anything is written. The new site is then built as a tree beside the
/// output (unchanged files are hard links to the current ones, so this costs little), and the two
/// trees are exchanged in one step with renameat2(RENAME_EXCHANGE). Where that cannot work (the
/// output is a mount point, or on another system) files are moved in one by one after a journal,
/// and the next command finishes an interrupted write before it reads the output. A lock beside
/// the output keeps two builds from writing it at once.
public struct OutputWriter: Sendable {
    public let fileSystem: FileSystem
    /// The output folder, e.g. `/site/Public`.
    public let output: String
    /// Display name of the output folder for messages.
    public let displayName: String

    public init(fileSystem: FileSystem, output: String, displayName: String) {
        self.fileSystem = fileSystem
        var output = output
        while output.count > 1, output.hasSuffix("/") { output.removeLast() }
        self.output = output
        self.displayName = displayName
    }

    static let stagingPrefix = ".dermasite-staging-"

    /// Beside the output, in the same folder, so an exchange is a rename within one file system.
    private var parent: String { FilePath.directory(of: output) }
    private var siblingPrefix: String { ".\(FilePath.fileName(of: output)).dermasite-" }
    private var nextTree: String { FilePath.join(parent, "\(siblingPrefix)next-\(getpid())") }
    var lockPath: String { FilePath.join(parent, "\(siblingPrefix)lock") }

    public struct Report: Sendable {
        /// The manifest now in the output folder.
        public var manifest: Manifest
        public var filesWritten: Int
        /// Files whose bytes differ from the previous build, or are new.
        public var filesChanged: Int
        public var filesRemoved: Int
    }

    /// The manifest of the output's last build, if the output has one.
    public func previousManifest() -> Manifest? {
        let path = FilePath.join(output, Manifest.fileName)
        guard let text = try? fileSystem.readText(path) else { return nil }
        return Manifest(text: text)
    }

    /// Refuses an output folder the generator did not make (non-empty, no manifest).
    public func checkOutputIsOurs() -> Diagnostic? {
        guard fileSystem.exists(output) else { return nil }
        guard fileSystem.isDirectory(output), !fileSystem.isSymbolicLink(output) else {
            return .error(displayName, "the output path exists and is not a folder; choose another --output")
        }
        let names = ((try? fileSystem.list(output)) ?? []).filter { !$0.hasPrefix(Self.stagingPrefix) && $0 != Self.journalName }
        if names.isEmpty || names.contains(Manifest.fileName) { return nil }
        return .error(displayName,
            "refusing to replace this folder: it is not empty and was not written by dermasite (no \(Manifest.fileName)); choose another --output or empty it")
    }

    /// `unchangedSinceLastWrite` names files known to have the bytes this writer wrote last time
    /// (a watching rebuild knows): their manifest entries are taken from the output's manifest
    /// instead of hashing them again.
    /// `previous` is the manifest this writer wrote last time, when the caller kept it; otherwise
    /// it is read from the folder.
    public func write(_ files: [OutputFile], inputs: String? = nil, quickInputs: String? = nil,
                      warnings: [Diagnostic] = [], unchangedSinceLastWrite: Set<String>? = nil,
                      previous known: Manifest? = nil) throws -> Report {
        if let refusal = checkOutputIsOurs() { throw BuildFailure(step: "write output", diagnostics: [refusal]) }
        let previous = known ?? previousManifest()
        var manifest = Manifest(files: files, inputs: inputs, warnings: warnings,
                                reusing: unchangedSinceLastWrite == nil ? nil : previous, for: unchangedSinceLastWrite ?? [])
        manifest.quickInputs = quickInputs
        let changed = Set(manifest.changed(since: previous)).union(missingOnDisk(manifest, previous: previous))
        let newPaths = Set(manifest.entries.map(\.path))
        let stale = (previous?.entries ?? []).map(\.path).filter { !newPaths.contains($0) }
        do {
            try recover()
            if try !writeBySwap(files, manifest: manifest, changed: changed, previous: previous) {
                let toWrite = files.filter { changed.contains($0.path) }.sorted { $0.path < $1.path }
                try writeByMoves(toWrite, manifest: manifest, stale: stale, newPaths: newPaths)
            }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            let state = fileSystem.exists(journalPath)
                ? "the next build will finish putting the new site in place"
                : "the output was left as it was"
            throw BuildFailure(step: "write output", diagnostics: [.error(displayName, "\(error); \(state)")])
        }
        return Report(manifest: manifest, filesWritten: files.count, filesChanged: changed.count, filesRemoved: stale.count)
    }

    /// Builds the new tree beside the output and exchanges the two. False, with nothing changed,
    /// where an exchange is not possible here.
    private func writeBySwap(_ files: [OutputFile], manifest: Manifest, changed: Set<String>, previous: Manifest?) throws -> Bool {
        let next = nextTree
        try fileSystem.remove(next)
        try fileSystem.createDirectory(next)
        var fresh: [OutputFile] = [], reused: [OutputFile] = []
        for file in files {
            let reusable = !changed.contains(file.path) && !hasLinkedAncestor(file.path)
                && fileSystem.fileSize(FilePath.join(output, file.path)) != nil
            if reusable { reused.append(file) } else { fresh.append(file) }
        }
        try writeAll(fresh, into: next, linked: reused, from: output)
        // A page open in a browser keeps the stylesheet it loaded: the last build's assets stay one build longer.
        let newPaths = Set(files.map(\.path))
        for entry in previous?.entries ?? [] where entry.path.hasPrefix("assets/") && !newPaths.contains(entry.path) {
            try? fileSystem.hardLink(from: FilePath.join(output, entry.path), to: FilePath.join(next, entry.path))
        }
        try fileSystem.write(manifest.bytes, to: FilePath.join(next, Manifest.fileName))
        guard fileSystem.exists(output) else {
            try fileSystem.move(from: next, to: output)
            return true
        }
        do {
            try fileSystem.exchange(next, output)
        } catch let error as FileSystemError where error.unsupported {
            try fileSystem.remove(next)
            return false
        }
        try fileSystem.remove(next)  // the old site
        return true
    }

    /// Runs `body` holding the output's lock, so a second build into the same folder says so at
    /// once instead of both failing. Without a folder for the lock file, runs unlocked.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        let folder = parent.isEmpty ? "." : parent
        guard fileSystem.isDirectory(folder) else { return try body() }
        do {
            return try fileSystem.withExclusiveLock(lockPath, body)
        } catch let error as FileSystemError where error.path == lockPath {
            throw BuildFailure(step: "lock output", diagnostics: [.error(displayName, error.message)])
        }
    }

    /// Leaves exactly one whole site: finishes a journaled write a kill interrupted, and removes
    /// the trees and staging folders of builds that did not finish. Call with the lock held.
    public func recover() throws {
        let folder = parent.isEmpty ? "." : parent
        for name in (try? fileSystem.list(folder)) ?? [] where name.hasPrefix(siblingPrefix + "next-") {
            try fileSystem.remove(FilePath.join(parent, name))
        }
        guard fileSystem.isDirectory(output), !fileSystem.isSymbolicLink(output) else { return }
        if let journal = try? fileSystem.readText(journalPath) { try finishMoves(journal) }
        for name in (try? fileSystem.list(output)) ?? [] where name.hasPrefix(Self.stagingPrefix) {
            try fileSystem.remove(FilePath.join(output, name))
        }
    }

    /// The last build's manifest when that build had exactly these inputs and its files are all
    /// still there at the size it wrote them.
    public func isUpToDate(inputs: inout InputFingerprint) -> Manifest? {
        guard let previous = previousManifest(),
              previous.quickInputs == inputs.quick || previous.inputs == inputs.full(fileSystem: fileSystem),
              Self.sizesMatch(previous.entries, in: output, fileSystem: fileSystem) else { return nil }
        return previous
    }

    /// Whether every file the manifest lists is there with its size: a `stat` per output file,
    /// on every core, as it is half of a no-change rebuild's check.
    static func sizesMatch(_ entries: [Manifest.Entry], in output: String, fileSystem: FileSystem) -> Bool {
        let slices = stride(from: 0, to: entries.count, by: 256).map { $0..<min($0 + 256, entries.count) }
        return Parallel.map(slices) { range in
            entries[range].allSatisfy { fileSystem.fileSize(FilePath.join(output, $0.path)) == $0.size }
        }.allSatisfy { $0 }
    }

    /// Files the manifest lists that are gone, or changed size, since (someone edited the output).
    private func missingOnDisk(_ manifest: Manifest, previous: Manifest?) -> [String] {
        guard let previous else { return [] }
        var sizes: [String: Int] = [:]
        for entry in previous.entries { sizes[entry.path] = entry.size }
        return manifest.entries.filter { entry in
            fileSystem.fileSize(FilePath.join(output, entry.path)) != sizes[entry.path]
        }.map(\.path)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
