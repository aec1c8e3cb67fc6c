/// Puts a built site into the output folder without ever leaving it half-written by a failed build.
///
/// Rendering finishes before anything is written. The files that differ from the output's manifest
/// are then written into a staging folder beside the output and moved in one by one with rename(2),
/// which replaces a file atomically; files the previous build wrote and this one did not are then
/// removed. Unchanged files are not touched, so a no-change rebuild writes nothing, and the output
/// folder itself stays the same folder (a server already serving it keeps working).
public struct OutputWriter: Sendable {
    public let fileSystem: FileSystem
    /// The output folder, e.g. `/site/Public`.
    public let output: String
    /// Display name of the output folder for messages.
    public let displayName: String

    public init(fileSystem: FileSystem, output: String, displayName: String) {
        self.fileSystem = fileSystem
        self.output = output
        self.displayName = displayName
    }

    static let stagingPrefix = ".dermasite-staging-"

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
        let names = ((try? fileSystem.list(output)) ?? []).filter { !$0.hasPrefix(Self.stagingPrefix) }
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
        // Staged inside the output, so every move is a rename within one file system even when the
        // output folder is a mount point of its own.
        let staging = FilePath.join(output, "\(Self.stagingPrefix)\(getpid())")
        do {
            try fileSystem.createDirectory(output)
            for name in (try? fileSystem.list(output)) ?? [] where name.hasPrefix(Self.stagingPrefix) {
                try fileSystem.remove(FilePath.join(output, name))  // left by a build that was killed
            }
            try fileSystem.createDirectory(staging)
            let toWrite = files.filter { changed.contains($0.path) }.sorted { $0.path < $1.path }
            try writeAll(toWrite, into: staging)
            try fileSystem.write(Array(manifest.text.utf8), to: FilePath.join(staging, Manifest.fileName))
            try removeAll(stale, keeping: newPaths)
            try moveAll(toWrite.map(\.path) + [Manifest.fileName], from: staging)
            try fileSystem.remove(staging)
        } catch let failure as BuildFailure {
            try? fileSystem.remove(staging)
            throw failure
        } catch {
            try? fileSystem.remove(staging)
            throw BuildFailure(step: "write output", diagnostics: [.error(displayName, "\(error)")])
        }
        return Report(manifest: manifest, filesWritten: files.count, filesChanged: changed.count, filesRemoved: stale.count)
    }

    /// The last build's manifest when that build had exactly these inputs and its files are all
    /// still there at the size it wrote them.
    public func isUpToDate(inputs: InputFingerprint) -> Manifest? {
        guard let previous = previousManifest(),
              previous.quickInputs == inputs.quick || previous.inputs == inputs.full(fileSystem: fileSystem),
              previous.entries.allSatisfy({ fileSystem.fileSize(FilePath.join(output, $0.path)) == $0.size }) else { return nil }
        return previous
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

    private func hasLinkedAncestor(_ path: String) -> Bool {
        var folder = FilePath.directory(of: path)
        while !folder.isEmpty {
            if fileSystem.isSymbolicLink(FilePath.join(output, folder)) { return true }
            folder = FilePath.directory(of: folder)
        }
        return false
    }

    private func writeAll(_ files: [OutputFile], into folder: String) throws {
        let fileSystem = self.fileSystem
        // Folders level by level (parents first), each level in parallel: mkdir dominates small pages.
        var byDepth: [Int: Set<String>] = [:]
        for file in files {
            var parent = FilePath.directory(of: file.path)
            while !parent.isEmpty {
                byDepth[parent.split(separator: "/").count, default: []].insert(parent)
                parent = FilePath.directory(of: parent)
            }
        }
        for depth in byDepth.keys.sorted() {
            _ = try Parallel.map(byDepth[depth]!.sorted()) { try fileSystem.createDirectory(FilePath.join(folder, $0)) }
        }
        _ = try Parallel.map(files) { file in try fileSystem.write(file.bytes, to: FilePath.join(folder, file.path)) }
    }

    private func moveAll(_ paths: [String], from staging: String) throws {
        var ready: Set<String> = [""]
        var movedFolders = Set<String>()
        for path in paths {
            // A folder the output does not have yet holds only new files: move it in one rename.
            if let folder = newFolder(for: path, moved: movedFolders) {
                if !movedFolders.contains(folder) {
                    try prepareFolders(for: folder, ready: &ready)
                    try fileSystem.move(from: FilePath.join(staging, folder), to: FilePath.join(output, folder))
                    movedFolders.insert(folder)
                }
                continue
            }
            try prepareFolders(for: path, ready: &ready)
            let target = FilePath.join(output, path)
            if fileSystem.isSymbolicLink(target) || fileSystem.isDirectory(target) { try fileSystem.remove(target) }
            try fileSystem.move(from: FilePath.join(staging, path), to: target)
        }
    }

    /// The outermost folder on the way to `path` that is missing from the output (or already moved).
    private func newFolder(for path: String, moved: Set<String>) -> String? {
        var folders: [String] = []
        var folder = FilePath.directory(of: path)
        while !folder.isEmpty {
            folders.append(folder)
            folder = FilePath.directory(of: folder)
        }
        for folder in folders.reversed() {
            if moved.contains(folder) { return folder }
            let full = FilePath.join(output, folder)
            if !fileSystem.exists(full) && !fileSystem.isSymbolicLink(full) { return folder }
        }
        return nil
    }

    /// Makes every folder on the way to `path` a real folder inside the output: a file or a
    /// symbolic link in the way (left by hand, or by an older build) is replaced, never followed.
    private func prepareFolders(for path: String, ready: inout Set<String>) throws {
        var folders: [String] = []
        var folder = FilePath.directory(of: path)
        while !ready.contains(folder) {
            folders.append(folder)
            folder = FilePath.directory(of: folder)
        }
        for folder in folders.reversed() {
            let full = FilePath.join(output, folder)
            if fileSystem.isSymbolicLink(full) || (fileSystem.exists(full) && !fileSystem.isDirectory(full)) {
                try fileSystem.remove(full)
            }
            try fileSystem.createDirectory(full)
            ready.insert(folder)
        }
    }

    /// Removes files of the previous build, then any folders that leaves empty. A path that is now a
    /// folder of the new build (a file became a folder) is left alone, and nothing is followed
    /// through a symbolic link.
    private func removeAll(_ paths: [String], keeping newPaths: Set<String>) throws {
        var folders = Set<String>()
        for path in paths {
            let full = FilePath.join(output, path)
            if hasLinkedAncestor(path) { continue }
            if fileSystem.isDirectory(full) && !fileSystem.isSymbolicLink(full) { continue }
            try fileSystem.remove(full)
            var folder = FilePath.directory(of: path)
            while !folder.isEmpty {
                folders.insert(folder)
                folder = FilePath.directory(of: folder)
            }
        }
        let neededFolders = Set(newPaths.flatMap { path -> [String] in
            var out: [String] = []
            var folder = FilePath.directory(of: path)
            while !folder.isEmpty { out.append(folder); folder = FilePath.directory(of: folder) }
            return out
        })
        for folder in folders.sorted(by: { $0.count > $1.count }) where !neededFolders.contains(folder) {
            let full = FilePath.join(output, folder)
            if !fileSystem.isSymbolicLink(full), fileSystem.isDirectory(full), (try? fileSystem.list(full))?.isEmpty == true {
                try fileSystem.remove(full)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
