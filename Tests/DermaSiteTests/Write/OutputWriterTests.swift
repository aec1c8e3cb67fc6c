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
        #expect(try fs.list("site") == ["Public"])  // nothing left beside the output…
        #expect(try fs.list("site/Public").allSatisfy { !$0.hasPrefix(".dermasite-staging") })  // …or in it
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let fs = MemoryFileSystem(["home/Documents/letter.txt": "precious"])
        let writer = OutputWriter(fileSystem: fs, output: "home/Documents", displayName: "Documents")
        #expect(throws: BuildFailure.self) { try writer.write([OutputFile(path: "index.html", text: "x")]) }
        #expect(try fs.readText("home/Documents/letter.txt") == "precious")
        #expect(!fs.exists("home/Documents/index.html"))
    }

    @Test func aTamperedManifestCannotDeleteOutsideTheOutput() throws {
        let fs = MemoryFileSystem(["site/victim.txt": "keep", "elsewhere/keep.txt": "keep"])
        let writer = OutputWriter(fileSystem: fs, output: "site/Public", displayName: "Public")
        _ = try writer.write([OutputFile(path: "a.html", text: "A")])
        let manifest = try fs.readText("site/Public/.dermasite-manifest")
        try fs.write(Array((manifest + "0000000000000000 4 ../victim.txt\n0000000000000000 4 /elsewhere/keep.txt\n").utf8),
                     to: "site/Public/.dermasite-manifest")
        #expect(writer.previousManifest() == nil)
        _ = try writer.write([OutputFile(path: "b.html", text: "B")])
        #expect(fs.exists("site/victim.txt") && fs.exists("elsewhere/keep.txt"))
    }

    @Test func aFileCanBecomeAFolder() throws {
        let fs = MemoryFileSystem()
        let writer = OutputWriter(fileSystem: fs, output: "Public", displayName: "Public")
        _ = try writer.write([OutputFile(path: "guide", text: "a file")])
        let report = try writer.write([OutputFile(path: "guide/x.png", text: "now a folder")])
        #expect(report.filesRemoved == 1)
        #expect(try fs.readText("Public/guide/x.png") == "now a folder")
    }

    @Test func aHandEditedOutputFileIsRewritten() throws {
        let fs = MemoryFileSystem(["site/Content/a.md": "A", "site/Templates/t.mustache": "T"])
        let writer = OutputWriter(fileSystem: fs, output: "site/Public", displayName: "Public")
        var inputs = InputFingerprint(BuildOptions(root: "site"), fileSystem: fs)
        let files = [OutputFile(path: "robots.txt", text: "User-agent: *\n")]
        _ = try writer.write(files, inputs: inputs.full(fileSystem: fs), quickInputs: inputs.quick)
        #expect(writer.isUpToDate(inputs: &inputs) != nil)
        try fs.write(Array("hacked\n".utf8), to: "site/Public/robots.txt")
        #expect(writer.isUpToDate(inputs: &inputs) == nil)
        _ = try writer.write(files, inputs: inputs.full(fileSystem: fs), quickInputs: inputs.quick)
        #expect(try fs.readText("site/Public/robots.txt") == "User-agent: *\n")
    }

    @Test func touchedButUnchangedInputsAreStillUpToDate() throws {
        let fs = MemoryFileSystem(["site/Content/a.md": "A"])
        let writer = OutputWriter(fileSystem: fs, output: "site/Public", displayName: "Public")
        var first = InputFingerprint(BuildOptions(root: "site"), fileSystem: fs)
        _ = try writer.write([OutputFile(path: "a.html", text: "A")], inputs: first.full(fileSystem: fs), quickInputs: first.quick)
        try fs.write(Array("A".utf8), to: "site/Content/a.md")  // same bytes, newer time
        var touched = InputFingerprint(BuildOptions(root: "site"), fileSystem: fs)
        #expect(touched.quick != first.quick)
        #expect(writer.isUpToDate(inputs: &touched) != nil)
        try fs.write(Array("B".utf8), to: "site/Content/a.md")
        var other = InputFingerprint(BuildOptions(root: "site"), fileSystem: fs)
        #expect(writer.isUpToDate(inputs: &other) == nil)
    }

    /// The sizes are checked in slices on every core: a change in any slice, the last one too, is seen.
    @Test func aChangedSizeInAnySliceIsSeen() throws {
        var files: [String: String] = [:]
        for index in 0..<600 { files["out/p\(index).html"] = String(repeating: "x", count: index % 7) }
        let fs = MemoryFileSystem(files)
        let entries = (0..<600).map { Manifest.Entry(path: "p\($0).html", size: $0 % 7, hash: "") }
        #expect(OutputWriter.sizesMatch(entries, in: "out", fileSystem: fs))
        for index in [0, 255, 256, 599] {
            var changed = entries
            changed[index].size += 1
            #expect(!OutputWriter.sizesMatch(changed, in: "out", fileSystem: fs), "\(index)")
        }
        #expect(!OutputWriter.sizesMatch(entries + [Manifest.Entry(path: "gone.html", size: 0, hash: "")], in: "out", fileSystem: fs))
        #expect(OutputWriter.sizesMatch([], in: "out", fileSystem: fs))
    }

    @Test func manifestRoundTrips() {
        let manifest = Manifest(files: [OutputFile(path: "z.html", text: "z"), OutputFile(path: "a b.html", text: "a")])
        #expect(manifest.entries.map(\.path) == ["a b.html", "z.html"])
        #expect(Manifest(text: manifest.text) == manifest)
        #expect(manifest.changed(since: manifest).isEmpty)
    }
}
