import CCmarkGFM
import CCmarkParallel
import Foundation

/// A parsed cmark-gfm document; owns the parser and frees both together.
final class CMarkDocument {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registration is global in cmark-gfm and not thread-safe: done once, before any parse.
    /// cmark-gfm 0.29 also keeps one global table of special inline characters that each parse
    /// changes (CCmarkParallel says how): it is filled once here, and parses then leave it alone
    /// and may run at once. Where that cannot be done, inline parses take turns.
    private static let parsesMayOverlap: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        return dermasite_cmark_fix_special_characters(parser)
    }()
    private static let inlineParseLock = NSLock()
    /// Whether parses run at once here (the tests hold this machine to it).
    static var parsesRunInParallel: Bool { parsesMayOverlap }

    let options: Int32
    private let parser: OpaquePointer
    let root: OpaquePointer

    init(markdown: String, unsafeHTML: Bool) {
        let mayOverlap = Self.parsesMayOverlap  // registers the extensions first
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        self.options = options
        let parser = cmark_parser_new(options)!
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        self.parser = parser
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        root = mayOverlap ? cmark_parser_finish(parser) : Self.inlineParseLock.withLock { cmark_parser_finish(parser) }
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Every node in document order (entering events only).
    func nodes() -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { out.append(node) }
        }
        return out
    }

    func renderHTML(_ node: OpaquePointer? = nil) -> String {
        guard let cString = cmark_render_html(node ?? root, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Wraps a link's text in literal HTML instead of the link, and frees the link node.
    func replaceLink(_ link: OpaquePointer, enter: String, exit: String) {
        let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(wrapper, enter)
        cmark_node_set_on_exit(wrapper, exit)
        while let child = cmark_node_first_child(link) {
            cmark_node_unlink(child)
            cmark_node_append_child(wrapper, child)
        }
        cmark_node_insert_before(link, wrapper)
        cmark_node_unlink(link)
        cmark_node_free(link)
    }

    /// Puts literal HTML where `node` was (inline HTML for an inline node), and frees `node`.
    func replace(_ node: OpaquePointer, withHTML html: String, inline: Bool = false) {
        let block = cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, html)
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

/// Node accessors: cmark-gfm nodes are opaque, so these wrap its getters.
extension OpaquePointer {
    var type: cmark_node_type { cmark_node_get_type(self) }
    var startLine: Int { Int(cmark_node_get_start_line(self)) }
    var startColumn: Int { Int(cmark_node_get_start_column(self)) }
    var parent: OpaquePointer? { cmark_node_parent(self) }

    var literal: String? { cmark_node_get_literal(self).map { String(cString: $0) } }
    var url: String? { cmark_node_get_url(self).map { String(cString: $0) } }
    var fenceInfo: String { cmark_node_get_fence_info(self).map { String(cString: $0) } ?? "" }

    /// The nearest position: inline nodes may carry none, so fall back to their block.
    var position: (line: Int, column: Int) {
        var node: OpaquePointer? = self
        while let current = node {
            if current.startLine > 0 { return (current.startLine, max(current.startColumn, 1)) }
            node = current.parent
        }
        return (1, 1)
    }

    func hasAncestor(_ type: cmark_node_type) -> Bool {
        var current = parent
        while let node = current {
            if node.type == type { return true }
            current = node.parent
        }
        return false
    }

    /// Calls `visit` with the node and each node below it, in document order.
    func forEachNode(_ visit: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(self)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// A paragraph's text two ways, in one walk. Written: its text nodes only (not code), other
    /// inline nodes as a NUL, what a reader sees written out, where a `[^2]` with no definition
    /// is left as it is. Plain: `plainText`.
    var writtenAndPlainText: (written: String, plain: String) {
        // Gathered as bytes straight from cmark's text, one String each at the end: a String per
        // text node was a tenth of reading the Markdown.
        var written: [UInt8] = [], plain: [UInt8] = []
        func literal(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
            guard let text = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
        }
        forEachNode { node in
            let type = node.type
            switch type {
            case CMARK_NODE_TEXT:
                let text = literal(node)
                if node != self { written.append(contentsOf: text) }
                plain.append(contentsOf: text)
                return
            case CMARK_NODE_CODE: plain.append(contentsOf: literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: plain.append(0x20)
            default: break
            }
            if node != self { written.append(0) }
        }
        return (String(decoding: written, as: UTF8.self), String(decoding: plain, as: UTF8.self))
    }

    /// Text of the node and its descendants, as a reader sees it.
    var plainText: String {
        var out = ""
        forEachNode { node in
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: break
            }
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
