@testable import DermaSite
import Testing

/// The reading-level score reads words in place now; this is the score as it was written before
/// (copying each word out), kept as the oracle for seeded random prose.
@Suite struct ReadabilityOracleTests {
    @Test func sameScoresAsTheCopyingVersion() {
        let pieces = ["The", "nerve", "root", "L5", "e.g.", "Dr.", "dr.", "approx.", "fig.", "3.5", "cm", "isn't", "well-known",
                      "people", "CREATES", "Sciatica", "naïve", "café", "—", "“quoted”", "’s", "-", "'", "x", "A", "i.e.",
                      " ", " ", " ", "\n", ".", ". ", "! ", "? ", "?", "!\"", ".\u{201D}", ",", ";", "(", ")", "123", "7th"]
        var random = SeededRandom(seed: 20261212)
        var scored = 0
        for _ in 0..<4000 {
            let text = (0...random.below(40)).map { _ in random.pick(pieces) }.joined(separator: random.chance(70) ? " " : "")
            let score = Readability.score(text)
            #expect(score == Self.referenceScore(text), "\(text.debugDescription)")
            if score.sentences > 1 { scored += 1 }
        }
        #expect(scored > 1000)
    }

    static func referenceScore(_ text: String) -> ReadabilityScore {
        var words = 0, syllables = 0, polysyllables = 0, sentences = 0
        var inSentence = false
        var word: [UInt8] = []
        var hasLetter = false
        var lastWord: [UInt8] = []
        func endWord() {
            guard !word.isEmpty else { return }
            let count = hasLetter ? Readability.syllables(bytes: word) : (word.count > 1 ? 2 : 1)
            words += 1
            syllables += count
            if count >= 3 { polysyllables += 1 }
            swap(&lastWord, &word)
            word.removeAll(keepingCapacity: true)
            hasLetter = false
            inSentence = true
        }
        let bytes = Array(text.utf8)
        for (index, b) in bytes.enumerated() {
            let letter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
            let digit = b >= 48 && b <= 57
            if letter || digit || ((b == 39 || b == 45) && !word.isEmpty) {
                word.append(b >= 65 && b <= 90 ? b + 32 : b)
                hasLetter = hasLetter || letter
                continue
            }
            endWord()
            // A full stop ends a sentence only before a space or the end (not in "e.g." or "3.5").
            guard b == 46 || b == 33 || b == 63, inSentence else { continue }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 32
            let breaks = next == 32 || next == 10 || next == 9 || next == 13 || next == 34 || next == 0xE2
            let abbreviation = b == 46 && (lastWord.count == 1 || Readability.abbreviations.contains(lastWord))
            if breaks, !abbreviation {
                sentences += 1
                inSentence = false
            }
        }
        endWord()
        if inSentence { sentences += 1 }
        return ReadabilityScore(words: words, sentences: sentences, syllables: syllables, polysyllables: polysyllables)
    }

    /// A full stop after these does not end a sentence ("e.g." ends in the one-letter "g").
    static let abbreviations: Set<[UInt8]> = Set(["dr", "mr", "mrs", "ms", "vs", "approx", "fig"].map { Array($0.utf8) })
}
