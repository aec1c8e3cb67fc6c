/// Reads Content/: the articles (front matter split and decoded) and the files copied as they are.
public enum ContentLoader {
    public static let contentFolder = "Content"
    public static let articlesFolder = "Content/articles"
    /// Pages that are not articles (About us, Accessibility): published at the site's top level.
    public static let pagesFolder = "Content/pages"
    /// Data sets live here; they are read by the generator, not published.
    public static let dataFolder = "Content/data"

    public struct Result: Sendable {
        public var articles: [Article] = []
        /// Relative to Content/.
        public var staticFiles: [String] = []
        public var diagnostics: [Diagnostic] = []
        /// Drafts left out because drafts were not asked for.
        public var draftsSkipped = 0
        /// Their files, so a link to one can say it is a draft.
        public var draftPaths: [String] = []
    }

    public static func load(root: String, fileSystem: FileSystem, includeDrafts: Bool) -> Result {
        load(root: root, fileSystem: fileSystem, includeDrafts: includeDrafts, cache: ContentCache(), changes: .everything)
    }

    /// Loads Content/, re-reading only what `changes` names when `cache` holds an earlier load.
    static func load(root: String, fileSystem: FileSystem, includeDrafts: Bool, cache: ContentCache,
                     changes: ChangeSet) -> Result {
        var result = Result()
        let contentRoot = FilePath.join(root, contentFolder)
        guard fileSystem.isDirectory(contentRoot) else {
            cache.reset()
            result.diagnostics.append(.error(contentFolder, "missing Content folder"))
            return result
        }
        let tree: ContentTree
        do {
            tree = try cache.tree(root: contentRoot, folder: contentFolder, fileSystem: fileSystem, changes: changes)
        } catch {
            cache.reset()
            result.diagnostics.append(.error(contentFolder, "cannot read: \(error)"))
            return result
        }
        let classified = cache.classified ?? classify(tree)
        cache.classified = classified
        result.diagnostics = classified.diagnostics
        result.staticFiles = classified.staticFiles
        let articlePaths = classified.articlePaths
        let stale: [String]
        if case let .paths(paths) = changes, cache.articles.count == articlePaths.count,
           paths.allSatisfy({ classified.articleSet.contains($0) || !isMarkdownFolder($0) }) {
            stale = paths.filter { classified.articleSet.contains($0) }.sorted()
        } else {
            stale = articlePaths.filter { cache.articles[$0] == nil || changes.contains($0) }
        }
        let parsed = Parallel.map(stale) { path -> ContentCache.Read in
            var diagnostics: [Diagnostic] = []
            let article = loadArticle(path: path, root: root, fileSystem: fileSystem, diagnostics: &diagnostics)
            return ContentCache.Read(article: article, diagnostics: diagnostics)
        }
        cache.store(zip(stale, parsed), keeping: classified.articleSet)
        for (path, entry) in zip(articlePaths, cache.ordered(articlePaths, stale: stale)) {
            result.diagnostics += entry.diagnostics
            guard let article = entry.article else { continue }
            if includeDrafts || !article.meta.draft {
                result.articles.append(article)
            } else {
                result.draftsSkipped += 1
                result.draftPaths.append(path)
            }
        }
        return result
    }

    /// Sorts Content/'s files into articles and files copied as they are.
    private static func classify(_ tree: ContentTree)
        -> (articlePaths: [String], articleSet: Set<String>, staticFiles: [String], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        for link in tree.links {
            diagnostics.append(.error("\(contentFolder)/\(link)",
                "symbolic links are not followed; copy the file into Content/ instead"))
        }
        var articlePaths: [String] = []
        var staticFiles: [String] = []
        for file in tree.files {
            let path = "\(contentFolder)/\(file)"
            if file == "site.yml" || path.hasPrefix(dataFolder + "/") { continue }
            if file.hasSuffix(".md") {
                if path.hasPrefix(articlesFolder + "/") || path.hasPrefix(pagesFolder + "/") {
                    articlePaths.append(path)
                } else {
                    diagnostics.append(.warning(path, "Markdown outside Content/articles and Content/pages is not published"))
                }
            } else {
                staticFiles.append(file)
            }
        }
        return (articlePaths, Set(articlePaths), staticFiles, diagnostics)
    }

    /// Whether a changed path may add, remove or change an article or page.
    private static func isMarkdownFolder(_ path: String) -> Bool {
        let change = ChangeSet.paths([path])
        return change.touches(articlesFolder) || change.touches(pagesFolder)
    }

    /// Parses one article; nil only when the file cannot be read or split at all.
    public static func loadArticle(path: String, root: String, fileSystem: FileSystem,
                                   diagnostics: inout [Diagnostic]) -> Article? {
        guard let bytes = try? fileSystem.readBytes(FilePath.join(root, path)) else {
            diagnostics.append(.error(path, "cannot read file"))
            return nil
        }
        return parseArticle(bytes: bytes, path: path, diagnostics: &diagnostics)
    }

    public static func parseArticle(bytes: [UInt8], path: String, diagnostics: inout [Diagnostic]) -> Article? {
        guard let raw = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            diagnostics.append(.error(path, line: line, column: column, "not valid UTF-8 text; save the file as UTF-8"))
            return nil
        }
        if let nul = raw.utf8Offset(of: "\u{0}") {
            let prefix = bytes[..<nul]
            let line = prefix.filter { $0 == 10 }.count + 1
            diagnostics.append(.error(path, line: line, "the file contains a NUL byte; it is not a text file"))
            return nil
        }
        let text = FrontMatterSplitter.normalizeText(raw)
        if let (line, length) = longestLine(text, over: maxLineBytes) {
            diagnostics.append(.error(path, line: line, column: 1,
                "this line is \(length) bytes long (at most \(maxLineBytes)); break it into paragraphs, or the Markdown parser slows to minutes"))
            return nil
        }
        switch FrontMatterSplitter.split(text) {
        case .failure(.unterminated):
            diagnostics.append(.error(path, line: 1, column: 1,
                "front matter opened with '---' is never closed; add a line with '---' after the last key"))
            return nil
        case let .success(parts):
            var meta = FrontMatter()
            if let yaml = parts.yaml {
                let (decoded, problems) = FrontMatterDecoder.decode(yaml: yaml, file: path, lineOffset: 1)
                meta = decoded
                diagnostics += problems
            } else {
                diagnostics.append(.error(path, line: 1, column: 1,
                    "missing front matter; start the file with '---', 'title: ...', 'date: YYYY-MM-DD', '---'"))
            }
            var stem = FilePath.splitExtension(FilePath.fileName(of: path)).stem
            // Jekyll's file names, YYYY-MM-DD-slug.md, give the date and the slug the front matter leaves out.
            if let (day, rest) = jekyllName(stem) {
                if meta.date == nil, !meta.keysPresent.contains("date") { meta.date = day }
                stem = rest
            }
            let slug = meta.slug ?? Slug.make(stem)
            return Article(sourcePath: path, meta: meta, body: parts.body, bodyLineOffset: parts.bodyLineOffset,
                           slug: slug, kind: path.hasPrefix(pagesFolder + "/") ? .page : .article)
        }
    }

    /// `2024-05-01-foot-drop` -> (2024-05-01, `foot-drop`).
    static func jekyllName(_ stem: String) -> (Day, String)? {
        let parts = stem.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, !parts[3].isEmpty,
              let day = Day(iso: "\(parts[0])-\(parts[1])-\(parts[2])") else { return nil }
        return (day, String(parts[3]))
    }

    /// Debian's cmark-gfm 0.29.0.gfm.6 takes time that grows with the square of a line's length
    /// when the line is full of inline markup (28 s for one 5 MB line of links). No article needs a
    /// line this long, so it is refused rather than left to hang a build.
    public static let maxLineBytes = 100_000

    private static func longestLine(_ text: String, over limit: Int) -> (line: Int, length: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (Int, Int)? in
            var line = 1, start = 0
            while start <= bytes.count {
                // memchr: this reads every article on every build.
                let end = bytes.index(of: 10, from: start)
                if end - start > limit { return (line, end - start) }
                line += 1
                start = end + 1
            }
            return nil
        }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            let end = i + length
            let valid = length > 0 && end <= bytes.count
                && (length == 1 || String(validating: bytes[i..<end], as: UTF8.self) != nil)
            if !valid { return (line, i - lineStart + 1) }
            if b == 10 { line += 1; lineStart = i + 1 }
            i = end
        }
        return (line, 1)
    }
}
