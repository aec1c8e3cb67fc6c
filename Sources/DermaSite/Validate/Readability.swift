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
        // Read once here, not once a word: each read of a static is a call.
        let exceptions = exceptionTable
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
                    let wordSyllables = hasLetter ? Self.syllables(word: word, exceptions: exceptions) : (word.count > 1 ? 2 : 1)
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

    public static func syllables(_ raw: String) -> Int {
        var bytes: [UInt8] = []
        for b in raw.utf8 {
            if b >= 65 && b <= 90 { bytes.append(b + 32) } else if (b >= 97 && b <= 122) || b >= 0x80 { bytes.append(b) }
        }
        return syllables(bytes: bytes)
    }

    /// Lower-case UTF-8 letters; bytes outside ASCII count as consonants.
    static func syllables(bytes raw: [UInt8]) -> Int {
        let exceptions = exceptionTable
        return raw.withUnsafeBufferPointer { syllables(word: $0, exceptions: exceptions) }
    }

    static func syllables(word raw: UnsafeBufferPointer<UInt8>, exceptions: ExceptionTable) -> Int {
        func counted(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || b >= 0xC0 }
        // Most words need no filtering: read their bytes where they are.
        if raw.allSatisfy(counted) { return syllables(letters: raw, exceptions: exceptions) }
        return raw.filter(counted).withUnsafeBufferPointer { syllables(letters: $0, exceptions: exceptions) }
    }

    /// The count for letters only. A silent ending shortens `n`, the length read, so no word is
    /// copied: this runs for every word of every article on each build. The vowels of a word of
    /// up to 64 letters are a bit mask: its runs are counted without a branch a letter.
    private static func syllables(letters w: UnsafeBufferPointer<UInt8>, exceptions: ExceptionTable) -> Int {
        var n = w.count
        if n == 0 { return 0 }
        if n <= 3 { return 1 }
        let first = Int(w[0])
        if exceptions.lengths[first] & (1 << min(n, 63)) != 0 {
            for exception in exceptions.byFirstLetter[first] where exception.word.count == n && exception.word.elementsEqual(w) {
                return exception.count
            }
        }
        // Silent endings: "-es" and "-ed" after most consonants, and a final "e" (but "-le" after a
        // consonant is a syllable: "ta-ble").
        let last = w[n - 1], second = w[n - 2], third = w[n - 3]
        let e = UInt8(ascii: "e")
        if last == UInt8(ascii: "s"), second == e {
            let sibilant = third == UInt8(ascii: "s") || third == UInt8(ascii: "x") || third == UInt8(ascii: "z")
                || third == UInt8(ascii: "g") || third == UInt8(ascii: "c")
            let chOrSh = third == UInt8(ascii: "h") && n >= 4 && (w[n - 4] == UInt8(ascii: "c") || w[n - 4] == UInt8(ascii: "s"))
            if !sibilant, !chOrSh { n -= 2 }
        } else if last == UInt8(ascii: "d"), second == e {
            if third != 116, third != 100, n > 4 { n -= 2 }
        } else if last == e, second != UInt8(ascii: "l") || isVowel(third), second != e {
            n -= 1
        }
        guard n <= 64 else { return slowCount(w, n) }
        var vowels: UInt64 = 0
        for i in 0..<n { vowels |= (isVowel(w[i]) ? 1 : 0) << UInt64(i) }
        if w[0] == UInt8(ascii: "y") { vowels &= ~1 }
        var count = (vowels & ~(vowels << 1)).nonzeroBitCount
        // Vowel pairs inside a run, each a chance of a second syllable.
        var pairs = vowels & (vowels >> 1)
        while pairs != 0 {
            let at = pairs.trailingZeroBitCount
            if splits(w, n, pairAt: at) { count += 1 }
            pairs &= pairs - 1
        }
        return max(1, count)
    }

    private static func slowCount(_ w: UnsafeBufferPointer<UInt8>, _ n: Int) -> Int {
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

    struct ExceptionTable {
        /// For each first letter, the lengths of the exceptions that start with it, as bits.
        var lengths = [UInt64](repeating: 0, count: 256)
        /// The exceptions by first letter: a word is compared with the few that start like it.
        var byFirstLetter = [[(word: [UInt8], count: Int)]](repeating: [], count: 256)
    }

    private static let exceptionTable: ExceptionTable = {
        var table = ExceptionTable()
        for (word, count) in exceptions {
            table.lengths[Int(word[0])] |= 1 << min(word.count, 63)
            table.byFirstLetter[Int(word[0])].append((word, count))
        }
        return table
    }()

    /// a, e, i, o, u and y, as bits of a mask over the letters.
    @inline(__always) private static func isVowel(_ b: UInt8) -> Bool {
        let offset = b &- 97
        return offset < 26 && (0x110_4111 as UInt32) >> UInt32(offset) & 1 != 0
    }

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
