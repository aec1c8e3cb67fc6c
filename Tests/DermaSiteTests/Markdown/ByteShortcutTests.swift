@testable import DermaSite
import Foundation
import Testing

/// Byte shortcuts of the Markdown step against the Character and scalar code they stand in for
/// (kept here as written before), on seeded random text that mixes ASCII with what breaks byte
/// reasoning: combining marks, CR LF, curly quotes, non-ASCII white space and letters.
@Suite struct ByteShortcutTests {
    static let pieces = ["a", "Z", "7", " ", "\n", "\r\n", "\t", "\u{0B}", "-", "'", "\u{2019}", "é", "e\u{301}", "\u{301}",
                         "ß", "Æ", "ø", "中", "\u{00A0}", "\u{2003}", "<", ">", "&", "\"", "h2", "/", "#", "😀"]

    static func text(_ random: inout SeededRandom, upTo length: Int) -> String {
        (0..<random.below(length)).map { _ in random.pick(pieces) }.joined()
    }

    @Test func slugsAreMadeAsScalarByScalar() {
        var random = SeededRandom(seed: 20261205)
        var nonEmpty = 0
        for _ in 0..<20000 {
            let text = Self.text(&random, upTo: 14)
            let slug = Slug.make(text)
            if !slug.isEmpty { nonEmpty += 1 }
            #expect(slug == Self.referenceSlug(text), "\(text.debugDescription)")
        }
        #expect(nonEmpty > 10000)
    }

    @Test func trimmingIsAsByScalarProperties() {
        var random = SeededRandom(seed: 20261206)
        var untouched = 0
        for _ in 0..<20000 {
            let text = Self.text(&random, upTo: 8)
            let trimmed = text.trimmingWhitespace()
            if trimmed == text { untouched += 1 }
            #expect(trimmed == Self.referenceTrim(text), "\(text.debugDescription)")
        }
        #expect(untouched > 3000 && untouched < 17000)
    }

    /// Headings as cmark-gfm renders them (and some it would not), anchored as the Character
    /// code did, including text that starts or ends with a combining mark next to a tag.
    @Test func headingsAreAnchoredAsByCharacters() {
        var random = SeededRandom(seed: 20261207)
        for _ in 0..<20000 {
            let level = 1 + random.below(6)
            let inner = Self.text(&random, upTo: 8)
            let open = random.chance(90) ? "<h\(level)>" : "<h\(level) x>"
            let close = random.chance(90) ? "</h\(level)>" : ""
            let rendered = open + inner + close + String(repeating: random.chance(20) ? "\r\n" : "\n", count: random.below(3))
            let text = Self.text(&random, upTo: 6), id = Slug.make(text)
            #expect(MarkdownRenderer.anchoredHeading(rendered, level: level, id: id, text: text)
                    == Self.referenceHeading(rendered, level: level, id: id, text: text), "\(rendered.debugDescription)")
        }
    }

    static func referenceSlug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded: String?
            if scalar.isASCII {
                folded = String(scalar)
            } else if scalar == "\u{2019}" {
                folded = "'"
            } else {
                let base = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars.filter { $0.isASCII }
                if base.isEmpty {
                    switch scalar {
                    case "ß": folded = "ss"
                    case "æ", "Æ": folded = "ae"
                    case "ø", "Ø": folded = "o"
                    case "œ", "Œ": folded = "oe"
                    default: folded = nil
                    }
                } else {
                    folded = String(String.UnicodeScalarView(base))
                }
            }
            guard let ascii = folded else {
                pendingHyphen = !out.isEmpty
                continue
            }
            for c in ascii.unicodeScalars {
                let lower = (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32)! : c
                if (lower.value >= 97 && lower.value <= 122) || (lower.value >= 48 && lower.value <= 57) {
                    if pendingHyphen { out += "-" }
                    pendingHyphen = false
                    out.unicodeScalars.append(lower)
                } else if c == "'" || c == "\u{2019}" {
                    continue
                } else {
                    pendingHyphen = !out.isEmpty
                }
            }
        }
        return out
    }

    static func referenceTrim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    static func referenceHeading(_ rendered: String, level: Int, id: String, text: String) -> String {
        var inner = Substring(rendered)
        let open = "<h\(level)>", close = "</h\(level)>"
        while inner.last == "\n" { inner.removeLast() }
        if inner.hasPrefix(open) { inner = inner.dropFirst(open.count) }
        if inner.hasSuffix(close) { inner = inner.dropLast(close.count) }
        let label = Escape.html("Link to this section: \(text)")
        return "<div class=\"heading\"><h\(level) id=\"\(id)\">\(inner)</h\(level)>"
            + "<a class=\"heading-anchor\" href=\"#\(id)\" data-search-ignore><span aria-hidden=\"true\">#</span>"
            + "<span class=\"visually-hidden\">\(label)</span></a></div>\n"
    }
}
