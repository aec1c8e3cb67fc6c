@testable import DermaSite
import Testing

/// The partial re-walk of Content/: after each change, the tree the cache keeps must be the tree a
/// full walk finds.
@Suite struct ContentCacheTests {
    func fullWalk(_ fs: MemoryFileSystem) throws -> ContentTree {
        try ContentCache().tree(root: "site/Content", folder: "Content", fileSystem: fs, changes: .everything)
    }

    @Test func eachPartialWalkEqualsAFullWalk() throws {
        let fs = MemoryFileSystem(["site/Content/articles/a.md": "A", "site/Content/images/x.png": "X",
                                   "site/Content/site.yml": "title: T"])
        let cache = ContentCache()
        _ = try cache.tree(root: "site/Content", folder: "Content", fileSystem: fs, changes: .everything)
        // Each step: what changes on disk, and the paths a watcher reports for it.
        let steps: [(String, () throws -> Void, [String])] = [
            ("save an existing file", { try fs.write(Array("A2".utf8), to: "site/Content/articles/a.md") }, ["Content/articles/a.md"]),
            ("a new file", { try fs.write(Array("B".utf8), to: "site/Content/articles/b.md") }, ["Content/articles/b.md"]),
            ("a new folder with files, reported as the folder", {
                try fs.write(Array("1".utf8), to: "site/Content/guides/one/index.md")
                try fs.write(Array("2".utf8), to: "site/Content/guides/two.md")
            }, ["Content/guides"]),
            ("a deleted file", { try fs.remove("site/Content/images/x.png") }, ["Content/images/x.png"]),
            ("a deleted folder", { try fs.remove("site/Content/guides") }, ["Content/guides"]),
            ("a hidden file is skipped", { try fs.write(Array("h".utf8), to: "site/Content/.hidden.md") }, ["Content/.hidden.md"]),
            ("a change outside Content/", { try fs.write(Array("t".utf8), to: "site/Templates/x.mustache") }, ["Templates/x.mustache"]),
            ("a file replaced by a folder", {
                try fs.remove("site/Content/articles/b.md")
                try fs.write(Array("c".utf8), to: "site/Content/articles/b.md/c.md")
            }, ["Content/articles/b.md"]),
        ]
        for (what, change, reported) in steps {
            try change()
            let partial = try cache.tree(root: "site/Content", folder: "Content", fileSystem: fs, changes: .paths(Set(reported)))
            let full = try fullWalk(fs)
            #expect(partial.files == full.files, "\(what)")
            #expect(partial.links == full.links, "\(what)")
        }
        #expect(try fullWalk(fs).files == ["articles/a.md", "articles/b.md/c.md", "site.yml"])
    }
}
