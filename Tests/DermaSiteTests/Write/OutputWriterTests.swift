@testable import DermaSite
import Testing

@Suite struct OutputWriterTests {
    @Test func writesThenReplacesAndRemovesStaleFiles() throws {
        let fs = MemoryFileSystem()
        let writer = OutputWriter(fileSystem: fs, output: "site/Public", displayName: "Public")
        let first = try writer.write([OutputFile(path: "a/index.html", text: "A"), OutputFile(path: "b.txt", text: "B")])
        #expect(first.filesChanged == 2)
        #expect(try fs.readText("site/Public/a/index.html") == "A")
        #expect(fs.exists("site/Public/.dermasite-manifest"))

        let second = try writer.write([OutputFile(path: "a/index.html", text: "A2")])
        #expect(second.filesChanged == 1 && second.filesRemoved == 1)
        #expect(!fs.exists("site/Public/b.txt"))
        #expect(try fs.list("site") == ["Public"])  // no staging or retired folder left behind
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let fs = MemoryFileSystem(["home/Documents/letter.txt": "precious"])
        let writer = OutputWriter(fileSystem: fs, output: "home/Documents", displayName: "Documents")
        #expect(throws: BuildFailure.self) { try writer.write([OutputFile(path: "index.html", text: "x")]) }
        #expect(try fs.readText("home/Documents/letter.txt") == "precious")
        #expect(!fs.exists("home/Documents/index.html"))
    }

    @Test func manifestRoundTrips() {
        let manifest = Manifest(files: [OutputFile(path: "z.html", text: "z"), OutputFile(path: "a b.html", text: "a")])
        #expect(manifest.entries.map(\.path) == ["a b.html", "z.html"])
        #expect(Manifest(text: manifest.text) == manifest)
        #expect(manifest.changed(since: manifest).isEmpty)
    }
}
