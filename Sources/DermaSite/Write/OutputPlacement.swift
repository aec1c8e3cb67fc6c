/// Where the output may go: never inside the site's inputs (the next build would publish its own
/// output as content) and never around the site itself (a build would replace it). Compared as
/// real paths, so `./`, `..`, doubled slashes and symbolic links cannot hide the folder.
enum OutputPlacement {
    static func problems(output: String, root: String, displayName: String, fileSystem: FileSystem) -> [Diagnostic] {
        let out = fileSystem.resolvedPath(output), site = fileSystem.resolvedPath(root)
        func isInside(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/") }
        var problems: [Diagnostic] = []
        for folder in [ContentLoader.contentFolder, TemplateLoader.folder] where isInside(out, fileSystem.resolvedPath(FilePath.join(root, folder))) {
            problems.append(.error(displayName, "the output cannot be inside \(folder)/: the site would publish itself; choose another --output"))
        }
        if isInside(site, out) {
            problems.append(.error(displayName, "the output cannot be the site folder or a folder around it: a build would replace the site; choose another --output, such as Public"))
        }
        return problems
    }
}
