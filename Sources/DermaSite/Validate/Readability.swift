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
    /// Works on UTF-8 bytes: scoring runs over every article of a site on each build.
    public static func score(_ text: String) -> ReadabilityScore {
        var text = text
        return text.withUTF8(score)
    }

    /// Words are read where they lie, in a lower-cased copy of the text: copying each word out
    /// byte by byte was most of the scoring. Each word is read by a loop of its own, so the
    /// running counts stay out of the per-byte loop (kept in registers, it is several times faster).
    static func score(_ bytes: UnsafeBufferPointer<UInt8>) -> ReadabilityScore {
        var words = 0, syllables = 0, polysyllables = 0, sentences = 0
        var inSentence = false
        var lastWord = 0..<0
        let count = bytes.count
        _ = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                let b = bytes[index]
                buffer[index] = b >= 65 && b <= 90 ? b + 32 : b
            }
            initialized = count
            let lower = UnsafeBufferPointer(buffer)
            var index = 0
            while index < count {
                let b = bytes[index]
                if isLetter(b) || isDigit(b) {
                    // A word: letters and digits, with apostrophes and hyphens inside it.
                    let start = index
                    var hasLetter = false
                    while index < count {
                        let c = bytes[index]
                        if isLetter(c) { hasLetter = true } else if !isDigit(c) && c != 39 && c != 45 { break }
                        index += 1
                    }
                    let word = UnsafeBufferPointer(rebasing: lower[start..<index])
                    let wordSyllables = hasLetter ? Self.syllables(word: word) : (word.count > 1 ? 2 : 1)
                    words += 1
                    syllables += wordSyllables
                    if wordSyllables >= 3 { polysyllables += 1 }
                    lastWord = start..<index
                    inSentence = true
                    continue
                }
                index += 1
                // A full stop ends a sentence only before a space or the end (not in "e.g." or "3.5").
                guard b == 46 || b == 33 || b == 63, inSentence else { continue }
                let next = index < count ? bytes[index] : 32
                let breaks = next == 32 || next == 10 || next == 9 || next == 13 || next == 34 || next == 0xE2
                let abbreviation = b == 46 && (lastWord.count == 1 || Self.isAbbreviation(UnsafeBufferPointer(rebasing: lower[lastWord])))
                if breaks, !abbreviation {
                    sentences += 1
                    inSentence = false
                }
            }
        }
        if inSentence { sentences += 1 }
        return ReadabilityScore(words: words, sentences: sentences, syllables: syllables, polysyllables: polysyllables)
    }

    /// Any byte outside ASCII counts as a letter, so a word in any script is one word.
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 || b >= 0x80 }
    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    private static func isAbbreviation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        abbreviationList.contains { $0.elementsEqual(word) }
    }

    private static let abbreviationList = Array(abbreviations)

    /// A full stop after these does not end a sentence ("e.g." ends in the one-letter "g").
    static let abbreviations: Set<[UInt8]> = Set(["dr", "mr", "mrs", "ms", "vs", "approx", "fig"].map { Array($0.utf8) })

    static let exceptions: [[UInt8]: Int] = Dictionary(uniqueKeysWithValues: [
        "people": 2, "every": 2, "everyone": 3, "different": 3, "business": 2, "area": 3, "areas": 3,
        "myotome": 3, "myotomes": 3, "idea": 3, "being": 2, "doing": 2, "going": 2, "seeing": 2,
        "create": 2, "science": 2, "quiet": 2, "diet": 2, "poem": 2, "toward": 2, "towards": 2,
        "nerve": 1, "nerves": 1, "once": 1, "popliteal": 4, "sometimes": 2, "somewhere": 2, "someone": 2, "whole": 1,
    ].map { (Array($0.key.utf8), $0.value) })

    /// The exceptions by first letter: a word is compared with the few that start like it, in
    /// place (a dictionary lookup copied and hashed every word that might be one).
    private static let exceptionsByFirstLetter: [[(word: [UInt8], count: Int)]] = {
        var table = [[(word: [UInt8], count: Int)]](repeating: [], count: 256)
        for (word, count) in exceptions { table[Int(word[0])].append((word, count)) }
        return table
    }()

    public static func syllables(_ raw: String) -> Int {
        var bytes: [UInt8] = []
        for b in raw.utf8 {
            if b >= 65 && b <= 90 { bytes.append(b + 32) } else if (b >= 97 && b <= 122) || b >= 0x80 { bytes.append(b) }
        }
        return syllables(bytes: bytes)
    }

    /// Lower-case UTF-8 letters; bytes outside ASCII count as consonants.
    static func syllables(bytes raw: [UInt8]) -> Int {
        raw.withUnsafeBufferPointer(syllables(word:))
    }

    static func syllables(word raw: UnsafeBufferPointer<UInt8>) -> Int {
        func counted(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || b >= 0xC0 }
        // Most words need no filtering: read their bytes where they are.
        if raw.allSatisfy(counted) { return syllables(letters: raw) }
        return raw.filter(counted).withUnsafeBufferPointer { syllables(letters: $0) }
    }

    /// The count for letters only. A silent ending shortens `n`, the length read, so no word is
    /// copied: this runs for every word of every article on each build.
    private static func syllables(letters w: UnsafeBufferPointer<UInt8>) -> Int {
        var n = w.count
        if n == 0 { return 0 }
        if n <= 3 { return 1 }
        for exception in exceptionsByFirstLetter[Int(w[0])] where exception.word.count == n && exception.word.elementsEqual(w) {
            return exception.count
        }
        func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard n >= length else { return false }
            return suffix.withUTF8Buffer { s in (0..<length).allSatisfy { w[n - length + $0] == s[$0] } }
        }
        // Silent endings: "-es" and "-ed" after most consonants, and a final "e" (but "-le" after a
        // consonant is a syllable: "ta-ble").
        let third = w[n - 3]
        if ends("es"), !"sxzgc".utf8.contains(third), !ends("ches"), !ends("shes") {
            n -= 2
        } else if ends("ed"), third != 116, third != 100, n > 4 {
            n -= 2
        } else if ends("e"), !ends("le") || isVowel(third), !ends("ee") {
            n -= 1
        }
        var count = 0
        var i = 0
        while i < n {
            guard isVowel(w[i]), !(w[i] == 121 && i == 0) else { i += 1; continue }
            count += 1
            var j = i + 1
            while j < n, isVowel(w[j]) {
                if splits(w, n, pairAt: j - 1) { count += 1 }
                j += 1
            }
            i = j
        }
        return max(1, count)
    }

    private static func isVowel(_ b: UInt8) -> Bool { b == 97 || b == 101 || b == 105 || b == 111 || b == 117 || b == 121 }

    /// Vowel pairs read as two syllables ("me-di-al", "sci-at-i-ca", "mal-le-o-lus"), except in
    /// the endings "-tion", "-sion", "-cial", "-tial", "-cious", "-ian" and after "qu". `n` is
    /// the word's length once a silent ending is left off.
    private static func splits(_ w: UnsafeBufferPointer<UInt8>, _ n: Int, pairAt i: Int) -> Bool {
        let a = w[i], b = w[i + 1]
        // ia, io, eo, ua, iu, ie, uo
        let splitting = (a == 105 && (b == 97 || b == 111 || b == 117 || b == 101)) || (a == 101 && b == 111)
            || (a == 117 && (b == 97 || b == 111))
        guard splitting else { return false }
        let before: UInt8 = i > 0 ? w[i - 1] : 32
        if before == 113 { return false }  // qu
        let rest = UnsafeBufferPointer(rebasing: w[i..<n])
        func restIs(_ text: StaticString) -> Bool {
            text.withUTF8Buffer { rest.elementsEqual($0) }
        }
        func restStarts(_ text: StaticString) -> Bool {
            text.withUTF8Buffer { rest.starts(with: $0) }
        }
        if a == 105, b == 111, restStarts("ion") || restStarts("ious"), "tscgx".utf8.contains(before) { return false }
        if a == 105, b == 97, restStarts("ial"), before == 116 || before == 99 { return false }
        if a == 105, b == 97, restIs("ian") || restIs("ians") { return false }
        if a == 105, b == 101, i + 2 >= n || restIs("ies") { return false }
        return true
    }
}
