import Mustache

/// The compiled Mustache templates of a site. Compiled once per build, shared by every page.
///
/// Pages render with TemplateRenderer when TemplateParser takes every file, which is always so
/// for the bundled theme; a site whose templates use set delimiters, transforms or dynamic
/// partials renders with swift-mustache. swift-mustache reads only the files TemplateParser does
/// not take (its errors are the ones authors see; what TemplateParser takes, it takes too), and
/// every file when the set renders with it: its reading was 8 % of a bundled build.
public struct TemplateSet: Sendable {
    /// Page templates a site must have, one per kind of page.
    public static let required = ["pages/home", "pages/article", "pages/list", "pages/404", "pages/search"]
    /// Needed only by a site with a dermatome data set.
    public static let requiredForAtlas = ["pages/atlas", "pages/root", "pages/worksheet", "pages/place", "pages/places"]
    /// Needed only by a site with a glossary.
    public static let requiredForGlossary = ["pages/glossary"]
    /// Needed only by a site with pages in Content/pages.
    public static let requiredForPages = ["pages/page"]

    /// swift-mustache's reading of every file: nil when the set is compiled, and read on demand.
    private let library: MustacheLibrary?
    private let files: [TemplateSource.File]
    /// Every template as TemplateNodes, or nil when one of them is swift-mustache's alone.
    let compiled: [String: [TemplateNode]]?

    /// Whether pages render with TemplateRenderer (for tests).
    var isCompiled: Bool { compiled != nil }

    /// The same set with the compiled templates in storage of its own (PageRenderer.forWorker).
    func copied() -> TemplateSet {
        TemplateSet(library: library, files: files, compiled: compiled.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.copied(), $0.value.copied()) }) })
    }

    public static func compile(_ source: TemplateSource, withAtlas: Bool = false, withGlossary: Bool = false,
                               withPages: Bool = false) -> (TemplateSet?, [Diagnostic]) {
        ByteEscaping.register()
        var diagnostics: [Diagnostic] = []
        var compiled: [String: [TemplateNode]]? = [:]
        var names = Set(source.files.map(\.name))
        for file in source.files {
            if let alias = layoutAlias(file.name) {
                if names.contains(alias) {
                    diagnostics.append(.error(file.path, "layout name '\(alias)' is also the name of another template"))
                }
                names.insert(alias)
            }
        }
        // Each file is read on its own, in parallel: swift-mustache reads Characters, slowly.
        let read = Parallel.map(source.files) { file in ReadFile(file) }
        for (file, result) in zip(source.files, read) {
            if compiled != nil, let nodes = result.nodes {
                compiled?[file.name] = nodes
                if let alias = layoutAlias(file.name) { compiled?[alias] = nodes }
            } else {
                compiled = nil
            }
            if let error = result.syntaxError { diagnostics.append(error) }
            for reference in result.references where !names.contains(reference.name) {
                diagnostics.append(.error(file.path, line: reference.line, column: reference.column,
                                          "no template named '\(reference.name)' (looked for \(TemplateLoader.folder)/\(reference.name).mustache)"))
            }
        }
        diagnostics += includeCycles(source.files, references: Dictionary(zip(source.files.map(\.name), read.map(\.references))) { a, _ in a })
        for name in required + (withAtlas ? requiredForAtlas : []) + (withGlossary ? requiredForGlossary : [])
            + (withPages ? requiredForPages : []) where !names.contains(name) {
            diagnostics.append(.error("\(TemplateLoader.folder)/\(name).mustache", "missing template: every site needs it"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let library = compiled == nil ? Self.library(source.files, read: read.map(\.template)) : nil
        return (TemplateSet(library: library, files: source.files, compiled: compiled), diagnostics)
    }

    /// Every file as swift-mustache reads it, reusing what it has read already. A file it has not
    /// read is one TemplateParser took, so it reads without error.
    private static func library(_ files: [TemplateSource.File], read: [MustacheTemplate?]) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (file, template) in zip(files, read) {
            guard let template = template ?? (try? MustacheTemplate(string: ByteEscaping.pragma + file.text)) else { continue }
            library.register(template, named: file.name)
            if let alias = layoutAlias(file.name) { library.register(template, named: alias) }
        }
        return library
    }

    /// Mustache cannot close a section whose name has a slash, so a page inherits a layout by
    /// its bare name: `{{<base}}…{{/base}}` for Templates/layouts/base.mustache.
    static func layoutAlias(_ name: String) -> String? {
        name.hasPrefix("layouts/") && !name.dropFirst(8).contains("/") ? String(name.dropFirst(8)) : nil
    }

    /// Template files from one text, split on lines of `=====`: the required pages use the
    /// first part's text and each part is also `partials/pN` (for the fuzzer and its replays).
    public static func fuzzSource(_ text: String) -> TemplateSource {
        let parts = text.components(separatedBy: "\n=====\n")
        var files = required.map { TemplateSource.File(name: $0, path: "\($0).mustache", text: parts[0]) }
        for (index, part) in parts.enumerated() {
            files.append(.init(name: "partials/p\(index)", path: "partials/p\(index).mustache", text: part))
        }
        return TemplateSource(files: files)
    }

    /// A hand-written context: tests and the fuzzer.
    public func render(_ context: [String: Any], template name: String) -> String? {
        render(TemplateValue(any: context), template: name)
    }

    func render(_ root: TemplateValue, template name: String) -> String? {
        try? renderPage(root, template: name)
    }

    /// A page: fails for a missing template, and for one that nests partials and blocks without
    /// end (swift-mustache, the fallback, would overflow the stack there).
    func renderPage(_ root: TemplateValue, template name: String) throws(TemplateRenderFailure) -> String {
        guard let compiled else {
            guard let text = renderWithLibrary(root, template: name) else { throw .missing }
            return text
        }
        var renderer = TemplateRenderer(templates: compiled)
        return try renderer.render(root, template: name)
    }

    /// `renderPage` as UTF-8 bytes, what the page is written as.
    func renderPageBytes(_ root: TemplateValue, template name: String) throws(TemplateRenderFailure) -> [UInt8] {
        guard let compiled else { return Array(try renderPage(root, template: name).utf8) }
        var renderer = TemplateRenderer(templates: compiled)
        return try renderer.renderBytes(root, template: name)
    }

    /// swift-mustache's rendering of the same values: the fallback, and the oracle in tests.
    func renderWithLibrary(_ root: TemplateValue, template name: String) -> String? {
        (library ?? Self.library(files, read: files.map { _ in nil })).render(root.mustache, withTemplate: name)
    }

    /// One file as TemplateParser reads it, or swift-mustache when TemplateParser does not take
    /// it, and the templates it names.
    private struct ReadFile: Sendable {
        var template: MustacheTemplate?
        var nodes: [TemplateNode]?
        var syntaxError: Diagnostic?
        var references: [Reference]

        init(_ file: TemplateSource.File) {
            let text = ByteEscaping.pragma + file.text
            do {
                nodes = TemplateParser.parse(text)
                if nodes == nil { template = try MustacheTemplate(string: text) }
            } catch let error as MustacheTemplate.ParserError {
                syntaxError = .error(file.path, line: error.context.lineNumber - ByteEscaping.pragmaLines,
                                     column: error.context.columnNumber + 1, "template syntax: \(describe(error.error))")
            } catch {
                syntaxError = .error(file.path, "template syntax: \(error)")
            }
            references = TemplateSet.references(in: file.text)
        }
    }

    typealias Reference = (name: String, line: Int, column: Int)

    /// Partials (`{{> name}}`) and parents (`{{< name}}`) a template names, with their positions.
    /// Lines of ASCII are read as bytes; others by Characters, as the column counts them.
    static func references(in text: String) -> [Reference] {
        byLine(text, ascii: asciiReferences, characters: characterReferences)
    }

    /// What `ascii` finds on each line of ASCII, read as bytes, and `characters` on the others,
    /// read by Characters as columns count them; lines are numbered from 1.
    static func byLine<Found>(_ text: String, ascii: ([UInt8], Int) -> [Found], characters: (Substring, Int) -> [Found]) -> [Found] {
        var out: [Found] = []
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            out += line.allSatisfy({ $0 < 0x80 }) ? ascii(Array(line), index + 1) : characters(Substring(line), index + 1)
        }
        return out
    }

    static func asciiReferences(_ line: [UInt8], line number: Int) -> [Reference] {
        var out: [Reference] = []
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var i = 0
        while i + 1 < line.count {
            guard line[i] == open, line[i + 1] == open else {
                i += 1
                continue
            }
            var cursor = i + 2
            while cursor < line.count, line[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor < line.count, line[cursor] == UInt8(ascii: ">") || line[cursor] == UInt8(ascii: "<") else {
                i += 2
                continue
            }
            var end = cursor + 1
            while end + 1 < line.count, !(line[end] == close && line[end + 1] == close) { end += 1 }
            guard end + 1 < line.count else { break }
            let name = String(decoding: line[(cursor + 1)..<end], as: UTF8.self).trimmingWhitespace()
            if !name.isEmpty, !name.hasPrefix("*") { out.append((name, number, i + 1)) }  // `*name` is a dynamic partial
            i = end + 2
        }
        return out
    }

    static func characterReferences(_ line: Substring, line number: Int) -> [Reference] {
        var out: [Reference] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            var cursor = open.upperBound
            while cursor < rest.endIndex, rest[cursor] == " " { cursor = rest.index(after: cursor) }
            guard cursor < rest.endIndex, rest[cursor] == ">" || rest[cursor] == "<" else {
                rest = rest[open.upperBound...]
                continue
            }
            let afterSigil = rest.index(after: cursor)
            guard let close = rest[afterSigil...].range(of: "}}") else { break }
            let name = rest[afterSigil..<close.lowerBound].trimmingWhitespace()
            if !name.isEmpty, !name.hasPrefix("*") {  // `*name` is a dynamic partial
                out.append((name, number, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
            }
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// A template that includes itself, directly or through others, would recurse until the stack
    /// overflows and the whole tool (a running preview too) crashes: each cycle is an error at the
    /// include that closes it, naming the chain.
    static func includeCycles(_ files: [TemplateSource.File], references: [String: [Reference]]) -> [Diagnostic] {
        var byName: [String: TemplateSource.File] = [:]
        for file in files { byName[file.name] = file }
        func resolve(_ reference: String) -> String? {
            byName[reference] != nil ? reference : byName["layouts/" + reference] != nil ? "layouts/" + reference : nil
        }
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        var finished = Set<String>()
        func visit(_ name: String, path: [String]) {
            guard !finished.contains(name), let file = byName[name] else { return }
            for reference in references[name] ?? [] {
                guard let target = resolve(reference.name) else { continue }
                if let start = path.firstIndex(of: target) ?? (target == name ? path.count : nil) {
                    let chain = Array(path[start...]) + [name, target]
                    let key = Set(chain).sorted().joined(separator: " ")
                    guard reported.insert(key).inserted else { continue }
                    diagnostics.append(.error(file.path, line: reference.line, column: reference.column,
                        "templates include each other in a loop (\(chain.joined(separator: " → "))): rendering would never end; remove one of these includes"))
                } else {
                    visit(target, path: path + [name])
                }
            }
            finished.insert(name)
        }
        for name in byName.keys.sorted() { visit(name, path: []) }
        return diagnostics
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            // swift-mustache's reader is internal; it says only "overflow" when the text ends
            // inside a tag, for example at a last `{`.
            return "\(error)" == "overflow" ? "the template ends inside a tag (a '{' or '{{' with no closing '}}')" : "\(error)"
        }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is never closed ({{/name}} missing)"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block overrides may stand inside {{<parent}}"
        case .textInsideInheritSection: return "text inside {{<parent}} must be inside a block ({{$name}})"
        case .invalidConfigVariableSyntax: return "badly formed configuration tag"
        case .unrecognisedConfigVariable: return "unknown configuration tag"
        }
    }
}

/// Mustache escapes `{{value}}` by walking Characters with a dictionary lookup for each, which
/// was 7 % of a 4,000-article build. This makes the same five replacements on UTF-8 bytes and
/// hands back text with nothing to escape as it is. Each template starts with a pragma that
/// selects it (Mustache sets the default again for every partial, so each file needs its own).
struct ByteEscaping: MustacheContentType {
    static let name = "DERMASITE_HTML"
    /// On a line of its own, so Mustache drops the line: the output is as without it.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    static let pragmaLines = 1

    private static let registration: Void = MustacheContentTypes.register(ByteEscaping(), named: name)
    static func register() { registration }

    func escapeText(_ text: String) -> String { Escape.html(text) }
}
