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

    /// A byte column on a line is the count of characters (UTF-8 lead bytes) before it, plus one,
    /// on whichever line: the converter finds where each line starts.
    @Test func byteColumnsBecomeCharacterColumnsOnEveryLine() {
        var random = SeededRandom(seed: 20261205)
        let pieces = ["\n", "é", "a", "👩‍⚕️", " ", "[x](y)", "\n\n"]
        for round in 0..<500 {
            let text = (0..<random.below(40)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
            let converter = ColumnConverter(text)
            for (index, line) in lines.enumerated() where !line.isEmpty {
                let byteColumn = 1 + random.below(line.count)
                let expected = 1 + line.prefix(byteColumn - 1).filter { $0 & 0xC0 != 0x80 }.count
                #expect(converter.character(line: index + 1, byteColumn: byteColumn) == expected, "round \(round), line \(index + 1)")
            }
        }
    }
}
