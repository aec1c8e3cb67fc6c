@testable import DermaSite
import Testing

/// A manifest's entry lines are read as bytes when they look as the build writes them; splitting
/// at Characters, as before, is the oracle, on seeded lines both plain and odd.
@Suite struct ManifestLineTests {
    @Test func bytesReadWhatSplittingCharactersReads() {
        let pieces = ["0", "9", "a", "f", "g", "A", " ", "  ", "12", "+5", "-1", "99999999999999999999", "index.html", "a b/", "/",
                      "\u{301}", "é", "x\u{301}", "#", "\t", "s p/index.html", "..", "日本"]
        var random = SeededRandom(seed: 20261213)
        var plain = 0
        for _ in 0..<5000 {
            let line = random.chance(80)
                ? "\(random.pick(["0123456789abcdef", "0123456789abcdef", "ab", "AB", "a#"])) \(random.pick(["0", "12", "007", "+5", "99999999999999999999"]))\(random.pick([" ", "  "]))\(random.pick(pieces))\(random.pick(pieces))"
                : (0...random.below(8)).map { _ in random.pick(pieces) }.joined()
            if let fast = Manifest.plainEntry(Substring(line)) {
                plain += 1
                #expect(fast == Manifest.splitEntry(Substring(line)), "\(line.debugDescription)")
            }
        }
        #expect(plain > 400)
    }

    /// Warning lines and the `#` lines, the same way: bytes against Characters.
    @Test func warningsAndHeadingsReadAsCharactersReadThem() {
        let pieces = ["a.md", "\t", "\t", "12", "x", " ", "\u{301}", "é", "# ", "warning", "inputs", "quick-inputs", "-3", "日本", ""]
        // A tab is a Character of its own, even before a combining mark.
        for text in ["a.md\t1\t2\t\u{301}msg", "a.md\t1\t\u{301}2\tmsg", "a.md\t1\t2\tmsg", "a.md\t1\t2\t", "a\u{301}.md\t1\t2\tm\tn"] {
            #expect(Manifest.warning(Substring(text)) == Manifest.splitWarning(Substring(text)), "\(text.debugDescription)")
        }
        #expect(Manifest.warning("a.md\t1\t2\tmsg") != nil)
        var random = SeededRandom(seed: 20261214)
        for _ in 0..<5000 {
            let text = (0...random.below(10)).map { _ in random.pick(pieces) }.joined()
            let line = Substring(random.pick(["# warning ", "# inputs ", "# quick-inputs ", "# warning", "#", ""]) + text)
            for prefix in ["# warning ", "# inputs ", "# quick-inputs "] {
                let slow: Substring? = line.hasPrefix(prefix) ? line.dropFirst(prefix.count) : nil
                #expect(Manifest.rest(of: line, after: prefix) == slow, "\(line.debugDescription)")
            }
            #expect(Manifest.warning(Substring(text)) == Manifest.splitWarning(Substring(text)), "\(text.debugDescription)")
        }
    }
}
