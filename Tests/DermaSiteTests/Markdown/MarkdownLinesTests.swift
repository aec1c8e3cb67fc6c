@testable import DermaSite
import Testing

/// A page's lines, split on its bytes, are the lines splitting it on "\n" Characters gives: on
/// random text of line feeds, carriage returns, combining accents, emoji and letters.
@Suite struct MarkdownLinesTests {
    @Test func linesAreThoseACharacterSplitGives() {
        var random = SeededRandom(seed: 20261204)
        let pieces = ["\n", "\n\n", "\r", "\r\n", "\u{301}", "e\u{301}", "👩‍⚕️", "é", "a", " ", "```", "> ", "\t", "\u{0}"]
        for round in 0..<3_000 {
            let text = (0..<random.below(30)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            let made = MarkdownRenderer.lines(of: text)
            #expect(made == expected, "round \(round): \(text.debugDescription)")
            #expect(made.map { $0.startIndex } == expected.map { $0.startIndex }, "round \(round): where each line starts")
        }
    }
}
