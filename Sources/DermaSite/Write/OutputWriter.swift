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

    public struct Report: Sendable {
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
        let names = (try? fileSystem.list(output)) ?? []
        if names.isEmpty || names.contains(Manifest.fileName) { return nil }
        return .error(displayName,
            "refusing to replace this folder: it is not empty and was not written by dermasite (no \(Manifest.fileName)); choose another --output or empty it")
    }

    public func write(_ files: [OutputFile], inputs: String? = nil, warnings: [Diagnostic] = []) throws -> Report {
        if let refusal = checkOutputIsOurs() { throw BuildFailure(step: "write output", diagnostics: [refusal]) }
        let manifest = Manifest(files: files, inputs: inputs, warnings: warnings)
        let previous = previousManifest()
        let changed = Set(manifest.changed(since: previous)).union(missingOnDisk(manifest, previous: previous))
        let newPaths = Set(manifest.entries.map(\.path))
        let stale = (previous?.entries ?? []).map(\.path).filter { !newPaths.contains($0) }
        let staging = FilePath.join(FilePath.directory(of: output), ".\(FilePath.fileName(of: output)).staging-\(getpid())")
        do {
            try fileSystem.remove(staging)
            try fileSystem.createDirectory(staging)
            let toWrite = files.filter { changed.contains($0.path) }.sorted { $0.path < $1.path }
            try writeAll(toWrite, into: staging)
            try fileSystem.write(Array(manifest.text.utf8), to: FilePath.join(staging, Manifest.fileName))
            if fileSystem.exists(output) {
                try moveAll(toWrite.map(\.path) + [Manifest.fileName], from: staging)
                try removeAll(stale)
                try fileSystem.remove(staging)
            } else {
                try fileSystem.move(from: staging, to: output)
            }
        } catch let failure as BuildFailure {
            try? fileSystem.remove(staging)
            throw failure
        } catch {
            try? fileSystem.remove(staging)
            throw BuildFailure(step: "write output", diagnostics: [.error(displayName, "\(error)")])
        }
        return Report(filesWritten: files.count, filesChanged: changed.count, filesRemoved: stale.count)
    }

    /// True when the last build was of exactly these inputs and its files are all still there.
    public func isUpToDate(inputs: String) -> Manifest? {
        guard let previous = previousManifest(), previous.inputs == inputs,
              previous.entries.allSatisfy({ fileSystem.exists(FilePath.join(output, $0.path)) }) else { return nil }
        return previous
    }

    /// Files the manifest says are there but someone removed or resized by hand.
    private func missingOnDisk(_ manifest: Manifest, previous: Manifest?) -> [String] {
        guard previous != nil else { return [] }
        return manifest.entries.filter { !fileSystem.exists(FilePath.join(output, $0.path)) }.map(\.path)
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
        var created: Set<String> = [output]
        for path in paths {
            let target = FilePath.join(output, path)
            let parent = FilePath.directory(of: target)
            if !created.contains(parent) {
                if !fileSystem.isDirectory(parent) {
                    try fileSystem.remove(parent)  // a file where a folder must go
                    try fileSystem.createDirectory(parent)
                }
                created.insert(parent)
            }
            if fileSystem.isDirectory(target) { try fileSystem.remove(target) }
            try fileSystem.move(from: FilePath.join(staging, path), to: target)
        }
    }

    /// Removes files of the previous build, then any folders that leaves empty.
    private func removeAll(_ paths: [String]) throws {
        var folders = Set<String>()
        for path in paths {
            try fileSystem.remove(FilePath.join(output, path))
            var folder = FilePath.directory(of: path)
            while !folder.isEmpty {
                folders.insert(folder)
                folder = FilePath.directory(of: folder)
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let full = FilePath.join(output, folder)
            if fileSystem.isDirectory(full), (try? fileSystem.list(full))?.isEmpty == true {
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
