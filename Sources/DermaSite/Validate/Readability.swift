/// Reading-level scores of plain text: Flesch Reading Ease, Flesch–Kincaid grade and SMOG.
/// Syllables are counted by vowel groups with the usual English corrections (silent final e,
/// -ed and -es endings, vowel pairs that are two syllables), plus a few exceptions.
public struct ReadabilityScore: Sendable, Equatable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    /// Words of three or more syllables (for SMOG).
    public var polysyllables: Int

    public var fleschReadingEase: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 206.835 - 1.015 * Double(words) / Double(sentences) - 84.6 * Double(syllables) / Double(words)
    }

    public var fleschKincaidGrade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// McLaughlin's SMOG grade, scaled to 30 sentences.
    public var smog: Double {
        guard sentences > 0 else { return 0 }
        return 1.043 * (Double(polysyllables) * 30 / Double(sentences)).squareRoot() + 3.1291
    }
}

public enum Readability {
    public static func score(_ text: String) -> ReadabilityScore {
        var words = 0, syllables = 0, polysyllables = 0, sentences = 0
        var inSentence = false
        var word = String.UnicodeScalarView()
        var hasLetter = false
        var lastWord = ""
        func endWord() {
            guard !word.isEmpty else { return }
            lastWord = String(word).lowercased()
            let count = hasLetter ? Self.syllables(String(word)) : (word.count > 1 ? 2 : 1)
            words += 1
            syllables += count
            if count >= 3 { polysyllables += 1 }
            word = String.UnicodeScalarView()
            hasLetter = false
            inSentence = true
        }
        let scalars = Array(text.unicodeScalars)
        for (index, c) in scalars.enumerated() {
            let letter = c.properties.isAlphabetic
            if letter || c.properties.numericType != nil || ((c == "'" || c == "\u{2019}" || c == "-") && !word.isEmpty) {
                word.append(c)
                hasLetter = hasLetter || letter
                continue
            }
            endWord()
            // A full stop ends a sentence only before a space or the end (not in "e.g." or "3.5").
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            let abbreviation = c == "." && (lastWord.count == 1 || Self.abbreviations.contains(lastWord))
            if (c == "." || c == "!" || c == "?") && (next.properties.isWhitespace || next == "\"" || next == "\u{201D}"),
               inSentence, !abbreviation {
                sentences += 1
                inSentence = false
            }
        }
        endWord()
        if inSentence { sentences += 1 }
        return ReadabilityScore(words: words, sentences: sentences, syllables: syllables, polysyllables: polysyllables)
    }

    /// A full stop after these does not end a sentence ("e.g." ends in the one-letter "g").
    static let abbreviations: Set<String> = ["dr", "mr", "mrs", "ms", "vs", "approx", "fig"]

    static let exceptions: [String: Int] = [
        "people": 2, "every": 2, "everyone": 3, "different": 3, "business": 2, "area": 3, "areas": 3,
        "myotome": 3, "myotomes": 3, "idea": 3, "being": 2, "doing": 2, "going": 2, "seeing": 2,
        "create": 2, "science": 2, "quiet": 2, "diet": 2, "poem": 2, "toward": 2, "towards": 2,
        "nerve": 1, "nerves": 1, "once": 1, "popliteal": 4, "sometimes": 2, "somewhere": 2, "someone": 2, "whole": 1,
    ]

    public static func syllables(_ raw: String) -> Int {
        var word = raw.lowercased().filter { $0.isLetter }
        if word.isEmpty { return 0 }
        if let known = exceptions[word] { return known }
        if word.count <= 3 { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        // Silent endings: "-es" and "-ed" after most consonants, and a final "e" (but "-le" after a
        // consonant is a syllable: "ta-ble").
        if word.hasSuffix("es"), let c = word.dropLast(2).last, !"sxzgc".contains(c), !word.hasSuffix("ches"), !word.hasSuffix("shes") {
            word.removeLast(2)
        } else if word.hasSuffix("ed"), let c = word.dropLast(2).last, c != "t", c != "d", word.count > 4 {
            word.removeLast(2)
        } else if word.hasSuffix("e"), !word.hasSuffix("le") || vowels.contains(word.dropLast(2).last ?? "a"), !word.hasSuffix("ee") {
            word.removeLast()
        }
        let letters = Array(word)
        var count = 0
        var i = 0
        while i < letters.count {
            let isVowel = vowels.contains(letters[i]) && !(letters[i] == "y" && i == 0)
            guard isVowel else { i += 1; continue }
            count += 1
            var j = i + 1
            while j < letters.count, vowels.contains(letters[j]) {
                if splits(letters, pairAt: j - 1) { count += 1 }
                j += 1
            }
            i = j
        }
        return max(1, count)
    }

    /// Vowel pairs read as two syllables ("me-di-al", "sci-at-i-ca", "mal-le-o-lus"), except in
    /// the endings "-tion", "-sion", "-cial", "-tial", "-cious", "-ian" and after "qu".
    private static func splits(_ letters: [Character], pairAt i: Int) -> Bool {
        let pair = String(letters[i...i + 1])
        guard ["ia", "io", "eo", "ua", "iu", "ie", "uo", "eu"].contains(pair) else { return false }
        if i > 0, letters[i - 1] == "q" { return false }
        let rest = String(letters[i...])
        let before = i > 0 ? letters[i - 1] : " "
        if pair == "io", rest.hasPrefix("ion") || rest.hasPrefix("ious"), "tscgx".contains(before) { return false }
        if pair == "ia", rest.hasPrefix("ial"), "tc".contains(before) { return false }
        if pair == "ia", rest == "ian" || rest == "ians" { return false }
        if pair == "ie", i + 2 >= letters.count || rest == "ies" { return false }
        if pair == "eu" { return false }
        return true
    }
}
