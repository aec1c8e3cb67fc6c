import CFuzzerDriver
import DermaSite
import Foundation

/// libFuzzer entry point. One binary serves every target; FUZZ_TARGET picks which input parser
/// the bytes go to. Built only by scripts/fuzz.sh (DERMASITE_FUZZ=1), never by the normal build.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.run(FuzzTargets.selected, bytes)
    return 0
}

// SwiftPM gives executables a main of their own; hand control to libFuzzer's driver from it.
var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
var count = CommandLine.argc
exit(LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) })

enum FuzzTargets {
    static let names = ["front-matter", "directives", "data-set", "article", "site-config", "templates"]
    static let selected = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "article"

    static let baseURL = BaseURL("https://example.org/legs/")!

    /// A small valid data set, so directive and article inputs reach the map and table code.
    static let atlas: Atlas? = {
        let root = FileManager.default.currentDirectoryPath
        return AtlasLoader.load(root: root, fileSystem: LocalFileSystem()).0
    }()

    static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "front-matter":
            var diagnostics: [Diagnostic] = []
            _ = ContentLoader.parseArticle(bytes: bytes, path: "Content/articles/fuzz.md", diagnostics: &diagnostics)
        case "directives":
            // The bytes are the body of a directive block; try each directive.
            let body = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "```", with: "'''")
            let renderer = MarkdownRenderer(directives: AtlasDirectives.handlers(atlas: atlas, baseURL: baseURL))
            for name in ["dermatome-map", "dermatome-table"] {
                _ = renderer.render("```\(name)\n\(body)\n```\n", file: "fuzz.md")
            }
        case "data-set":
            // Split the input in up to three: the facts file, the map file, the places file.
            let text = String(decoding: bytes, as: UTF8.self)
            let parts = text.components(separatedBy: "\n=====\n")
            let places = parts.count > 2 ? parts[2] : "places: []\nvariants: []\n"
            let (parsed, _) = AtlasLoader.parse(roots: parts[0], places: places, map: parts.count > 1 ? parts[1] : "views: []\n")
            if let parsed {
                _ = AtlasValidator.validate(parsed)
                _ = LegMapRenderer(atlas: parsed, baseURL: baseURL).figure(LegMapRenderer.Options(), id: "m")
            }
        case "article":
            var diagnostics: [Diagnostic] = []
            guard let article = ContentLoader.parseArticle(bytes: bytes, path: "Content/articles/fuzz.md", diagnostics: &diagnostics)
            else { return }
            let links = LinkResolver(baseURL: baseURL, pages: ["Content/articles/fuzz.md": article.urlPath], files: [])
            var renderer = MarkdownRenderer(links: links, directives: AtlasDirectives.handlers(atlas: atlas, baseURL: baseURL))
            renderer.glossary = Glossary(terms: [])
            let rendered = renderer.render(article.body, file: article.sourcePath, lineOffset: article.bodyLineOffset,
                                           pagePath: article.urlPath)
            _ = Readability.score(rendered.prose)
        case "site-config":
            _ = SiteConfigLoader.parse(String(decoding: bytes, as: UTF8.self))
        case "templates":
            // Compiles, and renders only what compiled: an include loop must be refused, not recursed.
            let (set, _) = TemplateSet.compile(TemplateSet.fuzzSource(String(decoding: bytes, as: UTF8.self)))
            _ = set?.render(["page": ["title": "T"], "site": ["title": "S"]], template: "pages/home")
        default:
            fatalError("unknown FUZZ_TARGET '\(target)'; one of \(names)")
        }
    }
}
