@testable import DermaSite
import Foundation
import Testing

/// Every input the fuzzers (scripts/fuzz.sh) ever found a problem with, replayed through the same
/// parser it broke: Regressions/<target>/<file>. Each must now give diagnostics, not a crash.
@Suite struct FuzzRegressionTests {
    static let folder = FixtureSite.projectRoot + "/Tests/DermaSiteTests/Fuzz/Regressions"

    static var cases: [String] {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? []).sorted().map { "\(target)/\($0)" }
        }
    }

    @Test func everyFindingHasAReplay() {
        #expect(Self.cases.count >= 1, "keep at least the seed regression inputs")
    }

    @Test(arguments: cases)
    func replay(_ name: String) throws {
        let bytes = try LocalFileSystem().readBytes(Self.folder + "/" + name)
        let target = String(name.split(separator: "/")[0])
        let base = BaseURL("https://example.org/")!
        switch target {
        case "front-matter", "article":
            var diagnostics: [Diagnostic] = []
            if let article = ContentLoader.parseArticle(bytes: bytes, path: "Content/articles/x.md", diagnostics: &diagnostics) {
                let renderer = MarkdownRenderer(directives: AtlasDirectives.handlers(atlas: AtlasFixture.atlas(), baseURL: base))
                let result = renderer.render(article.body, file: article.sourcePath, lineOffset: article.bodyLineOffset)
                _ = Readability.score(result.prose)
            }
        case "directives":
            let body = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "```", with: "'''")
            let renderer = MarkdownRenderer(directives: AtlasDirectives.handlers(atlas: AtlasFixture.atlas(), baseURL: base))
            _ = renderer.render("```dermatome-map\n\(body)\n```\n\n```dermatome-table\n\(body)\n```\n")
        case "data-set":
            let parts = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n=====\n")
            let (atlas, _) = AtlasLoader.parse(roots: parts[0], places: parts.count > 2 ? parts[2] : AtlasFixture.places, map: parts.count > 1 ? parts[1] : "views: []\n")
            if let atlas {
                _ = AtlasValidator.validate(atlas)
                _ = LegMapRenderer(atlas: atlas, baseURL: base).figure(LegMapRenderer.Options(), id: "m")
            }
        case "site-config":
            _ = SiteConfigLoader.parse(String(decoding: bytes, as: UTF8.self))
        case "templates":
            let (set, diagnostics) = TemplateSet.compile(TemplateSet.fuzzSource(String(decoding: bytes, as: UTF8.self)))
            if name.contains("loop") { #expect(set == nil && diagnostics.contains { $0.message.contains("in a loop") }, "\(name)") }
            _ = set?.render(["page": ["title": "T"], "site": ["title": "S"]], template: "pages/home")
        default:
            Issue.record("unknown fuzz target folder '\(target)'")
        }
    }
}
