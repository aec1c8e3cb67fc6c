/// How text becomes search terms. The browser's search script (Templates/assets/search.js) does
/// the same to what a reader types, step by step; SearchParityTests runs both on one word list.
public enum SearchWords {
    /// Words too common to find anything by. Kept in the index file, so the script drops the same.
    public static let stopWords: [String] = [
        "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
        "do", "does", "for", "from", "get", "got", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them",
        "then", "there", "they", "this", "to", "up", "was", "we", "were", "what", "when", "where", "which", "who",
        "why", "will", "with", "you", "your",
    ]
    private static let stopSet = Set(stopWords)

    /// The terms of a text, in order, stop words left out.
    public static func terms(_ text: String) -> [String] {
        words(text).compactMap { stopSet.contains($0) ? nil : term($0) }
    }

    /// The words of a text: lower case, accents dropped, apostrophes joined ("can't" -> "cant"),
    /// split at anything that is not a letter or a digit.
    public static func words(_ text: String) -> [String] {
        plainWords(text) ?? unicodeWords(text)
    }

    /// The same split for text that is ASCII but for typographic punctuation (curly quotes,
    /// dashes, no-break spaces): bytes, not Unicode properties, as most pages are.
    static func plainWords(_ text: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        func finish() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "'"): continue
            case 0..<0x80: finish()
            case 0xC2 where index < bytes.count && bytes[index] == 0xA0:  // no-break space
                index += 1
                finish()
            case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (0x90...0xA6).contains(bytes[index + 1]):
                // U+2010 to U+2026: dashes, quotes and the ellipsis; U+2019 is an apostrophe.
                if bytes[index + 1] != 0x99 { finish() }
                index += 2
            default: return nil
            }
        }
        finish()
        return words
    }

    static func unicodeWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }  // accents, once letters are decomposed
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// One word's term: British and American spellings made one, then a light stem, so "tingling",
    /// "tingle" and "tingles" meet, as do "anaesthesia" and "anesthesia".
    public static func term(_ word: String) -> String {
        stem(spelling(word))
    }

    /// Only plain a-z words are respelled and stemmed: the rules are English, and the browser's
    /// script then counts letters the same way.
    static func isPlain(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    static func spelling(_ word: String) -> String {
        var word = word
        guard word.count > 3, isPlain(word) else { return word }
        if word.hasPrefix("oe") { word = "e" + word.dropFirst(2) }  // oedema, oesophagus
        word = word.replacingOccurrences(of: "ae", with: "e")  // anaesthetic, haemorrhage, faeces
        word = word.replacingOccurrences(of: "oea", with: "ea")  // diarrhoea
        if word.count > 5, word.hasSuffix("our") { word = word.dropLast(3) + "or" }  // colour, tumour
        for (british, american) in [("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"),
                                     ("ise", "ize"), ("yse", "yze"), ("ysed", "yzed")]
            where word.count > 5 && word.hasSuffix(british) {
            word = word.dropLast(british.count) + american
            break
        }
        return word
    }

    static func stem(_ word: String) -> String {
        guard word.count > 3, isPlain(word) else { return word }
        var word = word
        if let irregular = irregular[word] { return irregular }
        if word.hasSuffix("ies") || word.hasSuffix("ied"), word.count > 4 {
            word = word.dropLast(3) + "y"
        } else if word.hasSuffix("sses") {
            word = String(word.dropLast(2))
        } else if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            word = String(word.dropLast())
        }
        if word.hasSuffix("ation"), word.count - 5 >= 3 { return String(word.dropLast(3)) }  // herniation, as herniated
        // "tingly" and "prickly" meet "tingle" and "prickle"; "suddenly" is let be.
        if word.hasSuffix("ly"), word.count >= 5 { return String(word.dropLast()) }
        for suffix in ["ness", "ing", "edly", "ed"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            if suffix.hasPrefix("ed"), word.dropLast(suffix.count).hasSuffix("e") { break }  // need, bleed
            word = String(word.dropLast(suffix.count))
            // "slipped" and "slipping" -> "slip"
            let letters = Array(word)
            if letters.count >= 3, letters[letters.count - 1] == letters[letters.count - 2], !"aeioulsz".contains(letters.last!) {
                word = String(word.dropLast())
            }
            break
        }
        if word.hasSuffix("e"), word.count >= 4 { word = String(word.dropLast()) }
        return word
    }

    static let irregular = ["feet": "foot", "calves": "calf", "thighs": "thigh"]

    /// The shard a term is kept in: its first letter, or "0" for anything else.
    public static func shard(of term: String) -> String {
        guard let first = term.unicodeScalars.first, ("a"..."z").contains(first) else { return "0" }
        return String(first)
    }

    /// Every shard name, in order: a to z, then 0.
    public static let shards: [String] = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) } + ["0"]
}
