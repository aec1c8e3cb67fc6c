/// Reads Templates/: `*.mustache` files by name, and the theme assets under Templates/assets.
public enum TemplateLoader {
    public static let folder = "Templates"

    public static func load(root: String, fileSystem: FileSystem) -> (TemplateSource, [ThemeAsset], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [TemplateSource.File] = []
        var assets: [ThemeAsset] = []
        let base = FilePath.join(root, folder)
        guard fileSystem.isDirectory(base) else {
            return (TemplateSource(files: []), [], [.error(folder, "missing Templates folder")])
        }
        let tree: (files: [String], links: [String])
        do {
            tree = try fileSystem.walk(base)
        } catch {
            return (TemplateSource(files: []), [], [.error(folder, "cannot read: \(error)")])
        }
        for link in tree.links {
            diagnostics.append(.error("\(folder)/\(link)", "symbolic links are not followed"))
        }
        for file in tree.files {
            let path = "\(folder)/\(file)"
            guard let bytes = try? fileSystem.readBytes(FilePath.join(base, file)) else {
                diagnostics.append(.error(path, "cannot read file"))
                continue
            }
            if file.hasPrefix("assets/") {
                assets.append(ThemeAsset(sourcePath: file, bytes: bytes))
            } else if file.hasSuffix(".mustache") {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    let (line, column) = ContentLoader.firstInvalidUTF8(bytes)
                    diagnostics.append(.error(path, line: line, column: column, "not valid UTF-8 text; save the file as UTF-8"))
                    continue
                }
                let name = String(file.dropLast(".mustache".count))
                templates.append(.init(name: name, path: path, text: FrontMatterSplitter.normalizeText(text)))
            }
        }
        return (TemplateSource(files: templates), assets, diagnostics)
    }
}
