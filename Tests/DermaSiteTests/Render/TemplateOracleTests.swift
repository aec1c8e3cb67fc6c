@testable import DermaSite
import Foundation
import Mustache
import Testing

/// The compiled templates (TemplateParser, TemplateRenderer) against swift-mustache, which they
/// replace on the pages' path: every page of the bundled site, and seeded random templates made
/// to hit the awkward rules (standalone lines, indented partials, block overrides, escaping).
@Suite struct TemplateOracleTests {
    /// The bundled site rendered once (its cache holds every page's values) and its templates compiled.
    static func bundledSite() throws -> (cache: BuildCache, templates: TemplateSet) {
        let root = FixtureSite.projectRoot
        let cache = BuildCache()
        var options = BuildOptions(root: root, includeDrafts: true)
        options.today = Day(iso: "2026-12-01")
        _ = try SiteBuilder().render(options, cache: cache)
        let (source, _, _) = TemplateLoader.load(root: root, fileSystem: LocalFileSystem())
        let set = try #require(TemplateSet.compile(source, withAtlas: true, withGlossary: true, withPages: true).0)
        return (cache, set)
    }

    @Test func everyBundledPageRendersAsSwiftMustacheRendersIt() throws {
        let (cache, set) = try Self.bundledSite()
        #expect(set.isCompiled, "the bundled theme uses only what the compiled renderer takes")
        // The page renderer encodes `site` once and names the other values itself.
        let frame = try #require(cache.memo.frame?.value)
        let notFound = frame.values(NotFoundBody(), kind: "404", title: "Not found", description: "", sitePath: "/404.html")
        #expect(TemplateEncoder.values(notFound, site: TemplateEncoder.box(frame.site)) == TemplateEncoder.values(notFound))
        let pages = cache.memo.pages.allValues()
        #expect(pages.count > 80)
        for page in pages {
            let root = TemplateValue.object(TemplateObject(page.values))
            let compiled = set.render(root, template: page.template)
            #expect(compiled != nil && compiled == set.renderWithLibrary(root, template: page.template), "\(page.path)")
        }
    }

    @Test func seededTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var random = SeededRandom(seed: 20261204)
        var compared = 0, rejected = 0, fallback = 0, mismatches: [String] = []
        for _ in 0..<3000 {
            var generator = TemplateGenerator(random: random)
            let files = (0..<4).map { generator.template(index: $0) }
            random = generator.random
            let source = TemplateSource(files: TemplateSet.required.map { .init(name: $0, path: "\($0).mustache", text: "") }
                + files.enumerated().map { .init(name: "p\($0.offset)", path: "p\($0.offset).mustache", text: $0.element) })
            guard let set = TemplateSet.compile(source).0 else {
                rejected += 1
                continue
            }
            guard set.isCompiled else {
                fallback += 1
                continue
            }
            for _ in 0..<3 {
                let root = TemplateGenerator.value(&random, depth: 0, forceObject: true)
                let compiled = set.render(root, template: "p0"), library = set.renderWithLibrary(root, template: "p0")
                compared += 1
                // Pages are written from the bytes, which must be the text exactly, and valid UTF-8.
                let bytes = try? set.renderPageBytes(root, template: "p0")
                #expect(bytes.flatMap { String(validating: $0, as: UTF8.self) } == compiled)
                if compiled != library, mismatches.count < 5 {
                    mismatches.append("\(files.enumerated().map { "p\($0.offset): \($0.element.debugDescription)" }.joined(separator: "\n"))\n"
                        + "compiled: \(String(describing: compiled).debugDescription)\nlibrary:  \(String(describing: library).debugDescription)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n\n"))")
        // The generator must mostly make templates both take, or the comparison proves little.
        #expect(compared > 6000, "compared \(compared); rejected \(rejected), left to swift-mustache \(fallback)")
        #expect(fallback > 0, "some templates use what only swift-mustache takes (set delimiters, transforms)")
    }

    /// The include check reads lines of ASCII as bytes: it must find what reading Characters finds.
    @Test func referencesReadAsBytesMatchReadingCharacters() {
        var random = SeededRandom(seed: 20261205)
        let pieces = ["{{", "}}", "{{>", "{{<", "{{ >", "{{  <", ">", "<", " ", "a", "p/x", "*d", "{", "}", "\t", "x y"]
        var found = 0
        for _ in 0..<5000 {
            let line = (0..<(1 + random.below(10))).map { _ in random.pick(pieces) }.joined()
            let bytes = TemplateSet.asciiReferences(Array(line.utf8), line: 3)
            let characters = TemplateSet.characterReferences(line[...], line: 3)
            found += characters.count
            #expect(bytes.map { "\($0.name)@\($0.line):\($0.column)" } == characters.map { "\($0.name)@\($0.line):\($0.column)" },
                    "\(line.debugDescription)")
        }
        #expect(found > 300, "most lines must name a template for the comparison to mean much")
    }

    /// Whether a template reads the same as bytes is decided by reading only the stretches
    /// around non-ASCII text as Characters: the same answer as reading the whole text so.
    @Test func plainTextFoundAsReadingEveryCharacterFindsIt() {
        func everyCharacter(_ text: String) -> Bool {
            !text.unicodeScalars.contains { [0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) }
                && !text.contains { $0.unicodeScalars.count > 1 && $0.unicodeScalars.contains { $0.isASCII } }
        }
        var random = SeededRandom(seed: 20261211)
        let pieces = ["a", "b", " ", "\n", "{{", "}}", "é", "e", "\u{301}", "\u{200D}", "👍", "\u{1F3FD}", "1", "\u{FE0F}", "\u{20E3}",
                      "\u{0600}", "\u{1100}", "\u{1161}", "\u{0903}", "🇬", "🇧", "—", "\r", "\u{85}", "\t"]
        var notPlain = 0
        for _ in 0..<20000 {
            let text = (0..<random.below(10)).map { _ in random.pick(pieces) }.joined()
            let expected = everyCharacter(text)
            if !expected { notPlain += 1 }
            #expect(TemplateParser.isPlain(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(notPlain > 3000 && notPlain < 17000, "both answers must be common (\(notPlain) not plain)")
    }

    /// The value-name check reads lines of ASCII as bytes: it must find what reading Characters finds.
    @Test func valueNamesReadAsBytesMatchReadingCharacters() {
        var random = SeededRandom(seed: 20261207)
        let pieces = ["{{", "}}", "{{{", "}}}", "{", "}", "#", "^", "&", "/", ">", " ", "\t", "\r", "\u{0B}", "\u{1C}", "a", "site.x",
                      "x y", "9", "_a", ".", "{{ #", "{{&", "{{^ b }}", "{{{ c }}}"]
        var found = 0
        for _ in 0..<5000 {
            let line = (0..<(1 + random.below(10))).map { _ in random.pick(pieces) }.joined()
            let bytes = TemplateNameCheck.asciiNames(Array(line.utf8), line: 2)
            let characters = TemplateNameCheck.characterNames(line[...], line: 2)
            found += characters.count
            #expect(bytes.map { "\($0.name)@\($0.line):\($0.column)" } == characters.map { "\($0.name)@\($0.line):\($0.column)" },
                    "\(line.debugDescription)")
        }
        #expect(found > 500, "most lines must name a value for the comparison to mean much (\(found))")
    }

    /// An override that uses its own block nests without end: swift-mustache overflows the stack
    /// and takes the tool down. The compiled renderer stops and the page fails, quickly even when
    /// the nesting doubles at each level.
    @Test func aBlockThatUsesItselfFailsThePageInsteadOfCrashing() throws {
        let page = "{{<base}}{{$content}}a{{$content}}{{/content}}b{{$content}}{{/content}}{{/content}}{{/base}}"
        let files = TemplateSet.required.map { TemplateSource.File(name: $0, path: "\($0).mustache", text: $0 == "pages/home" ? page : "") }
            + [TemplateSource.File(name: "layouts/base", path: "layouts/base.mustache", text: "<main>{{$content}}{{/content}}</main>")]
        let set = try #require(TemplateSet.compile(TemplateSource(files: files)).0)
        #expect(set.isCompiled)
        #expect(throws: TemplateRenderFailure.tooDeep) { try set.renderPage(.object(TemplateObject([:])), template: "pages/home") }
        #expect(try set.renderPage(.object(TemplateObject([:])), template: "pages/404") == "")
    }

    /// swift-mustache reads only the files TemplateParser does not take, so a file TemplateParser
    /// takes must be one swift-mustache takes too, or its syntax error would go unreported. Token
    /// soup, mostly malformed: unclosed and crossed sections, empty and odd names, stray braces.
    @Test func whatTheCompiledParserTakesSwiftMustacheTakesToo() {
        var random = SeededRandom(seed: 20261206)
        let pieces = ["{{", "}}", "{{{", "}}}", "{", "}", "#", "^", "/", "!", ">", "<", "$", "&", "%", "=", "*", ".", "a", "b",
                      "a.b", "..", "a-b", " ", "\t", "\n", "\n", "x", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{<a}}", "{{$b}}",
                      "{{/ a }}", "{{>a}}", "{{a}}", "{{ }}", "{{}}", "{{#}}", "{{/}}", "{{% CONTENT_TYPE: TEXT }}", "CONTENT_TYPE:",
                      "{{!c}}", "(", ")", "é", ":"]
        var taken = 0
        var disagreements: [String] = []
        for _ in 0..<20000 {
            let text = (0..<(1 + random.below(14))).map { _ in random.pick(pieces) }.joined()
            guard TemplateParser.parse(text) != nil else { continue }
            taken += 1
            if (try? MustacheTemplate(string: text)) == nil, disagreements.count < 8 { disagreements.append(text.debugDescription) }
        }
        #expect(disagreements.isEmpty, "TemplateParser takes what swift-mustache rejects:\n\(disagreements.joined(separator: "\n"))")
        #expect(taken > 2000, "the soup must often be well formed for the check to mean much (\(taken))")
    }

    @Test func whatOnlySwiftMustacheTakesFallsBackToIt() throws {
        for text in ["{{=<% %>=}}<%a%>", "{{uppercased(a)}}", "{{>*a}}", "a\r\nb{{a}}", "{{a}}\u{301}"] {
            let source = TemplateSource(files: TemplateSet.required.map { .init(name: $0, path: "\($0).mustache", text: text) })
            let (set, diagnostics) = TemplateSet.compile(source)
            guard let set else {
                #expect(diagnostics.hasErrors, "\(text.debugDescription)")
                continue
            }
            #expect(!set.isCompiled, "\(text.debugDescription)")
            #expect(set.render(["a": "x"], template: "pages/home") == set.renderWithLibrary(.object(TemplateObject(["a": .text("x")])), template: "pages/home"))
        }
    }
}

/// Random templates built from the tags swift-mustache knows, always well nested, with line ends
/// and spaces scattered so that tags stand alone on their lines often. A partial or parent names
/// only a later template, so there are no cycles.
struct TemplateGenerator {
    var random: SeededRandom
    private static let names = ["a", "b", "list", "obj", "flag", "no", "n", "empty", "names", "missing", "obj.a", "obj.obj.b",
                                ".", ".a", "list.a", "names.k", "nothing"]
    private static let texts = ["x", "y z", " ", "  ", "\t", "\n", "\n", "\n", "{", "}", "é", "<&>\"'", "a{b", "😀"]
    private static let rare = ["e\u{301}", "{{=<% %>=}}", "{{a.uppercased()}}", "{{uppercased(a)}}"]

    mutating func template(index: Int) -> String {
        var out = ""
        if random.chance(20) { out += random.pick(["{{% CONTENT_TYPE: TEXT }}\n", "{{% CONTENT_TYPE: HTML}}", " {{%CONTENT_TYPE:DERMASITE_HTML}} \n"]) }
        if index < 3, random.chance(30) {
            out += parent(index: index)
        }
        out += body(depth: 0, index: index)
        if random.chance(1) { out += random.pick(Self.rare) }
        return out
    }

    private mutating func parent(index: Int) -> String {
        let target = "p\(index + 1 + random.below(3 - index))"
        var out = random.pick(["", "  ", "\n"]) + "{{<\(target)}}" + random.pick(["", "\n", "  \n"])
        for _ in 0..<random.below(3) {
            let block = random.pick(["b1", "b2"])
            out += random.pick(["", "  ", "\n"]) + "{{$\(block)}}" + random.pick(["", "\n"]) + body(depth: 2, index: index, inOverride: true)
                + random.pick(["", "\n", "  "]) + "{{/\(block)}}" + random.pick(["", "\n"])
        }
        return out + "{{/\(target)}}" + random.pick(["", "\n", " \n"])
    }

    /// An override names no block or partial: one that reached its own block again would
    /// recurse without end (in swift-mustache too).
    private mutating func body(depth: Int, index: Int, inOverride: Bool = false) -> String {
        var out = ""
        for _ in 0..<(1 + random.below(depth == 0 ? 8 : 4)) {
            out += random.pick(["", "", " ", "  ", "\n", "\t"])
            switch random.below(10) {
            case 0, 1: out += random.pick(Self.texts)
            case 2, 3:
                let name = random.pick(Self.names)
                out += random.pick(["{{\(name)}}", "{{ \(name) }}", "{{{\(name)}}}", "{{&\(name)}}"])
            case 4 where depth < 3, 5 where depth < 3:
                let name = random.pick(Self.names.filter { $0 != "." })
                let sigil = random.pick(["#", "#", "^"])
                out += "{{\(sigil)\(name)}}" + random.pick(["", "\n", " \n"]) + body(depth: depth + 1, index: index, inOverride: inOverride)
                    + random.pick(["", "\n", "  "]) + "{{/\(name)}}"
            case 6: out += random.pick(["{{! note }}", "{{!\nlong\n}}", "{{!}}"])
            case 7 where index < 3 && !inOverride:
                out += random.pick(["{{>p\(index + 1 + random.below(3 - index))}}", "{{> p3 }}"])
            case 8 where depth < 3 && !inOverride:
                let block = random.pick(["b1", "b2"])
                out += "{{$\(block)}}" + random.pick(["", "\n"]) + body(depth: depth + 1, index: index) + "{{/\(block)}}"
            default: out += random.pick(Self.texts)
            }
            out += random.pick(["", "", "\n", " ", "  \n"])
        }
        return out
    }

    static func value(_ random: inout SeededRandom, depth: Int, forceObject: Bool = false) -> TemplateValue {
        let kind = forceObject ? 4 : random.below(depth > 2 ? 4 : 7)
        switch kind {
        case 0: return .text(random.pick(["", "t", "<b>&'\"", "line\n", "two\nlines\n", "cr\r\n", "é"]))
        case 1: return .flag(random.chance(50))
        case 2: return .number(random.pick([0, 1, -3, 42]))
        case 3: return .names(random.chance(50) ? [:] : ["k": "v<"])
        case 4, 5:
            var values: [String: TemplateValue] = [:]
            for name in ["a", "b", "list", "obj", "flag", "no", "n", "empty", "names"] where random.chance(60) {
                values[name] = value(&random, depth: depth + 1)
            }
            if random.chance(30) { values["b1"] = .text("shadow") }
            return .object(TemplateObject(values))
        default:
            return .list((0..<random.below(3)).map { _ in value(&random, depth: depth + 1) })
        }
    }
}
