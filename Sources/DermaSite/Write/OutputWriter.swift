/// Writes a built site into a staging folder beside the output and swaps it in only when every
/// file was written, so a failed build leaves the previous output exactly as it was.
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

    public func write(_ files: [OutputFile]) throws -> Report {
        if let refusal = checkOutputIsOurs() { throw BuildFailure(step: "write output", diagnostics: [refusal]) }
        let manifest = Manifest(files: files)
        let previous = previousManifest()
        let parent = FilePath.directory(of: output)
        let name = FilePath.fileName(of: output)
        let pid = String(getpid())
        let staging = FilePath.join(parent, ".\(name).staging-\(pid)")
        let retired = FilePath.join(parent, ".\(name).old-\(pid)")
        do {
            try fileSystem.remove(staging)
            try fileSystem.createDirectory(staging)
            var created: Set<String> = [staging]
            for file in files.sorted(by: { $0.path < $1.path }) {
                let target = FilePath.join(staging, file.path)
                let folder = FilePath.directory(of: target)
                if !created.contains(folder) {
                    try fileSystem.createDirectory(folder)
                    created.insert(folder)
                }
                try fileSystem.write(file.bytes, to: target)
            }
            try fileSystem.write(Array(manifest.text.utf8), to: FilePath.join(staging, Manifest.fileName))
            try swapIn(staging: staging, retired: retired)
        } catch let failure as BuildFailure {
            try? fileSystem.remove(staging)
            throw failure
        } catch {
            try? fileSystem.remove(staging)
            throw BuildFailure(step: "write output", diagnostics: [.error(displayName, "\(error)")])
        }
        let newPaths = Set(manifest.entries.map(\.path))
        let removed = previous?.entries.filter { !newPaths.contains($0.path) }.count ?? 0
        return Report(filesWritten: files.count, filesChanged: manifest.changed(since: previous).count,
                      filesRemoved: removed)
    }

    private func swapIn(staging: String, retired: String) throws {
        guard fileSystem.exists(output) else {
            try fileSystem.move(from: staging, to: output)
            return
        }
        try fileSystem.remove(retired)
        try fileSystem.move(from: output, to: retired)
        do {
            try fileSystem.move(from: staging, to: output)
        } catch {
            try? fileSystem.move(from: retired, to: output)
            throw error
        }
        try? fileSystem.remove(retired)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
