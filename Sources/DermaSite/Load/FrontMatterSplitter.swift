/// Splits `---`-fenced YAML front matter from the Markdown body.
public enum FrontMatterSplitter {
    public struct Parts: Sendable, Equatable {
        /// The YAML between the fences; nil when the file has no front matter.
        public var yaml: String?
        public var body: String
        /// Lines before the body; a YAML line n is file line n + 1.
        public var bodyLineOffset: Int
    }

    public enum Problem: Error, Equatable {
        /// Opened on line 1 but never closed.
        case unterminated
    }

    /// Text is expected with a BOM removed and line endings as `\n` (see `normalizeText`).
    public static func split(_ text: String) -> Result<Parts, Problem> {
        guard isFence(firstLine(of: text)) else {
            return .success(Parts(yaml: nil, body: text, bodyLineOffset: 0))
        }
        var lineNumber = 0
        var yamlLines: [Substring] = []
        var bodyStart: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            // By bytes: a line feed is never part of a longer character, and reading by
            // Characters cost more than the rest of loading a small article.
            let end = text.utf8[index...].firstIndex(of: 10) ?? text.endIndex
            let line = text[index..<end]
            lineNumber += 1
            let next = end < text.endIndex ? text.index(after: end) : end
            if lineNumber > 1 {
                if isFence(line) || line.trimmingTrailingSpaces() == "..." {
                    bodyStart = next
                    break
                }
                yamlLines.append(line)
            }
            index = next
        }
        guard let start = bodyStart else { return .failure(.unterminated) }
        return .success(Parts(yaml: yamlLines.joined(separator: "\n"), body: String(text[start...]),
                              bodyLineOffset: lineNumber))
    }

    /// Drops a byte-order mark and turns CRLF and lone CR into LF, so line numbers match editors.
    public static func normalizeText(_ raw: String) -> String {
        var text = raw
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.utf8Offset(of: "\r") != nil else { return text }
        return text.replacingAllCR()
    }

    private static func firstLine(of text: String) -> Substring {
        text[..<(text.utf8.firstIndex(of: 10) ?? text.endIndex)]
    }

    private static func isFence(_ line: Substring) -> Bool { line.trimmingTrailingSpaces() == "---" }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}

extension String {
    fileprivate func replacingAllCR() -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { out.append(scalar) }
                previousWasCR = false
            }
        }
        return String(out)
    }
}
