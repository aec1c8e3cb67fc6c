/// One hash over everything a build reads: every file of Content/ and Templates/ (names and
/// bytes), the options that change output, and the generator's version. When it matches the
/// one stored with the last build, the output is already what a build would write.
public enum InputFingerprint {
    public static func compute(_ options: BuildOptions, fileSystem: FileSystem) -> String {
        var files: [String] = []
        for folder in [ContentLoader.contentFolder, TemplateLoader.folder] {
            guard let tree = try? fileSystem.walk(FilePath.join(options.root, folder)) else {
                files.append("\(folder)/ (missing)")
                continue
            }
            files += tree.files.map { "\(folder)/\($0)" } + tree.links.map { "\(folder)/\($0) (link)" }
        }
        let perFile = Parallel.map(files) { path -> String in
            let bytes = (try? fileSystem.readBytes(FilePath.join(options.root, path))) ?? []
            return "\(path) \(bytes.count) \(ContentHash.hex(bytes))"
        }
        let settings = "dermasite \(DermaSiteVersion.current) \(options.generatorIdentity) drafts=\(options.includeDrafts) "
            + "links=\(options.linksMustResolve) base=\(options.baseURL ?? "") today=\(options.today?.iso ?? "")"
        return ContentHash.hex(Array(([settings] + perFile).joined(separator: "\n").utf8))
    }
}

public enum DermaSiteVersion {
    public static let current = "0.1.0"
}
