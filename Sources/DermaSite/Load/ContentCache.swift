/// The files of a folder, relative to it: regular files and, separately, symbolic links.
struct ContentTree: Sendable {
    var files: [String]
    var links: [String]
}

/// What loading Content/ found last time: the file tree and each article as parsed, so a rebuild
/// re-reads only the files that changed.
final class ContentCache {
    /// A class, so looking an article up does not copy its diagnostics.
    final class Parsed: Sendable {
        let article: Article?
        let diagnostics: [Diagnostic]
        /// A new number each time the file is read again.
        let version: Int
        let uses: MarkdownUses

        init(_ read: Read, version: Int) {
            article = read.article
            diagnostics = read.diagnostics
            self.version = version
            uses = read.uses
        }
    }

    /// One article file as read, before it is numbered.
    struct Read: Sendable {
        var article: Article?
        var diagnostics: [Diagnostic]
        /// Found where the file is read, on every core: searching thousands of bodies in `store`,
        /// on one, was a twentieth of a large build.
        var uses: MarkdownUses

        init(article: Article?, diagnostics: [Diagnostic]) {
            self.article = article
            self.diagnostics = diagnostics
            uses = article.map { MarkdownUses(body: $0.body) } ?? .all
        }
    }

    /// Numbers the articles as they are read; shared with the build cache so numbers never repeat.
    var nextVersion: () -> Int = { 0 }

    private(set) var articles: [String: Parsed] = [:]
    private var cachedTree: ContentTree?
    private var treeFiles: Set<String> = []
    /// The tree sorted into articles, copied files and warnings, while the tree stays the same.
    var classified: (articlePaths: [String], articleSet: Set<String>, staticFiles: [String], diagnostics: [Diagnostic])?

    /// The parsed articles in the order of `classified.articlePaths`, kept beside `articles` so a
    /// load walks an array instead of looking thousands of paths up.
    private var inOrder: [Parsed] = []
    private var inOrderPaths: [String] = []
    private var orderIndex: [String: Int] = [:]

    /// The parsed articles at `paths`, in order; `stale` are the only ones stored since the last call.
    func ordered(_ paths: [String], stale: [String]) -> [Parsed] {
        if paths == inOrderPaths, inOrder.count == paths.count {
            for path in stale { if let at = orderIndex[path] { inOrder[at] = articles[path]! } }
        } else {
            inOrder = paths.map { articles[$0]! }
            inOrderPaths = paths
            orderIndex = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return inOrder
    }

    func reset() {
        (inOrder, inOrderPaths, orderIndex) = ([], [], [:])
        articles = [:]
        cachedTree = nil
        treeFiles = []
        classified = nil
    }

    func store<S: Sequence>(_ read: S, keeping paths: Set<String>) where S.Element == (String, Read) {
        for (path, entry) in read { articles[path] = Parsed(entry, version: nextVersion()) }
        if articles.count != paths.count { articles = articles.filter { paths.contains($0.key) } }
    }

    /// The tree of `root` (the folder `folder` of the site), walked again only where `changes` says.
    func tree(root: String, folder: String, fileSystem: FileSystem, changes: ChangeSet) throws -> ContentTree {
        guard var tree = cachedTree, case let .paths(paths) = changes, !changes.contains(folder) else {
            let walked = try fileSystem.walk(root)
            store(ContentTree(files: walked.files, links: walked.links))
            return cachedTree!
        }
        let inside = paths.filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) }
        guard !inside.isEmpty else { return tree }
        // Saving a file the tree already has, the usual edit, leaves the tree as it is.
        if inside.allSatisfy({ treeFiles.contains($0) && !fileSystem.isSymbolicLink(FilePath.join(root, $0))
                               && fileSystem.fileSize(FilePath.join(root, $0)) != nil }) {
            return tree
        }
        var files = Set(tree.files), links = Set(tree.links)
        for path in inside {
            let below = path + "/"
            files = files.filter { $0 != path && !$0.hasPrefix(below) }
            links = links.filter { $0 != path && !$0.hasPrefix(below) }
            // Hidden names are skipped as a full walk skips them.
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") && $0 != ".well-known" }) { continue }
            let full = FilePath.join(root, path)
            if fileSystem.isSymbolicLink(full) {
                links.insert(path)
            } else if fileSystem.isDirectory(full) {
                let walked = try fileSystem.walk(full)
                files.formUnion(walked.files.map { below + $0 })
                links.formUnion(walked.links.map { below + $0 })
            } else if fileSystem.exists(full) {
                files.insert(path)
            }
        }
        tree = ContentTree(files: files.sorted(), links: links.sorted())
        store(tree)
        return tree
    }

    private func store(_ tree: ContentTree) {
        cachedTree = tree
        treeFiles = Set(tree.files)
        classified = nil
    }
}
