import CCmarkGFM

/// What the renderer reads in a page's Markdown text itself: its lines, where a text is written,
/// footnote labels cmark left as text, and whether a fenced block was closed.
extension MarkdownRenderer {
    /// Where `text` is first written between two lines of the Markdown (1-based); the first line if
    /// it is not found as written.
    static func position(of text: String, in markdown: String, from first: Int, to last: Int) -> (line: Int, column: Int) {
        let lines = Self.lines(of: markdown)
        for number in max(first, 1)...max(min(last, lines.count), first) where number <= lines.count {
            if let range = lines[number - 1].range(of: text) {
                return (number, lines[number - 1].distance(from: lines[number - 1].startIndex, to: range.lowerBound) + 1)
            }
        }
        return (first, 1)
    }

    /// The lines of `markdown`, as splitting it on "\n" Characters gives them, split on its bytes:
    /// a line feed is a Character of its own unless a carriage return comes before it, and loaded
    /// text has none (FrontMatterSplitter.normalizeText). Splitting by Characters was a twentieth
    /// of a small site's build.
    static func lines(of markdown: String) -> [Substring] {
        guard markdown.utf8Offset(of: "\r") == nil else { return markdown.split(separator: "\n", omittingEmptySubsequences: false) }
        return markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Labels of `[^label]` left as text: cmark-gfm turns only defined footnotes into references.
    static func undefinedFootnotes(_ text: String) -> [String] {
        guard text.utf8Offset(of: "[^") != nil else { return [] }
        var labels: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[^") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "]") else { break }
            let label = after[..<close]
            if !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "\u{0}" || $0 == "[" }) {
                labels.append(String(label))
            }
            rest = after
        }
        return labels
    }

    /// A fenced block ends at a closing fence line; an unclosed one runs to the end of the page.
    static func fenceIsClosed(_ node: OpaquePointer, lines: [Substring]) -> Bool {
        let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
        let lastWritten = lines.lastIndex { !$0.trimmingWhitespace().isEmpty }.map { $0 + 1 } ?? 0
        // Ending before the page does, the block was closed (in a list or a quote as well).
        if end < lastWritten { return true }
        guard end > start, end <= lines.count else { return false }
        let last = lines[end - 1].drop { $0 == " " || $0 == ">" || $0 == "\t" }
        return last.hasPrefix("```") || last.hasPrefix("~~~")
    }
}
