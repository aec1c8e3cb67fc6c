import DermaSite
import DermaSiteTestSupport
import Foundation
import Testing

/// The `dermasite` executable as a user meets it: exit codes, message format, plain output when piped.
@Suite struct CommandLineTests {
    static let binary = BuiltTool.dermasite

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func exitCodesAndMessages() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let site = try FixtureSite.basic()

        let ok = try run(["build"], in: site.root)
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("Built "))
        #expect(ok.stdout.contains("-> Public"))

        try site.write("Content/articles/first.md", "---\ntitle: First\ndate: 2026-01-01\ntitel: x\norder: soon\n---\nx\n")
        let bad = try run(["build", "--root", "."], in: site.root)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("Content/articles/first.md:4:1: warning: unknown key 'titel' in front matter; did you mean 'title'?"))
        #expect(bad.stderr.contains("Content/articles/first.md:5:8: error: 'order' must be a whole number"))
        #expect(bad.stderr.contains("Public was left unchanged"))
        #expect(!bad.stderr.contains("\u{1B}["), "no colour codes when not on a terminal")

        let usage = try run(["build", "--no-such-flag"], in: site.root)
        #expect(usage.status == 2)
        let missingRoot = try run(["build", "--root", "does-not-exist"], in: site.root)
        #expect(missingRoot.status == 2)

        let version = try run(["--version"], in: site.root)
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }

    #if os(Linux)
    /// Linking mimalloc is not enough: its malloc must be the one the program and its libraries
    /// call, and a library listed before it that has its own malloc would win. The dynamic
    /// loader says where each call was bound.
    @Test func mallocIsMimallocsForTheToolAndCmark() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        // To files, not stderr: the loader writes more than a pipe holds before `run` reads it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ran = try run(["--version"], in: ProjectFolder.path,
                          environment: ["LD_DEBUG": "bindings", "LD_DEBUG_OUTPUT": folder.appendingPathComponent("log").path])
        #expect(ran.status == 0)
        let logs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        let log = try logs.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        let mallocBindings = log.split(separator: "\n").filter { $0.hasSuffix("normal symbol `malloc' [GLIBC_2.2.5]") }
        let cmark = mallocBindings.filter { $0.contains("binding file ") && $0.contains("libcmark-gfm.so") && $0.contains(" to ") }
        #expect(!cmark.isEmpty, "libcmark-gfm's malloc binding not seen:\n\(log.prefix(2000))")
        for line in mallocBindings {
            let target = line.components(separatedBy: " to ").last ?? ""
            #expect(target.contains("libmimalloc.so"), "malloc bound elsewhere: \(line)")
        }
    }
    #endif

    @Test func newArticleThenBuild() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let site = try FixtureSite.basic()
        let created = try run(["new", "article", "Tingling toes"], in: site.root)
        #expect(created.status == 0)
        #expect(site.exists("Content/articles/tingling-toes.md"))
        let again = try run(["new", "article", "Tingling toes"], in: site.root)
        #expect(again.status == 1)
        // Drafts never go to Public/, the folder a user uploads.
        let refused = try run(["build", "--drafts"], in: site.root)
        #expect(refused.status != 0 && refused.stderr.contains("--drafts writes unfinished pages"), "\(refused.stderr)")
        let build = try run(["build", "--drafts", "--output", "Preview"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.exists("Preview/articles/tingling-toes/index.html") && !site.exists("Public/articles/tingling-toes/index.html"))
    }

    @Test func newSiteBuildsWithTheBuiltInThemeAlone() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let parent = try FixtureSite([:], projectTemplates: false)
        let created = try run(["new", "site", "leg-help", "--title", "Leg Help"], in: parent.root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(!parent.exists("leg-help/Templates") && parent.exists("leg-help/Content/data/red-flags.yml"))
        let build = try run(["build"], in: parent.root + "/leg-help")
        #expect(build.status == 0 && !build.stderr.contains("error:"), "\(build.stderr)")
        let home = try parent.read("leg-help/Public/index.html")
        #expect(home.contains("<title>Leg Help</title>") && home.contains(#"class="emergency-box""#))
        let again = try run(["new", "site", "leg-help"], in: parent.root)
        #expect(again.status == 1 && again.stderr.contains("there is a site here already"))
    }

    @Test func newTemplateCopiesTheBuiltInFileToChange() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let site = try FixtureSite.basic()
        try FileManager.default.removeItem(atPath: site.root + "/Templates")
        let listed = try run(["new", "template"], in: site.root)
        #expect(listed.status == 0 && listed.stdout.contains("partials/footer\n") && listed.stdout.contains("assets/style.css"))
        let copied = try run(["new", "template", "partials/footer"], in: site.root)
        #expect(copied.status == 0, "\(copied.stderr)")
        let builtIn = try #require(TemplateLoader.builtIn.first { $0.path == "partials/footer.mustache" })
        #expect(try site.fileSystem.readBytes(site.root + "/Templates/partials/footer.mustache") == builtIn.bytes)
        let wrong = try run(["new", "template", "partials/fotter"], in: site.root)
        #expect(wrong.status == 1 && wrong.stderr.contains("did you mean partials/footer?"))
    }

    @Test func newPageThenBuild() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let site = try FixtureSite.basic()
        let created = try run(["new", "page", "Contact us"], in: site.root)
        #expect(created.status == 0 && created.stdout.contains("Content/pages/contact-us.md"))
        let again = try run(["new", "page", "Contact us"], in: site.root)
        #expect(again.status == 1 && again.stderr.contains("this file exists already: edit it"))
        let build = try run(["build", "--drafts", "--output", "Preview"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.exists("Preview/contact-us/index.html"))
    }
}
