/// What a build reads: every file of Content/ and Templates/, the options that change output,
/// and the generator's version. When it matches what was stored with the last build, the output
/// is already what a build would write.
///
/// Two strengths: `quick` hashes names, sizes and modification times (a stat per file); `full`
/// hashes the bytes. A build first compares the quick one, and reads the files only when it
/// differs, so touching a file without changing it costs a read, not a rebuild.
public struct InputFingerprint: Sendable {
    public let quick: String
    private let files: [String]
    private let settings: String
    private let root: String
    private var fullHash: String?

    public init(_ options: BuildOptions, fileSystem: FileSystem) {
        // Each entry's line: its path, size and time (-1 for what has none).
        var files: [String] = [], stats: [String] = []
        for folder in [ContentLoader.contentFolder, TemplateLoader.folder] {
            guard let tree = try? fileSystem.walkWithStats(FilePath.join(options.root, folder)) else {
                files.append("\(folder)/ (missing)")
                stats.append("\(folder)/ (missing) -1 -1")
                continue
            }
            for file in tree.files {
                let path = "\(folder)/\(file.path)"
                files.append(path)
                stats.append("\(path) \(file.size ?? -1) \(file.modified ?? -1)")
            }
            for link in tree.links {
                files.append("\(folder)/\(link) (link)")
                stats.append("\(folder)/\(link) (link) -1 -1")
            }
        }
        let settings = "dermasite \(DermaSiteVersion.current) \(options.generatorIdentity) theme=\(TemplateLoader.builtInHash) drafts=\(options.includeDrafts) "
            + "links=\(options.linksMustResolve) base=\(options.baseURL ?? "") today=\(options.today?.iso ?? "")"
        let root = options.root
        quick = ContentHash.hex(Array(([settings] + stats).joined(separator: "\n").utf8))
        self.files = files
        self.settings = settings
        self.root = root
    }

    /// Reads every input file (once): only needed when the quick fingerprint changed.
    public mutating func full(fileSystem: FileSystem) -> String {
        if let fullHash { return fullHash }
        let hash = computeFull(fileSystem: fileSystem)
        fullHash = hash
        return hash
    }

    private func computeFull(fileSystem: FileSystem) -> String {
        let root = self.root
        let perFile = Parallel.map(files) { path -> String in
            let bytes = (try? fileSystem.readBytes(FilePath.join(root, path))) ?? []
            return "\(path) \(bytes.count) \(ContentHash.fileHex(bytes))"
        }
        return ContentHash.hex(Array(([settings] + perFile).joined(separator: "\n").utf8))
    }
}

import Foundation

public enum DermaSiteVersion {
    public static let current = "0.1.0"
}
