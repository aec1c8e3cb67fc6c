import Foundation

/// Reads the theme: the default one built into the tool, with each file of the site's Templates/
/// in place of the built-in file of the same name (as Hugo's and Zola's themes work), so a site
/// holds only what it changes. `*.mustache` files are templates; files under assets/ are assets.
public enum TemplateLoader {
    public static let folder = "Templates"

    /// The default theme's files, below Templates/: `pages/home.mustache`, `assets/style.css`.
    public static let builtIn: [(path: String, bytes: [UInt8])] = DefaultTheme.files.map {
        ($0.path, Array(Data(base64Encoded: $0.base64) ?? Data()))
    }

    /// Changes when the built-in theme does, so a site built before is built again.
    public static let builtInHash = ContentHash.hex(builtIn.flatMap { Array($0.path.utf8) + [0] + $0.bytes })

    public static func load(root: String, fileSystem: FileSystem) -> (TemplateSource, [ThemeAsset], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [TemplateSource.File] = []
        var assets: [ThemeAsset] = []
        let base = FilePath.join(root, folder)
        var tree: (files: [String], links: [String]) = ([], [])
        if fileSystem.isDirectory(base) {
            do {
                tree = try fileSystem.walk(base)
            } catch {
                return (TemplateSource(files: []), [], [.error(folder, "cannot read: \(error)")])
            }
        }
        let own = Set(tree.files)
        for (file, bytes) in builtIn where !own.contains(file) {
            if file.hasPrefix("assets/") {
                assets.append(ThemeAsset(sourcePath: file, bytes: bytes))
            } else if file.hasSuffix(".mustache") {
                templates.append(.init(name: String(file.dropLast(".mustache".count)), path: "\(folder)/\(file) (built in)",
                                       text: String(decoding: bytes, as: UTF8.self)))
            }
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
        // One order whatever came from where, so the output does not depend on which files a site overrides.
        templates.sort { $0.name < $1.name }
        assets.sort { $0.sourcePath < $1.sourcePath }
        return (TemplateSource(files: templates), assets, diagnostics)
    }
}
