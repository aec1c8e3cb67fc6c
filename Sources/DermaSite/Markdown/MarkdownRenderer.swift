import CCmarkGFM

/// Markdown to HTML with cmark-gfm: GFM extensions and footnotes, heading ids with anchor links,
/// links rewritten for the site, and a diagnostic for anything dropped or broken.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool
    public var links: LinkResolver?
    static let glossaryMissing = "'glossary:' links need \(GuidanceLoader.glossaryPath)"

    /// A fence name close to a directive's (`dermatomes-map`, `Care-Card`), not a code language.
    static func misspeltDirective(_ name: String, known: [String]) -> String? {
        guard !name.isEmpty, !known.contains(name) else { return nil }
        if let same = known.first(where: { $0.lowercased() == name.lowercased() }) { return same }
        guard let closest = Suggestion.closest(to: name, in: known) else { return nil }
        // Short language names (`c`, `r`, `go`) must not read as typos of a directive.
        return name.count >= 5 ? closest : nil
    }

    /// Fenced code blocks whose info string is one of these names are replaced by the handler's HTML.
    public var directives: [String: DirectiveHandler]
    /// Words that `[text](glossary:id)` links explain, and the site path of the glossary page.
    public var glossary: Glossary?
    public var glossaryPage = ""
    /// Broken internal links are errors unless the build was asked to allow them.
    public var brokenLinkSeverity: Diagnostic.Severity = .error
    /// Ids the page template uses itself; headings never take them.
    public static let reservedIDs: Set<String> = ["main", "content", "top", "on-this-page", "sources", "footnotes",
                                                   "site-header", "site-footer", "review", "red-flags-title", "footnotes-title", "facts",
                                                   "symptoms", "testing", "summary-table", "why-maps-differ", "download"]
    /// Id families cmark-gfm (footnotes) and the directives (maps) number for themselves.
    public static let reservedPrefixes = ["fn-", "fnref-", "dermatome-map-", "root-map", "atlas-map", "glossary-", "red-flags", "care-card", "emergency-box", "page-status", "callout-"]

    /// Size and WebP copies of the photos of Content/, by path below Content/.
    public var images: [String: ImageInfo] = [:]

    public init(allowRawHTML: Bool = false, links: LinkResolver? = nil, directives: [String: DirectiveHandler] = [:]) {
        self.allowRawHTML = allowRawHTML
        self.links = links
        self.directives = directives
    }

    /// `file` and `lineOffset` place diagnostics in the source file (body line + offset = file line).
    public func render(_ markdown: String, file: String = "", lineOffset: Int = 0, pagePath: String = "") -> RenderedMarkdown {
        let document = CMarkDocument(markdown: markdown, unsafeHTML: allowRawHTML)
        let columns = ColumnConverter(markdown)
        var diagnostics: [Diagnostic] = []
        var headingNodes: [OpaquePointer] = []
        var directiveNodes: [(OpaquePointer, String)] = []
        var lastRawHTMLLine = 0
        var linkRecords: [LinkRecord] = []
        var glossaryLinks: [(node: OpaquePointer, id: String, line: Int, column: Int)] = []
        var proseBlocks: [String] = []
        var imageNodes: [ImageMarkup.Found] = []

        for node in document.nodes() {
            switch node.type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_PARAGRAPH:
                let (written, plain) = node.writtenAndPlainText
                for label in Self.undefinedFootnotes(written) {
                    let (line, column) = Self.position(of: "[^\(label)]", in: markdown, from: node.position.line,
                                                       to: Int(cmark_node_get_end_line(node)))
                    diagnostics.append(.warning(file, line: line + lineOffset, column: column,
                        "footnote '[^\(label)]' has no definition, so readers see it as written; add a line '[^\(label)]: ...' with its text at the end of the page"))
                }
                if !Self.insideFootnote(node) {
                    var text = plain.trimmingWhitespace()
                    if let last = text.last, !".!?:".contains(last) { text += "." }
                    if !text.isEmpty { proseBlocks.append(text) }
                }
            case CMARK_NODE_CODE_BLOCK:
                let name = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
                if directives[name] != nil {
                    directiveNodes.append((node, name))
                } else if let meant = Self.misspeltDirective(name, known: directives.keys.sorted()) {
                    // Left as code, its settings would be shown to patients in a grey box.
                    diagnostics.append(.error(file, line: node.position.line + lineOffset, column: 1,
                        "unknown block '\(name)'; did you mean \(meant)? (as written it is shown to readers as code)"))
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                // Inside an image's alt text a link is plain text, and the image's markup replaces it.
                guard let url = node.url, !Self.insideImage(node) else { continue }
                let (line, byteColumn) = node.position
                let column = columns.character(line: line, byteColumn: byteColumn)
                if url.hasPrefix(Self.glossaryScheme), node.type == CMARK_NODE_LINK {
                    glossaryLinks.append((node, String(url.dropFirst(Self.glossaryScheme.count)), line + lineOffset, column))
                    continue
                }
                var final = url
                switch links?.resolve(url, from: file, pagePath: pagePath) ?? .unchanged {
                case .unchanged: break
                case let .rewritten(newURL):
                    cmark_node_set_url(node, newURL)
                    final = newURL
                case let .broken(message):
                    diagnostics.append(Diagnostic(brokenLinkSeverity, file, line: line + lineOffset, column: column, message))
                    linkRecords.append(LinkRecord(url: url, file: file, line: line + lineOffset, column: column, reported: true))
                    continue
                case let .unsafe(message):
                    diagnostics.append(.error(file, line: line + lineOffset, column: column, message))
                    cmark_node_set_url(node, "")
                    continue
                }
                linkRecords.append(LinkRecord(url: final, file: file, line: line + lineOffset, column: column))
                if node.type == CMARK_NODE_IMAGE {
                    imageNodes.append(.init(node: node, written: url, url: final, file: links?.contentFile(url, from: file),
                                            line: line + lineOffset, column: column))
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if allowRawHTML, let literal = node.literal {
                    // Raw HTML's links, read by the link check's HTML tokenizer, are reported at their line too.
                    let (line, byteColumn) = node.position
                    let column = columns.character(line: line, byteColumn: byteColumn)
                    for link in LinkChecker(basePath: "/").scan(literal).links where !link.isEmpty {
                        linkRecords.append(LinkRecord(url: link, file: file, line: line + lineOffset, column: column))
                    }
                }
                if !allowRawHTML, node.position.line != lastRawHTMLLine {
                    let (line, byteColumn) = node.position
                    let column = columns.character(line: line, byteColumn: byteColumn)
                    lastRawHTMLLine = line
                    diagnostics.append(.warning(file, line: line + lineOffset, column: column,
                        "raw HTML is left out of the page; use Markdown, or set 'allow_raw_html: true' in Content/site.yml"))
                }
            default:
                break
            }
        }

        let sourceLines = directiveNodes.isEmpty ? [] : Self.lines(of: markdown)
        for (index, (node, name)) in directiveNodes.enumerated() {
            let line = node.position.line + lineOffset
            let body = node.literal ?? ""
            guard Self.fenceIsClosed(node, lines: sourceLines) else {
                // Unclosed, the block swallows the rest of the page: one error at its start, not one
                // for each later line read as a setting.
                diagnostics.append(.error(file, line: line, column: 1,
                    "the '\(name)' block that starts here is never closed; add a line with ``` after its last setting"))
                document.replace(node, withHTML: "")
                continue
            }
            let (options, problems) = Directive.freeText.contains(name) ? ([], [])
                : DirectiveParser.options(body, firstLine: line + 1, file: file)
            diagnostics += problems
            let words = node.fenceInfo.split(separator: " ", maxSplits: 1)
            let argument = words.count > 1 ? words[1].trimmingWhitespace() : nil
            let output = directives[name]!(Directive(name: name, argument: argument, options: options, body: body, line: line,
                                                     file: file, index: index + 1))
            diagnostics += output.diagnostics
            document.replace(node, withHTML: output.html)
        }

        diagnostics += ImageMarkup(images: images, baseURL: links?.baseURL, file: file).replace(imageNodes, in: document)

        var termsUsed: [String] = []
        for link in glossaryLinks {
            guard let term = glossary?.term(link.id) else {
                let hint = glossary.flatMap { Suggestion.closest(to: link.id, in: $0.terms.map(\.id)) }.map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(.error(file, line: link.line, column: link.column, glossary == nil
                    ? Self.glossaryMissing
                    : "no glossary entry with id '\(link.id)'\(hint)"))
                continue
            }
            let first = !termsUsed.contains(term.id)
            if first { termsUsed.append(term.id) }
            document.replaceLink(link.node, enter: first ? termButtonOpen(term) : "", exit: first ? termButtonClose(term) : "")
        }

        var ids = SlugAllocator(reserved: Self.reservedIDs, reservedPrefixes: Self.reservedPrefixes)
        var headings: [Heading] = []
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = node.plainText.trimmingWhitespace()
            let id = ids.allocate(text)
            headings.append(Heading(level: level, text: text, id: id))
            document.replace(node, withHTML: Self.anchoredHeading(document.renderHTML(node), level: level, id: id, text: text))
        }
        var html = document.renderHTML()
        // cmark-gfm's footnotes section has no heading; give it one so it is a labelled section.
        // Looked for only when the Markdown has a footnote or the words themselves (raw HTML): a
        // search of the page's HTML stops at every `<`.
        let footnotes = "<section class=\"footnotes\" data-footnotes>"
        if markdown.utf8Offset(of: "[^") != nil || markdown.utf8Offset(of: "data-footnotes") != nil,
           let offset = html.utf8Offset(of: footnotes) {
            let start = html.utf8.index(html.utf8.startIndex, offsetBy: offset)
            let end = html.utf8.index(start, offsetBy: footnotes.utf8.count)
            html.replaceSubrange(start..<end, with: "<section class=\"footnotes\" data-footnotes aria-labelledby=\"footnotes-title\">\n"
                + "<h2 class=\"footnotes__title\" id=\"footnotes-title\">Notes</h2>")
        }
        return RenderedMarkdown(html: html, headings: headings, diagnostics: diagnostics, links: linkRecords,
                                glossaryTerms: termsUsed, prose: proseBlocks.joined(separator: "\n"))
    }

    static let glossaryScheme = "glossary:"

    private static func insideImage(_ node: OpaquePointer) -> Bool { node.hasAncestor(CMARK_NODE_IMAGE) }

    private static func insideFootnote(_ node: OpaquePointer) -> Bool { node.hasAncestor(CMARK_NODE_FOOTNOTE_DEFINITION) }

    /// The first use of a glossary word on a page: a button that opens its definition in a popover.
    /// The popover needs no script, closes with Escape or a tap elsewhere, and works by keyboard and touch.
    private func termButtonOpen(_ term: Glossary.Term) -> String {
        "<button type=\"button\" class=\"term\" popovertarget=\"glossary-\(term.id)\">"
    }

    private func termButtonClose(_ term: Glossary.Term) -> String {
        "</button><span class=\"term__popover\" id=\"glossary-\(term.id)\" popover>"
            + "<strong>\(Escape.html(term.term))</strong>: \(Escape.html(term.definition)) "
            + "<a href=\"\(Escape.html(glossaryPage))#\(term.id)\">All words explained</a></span>"
    }

    /// `<h2>Inner</h2>` becomes the heading with its id, followed by a link to it. The link sits
    /// outside the heading so the heading's accessible name stays its own text.
    static func anchoredHeading(_ rendered: String, level: Int, id: String, text: String) -> String {
        let inner = rendered.utf8[headingContent(rendered, level: level)]
        var out: [UInt8] = []
        out.reserveCapacity(inner.count + 2 * id.utf8.count + text.utf8.count + 220)
        out.append(contentsOf: "<div class=\"heading\"><h\(level) id=\"\(id)\">".utf8)
        out.append(contentsOf: inner)
        // The link repeats the heading for screen readers: search reads the heading once.
        out.append(contentsOf: "</h\(level)><a class=\"heading-anchor\" href=\"#\(id)\" data-search-ignore>".utf8)
        out.append(contentsOf: "<span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">Link to this section: ".utf8)
        Escape.appendHTML(text, to: &out)
        out.append(contentsOf: "</span></a></div>\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the content of `<hN>…</hN>` lies in `rendered`, the line feeds after it left out.
    private static func headingContent(_ rendered: String, level: Int) -> Range<String.Index> {
        let open = "<h\(level)>", close = "</h\(level)>"
        // On bytes, when the tags are whole Characters: the bytes just inside them are ASCII
        // (a combining mark after `>` would make `>` part of another Character).
        let utf8 = rendered.utf8
        let onBytes = utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            var start = 0, end = bytes.count
            while end > start, bytes[end - 1] == 0x0A, end - 1 == start || bytes[end - 2] != 0x0D { end -= 1 }
            let openBytes = Array(open.utf8), closeBytes = Array(close.utf8)
            if end - start >= openBytes.count, bytes[start..<start + openBytes.count].elementsEqual(openBytes) {
                guard start + openBytes.count == end || bytes[start + openBytes.count] < 0x80 else { return nil }
                start += openBytes.count
            }
            if end - start >= closeBytes.count, bytes[(end - closeBytes.count)..<end].elementsEqual(closeBytes) {
                guard end - closeBytes.count == start || bytes[end - closeBytes.count - 1] < 0x80 else { return nil }
                end -= closeBytes.count
            }
            return start..<end
        } ?? nil
        if let onBytes {
            return utf8.index(utf8.startIndex, offsetBy: onBytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: onBytes.upperBound)
        }
        var inner = Substring(rendered)
        while inner.last == "\n" { inner.removeLast() }
        if inner.hasPrefix(open) { inner = inner.dropFirst(open.count) }
        if inner.hasSuffix(close) { inner = inner.dropLast(close.count) }
        return inner.startIndex..<inner.endIndex
    }
}

/// cmark counts columns in bytes; editors count characters. Line starts are found once per
/// document, on first use.
final class ColumnConverter {
    private let bytes: [UInt8]
    private lazy var lineStarts: [Int] = bytes.withUnsafeBufferPointer { bytes in
        // From line feed to line feed with memchr: a page is read whole for its first link.
        var starts = [0]
        var at = bytes.index(of: 10, from: 0)
        while at < bytes.count {
            starts.append(at + 1)
            at = bytes.index(of: 10, from: at + 1)
        }
        return starts
    }
    /// Links come in document order, so counting resumes from the last position on the same line
    /// (a line with a hundred thousand links must not be re-read for each).
    private var cursor = (line: 0, byte: 0, column: 1)
    /// Bytes examined so far: lets a test prove the work stays linear.
    private(set) var bytesScanned = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    func character(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1, line >= 1, line <= lineStarts.count else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + byteColumn - 1)
        var from = start, column = 1
        if cursor.line == line, cursor.byte <= end { (from, column) = (cursor.byte, cursor.column) }
        // Count characters as UTF-8 lead bytes (continuation bytes are 10xxxxxx).
        for index in from..<end where bytes[index] & 0xC0 != 0x80 { column += 1 }
        bytesScanned += end - from
        cursor = (line, end, column)
        return column
    }
}
