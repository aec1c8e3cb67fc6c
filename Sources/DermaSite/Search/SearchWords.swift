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
    static func isStopWord(_ word: String) -> Bool { stopSet.contains(word) }

    /// The terms of a text, in order, stop words left out.
    public static func terms(_ text: String) -> [String] {
        words(text).compactMap { stopSet.contains($0) ? nil : term($0) }
    }

    /// The words of a text: lower case, accents dropped, apostrophes joined ("can't" -> "cant"),
    /// split at anything that is not a letter or a digit.
    public static func words(_ text: String) -> [String] {
        let split = wordBytes(text)
        var start = 0
        return split.ends.map { end in
            defer { start = end }
            return String(decoding: split.bytes[start..<end], as: UTF8.self)
        }
    }

    /// `words` as one run of bytes and where each word ends, for readers that would rather not
    /// make a String of every word (SearchIndex.scores).
    static func wordBytes(_ text: String) -> (bytes: [UInt8], ends: [Int]) {
        plainWordBytes(text) ?? mixedWordBytes(text)
    }

    /// Text with other letters: only the stretches between separators that hold them go through
    /// `unicodeWords`, whose case folding and decomposition cost a thousand times the byte path.
    /// Every separator here is one `unicodeWords` splits at too, and neither folding nor
    /// decomposition reaches across one, so the words are the same.
    static func mixedWordBytes(_ text: String) -> (bytes: [UInt8], ends: [Int]) {
        var text = text, bytes: [UInt8] = [], ends: [Int] = []
        text.withUTF8 { input in
            bytes.reserveCapacity(input.count)
            var index = 0
            while index < input.count {
                let start = index
                var ascii = true, separator = 0
                while index < input.count {
                    separator = separatorLength(input, at: index)
                    if separator > 0 { break }
                    if input[index] >= 0x80 { ascii = false }
                    index += 1
                }
                let run = UnsafeBufferPointer(rebasing: input[start..<index])
                index += separator
                if ascii {
                    let before = bytes.count
                    for byte in run where byte != UInt8(ascii: "'") {
                        bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                    }
                    if bytes.count > before { ends.append(bytes.count) }
                } else {
                    for word in unicodeWords(String(decoding: run, as: UTF8.self)) {
                        bytes.append(contentsOf: word.utf8)
                        ends.append(bytes.count)
                    }
                }
            }
        }
        return (bytes, ends)
    }

    /// The length of the separator at `index`, or 0: any ASCII but letters, digits and `'`; a
    /// no-break space; U+2010 to U+2026 but U+2019, the curly apostrophe.
    private static func separatorLength(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = input[index]
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "'"):
            return 0
        case 0..<0x80: return 1
        case 0xC2 where index + 1 < input.count && input[index + 1] == 0xA0: return 2
        case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80 && (0x90...0xA6).contains(input[index + 2])
                        && input[index + 2] != 0x99:
            return 3
        default: return 0
        }
    }

    /// The split for text that is ASCII but for typographic punctuation (curly quotes, dashes,
    /// no-break spaces), as most pages are: bytes, not Unicode properties, written in one pass.
    static func plainWordBytes(_ text: String) -> (bytes: [UInt8], ends: [Int])? {
        var text = text, endsOfWords: [Int] = [], plain = true
        // Written in place: the words are never longer than the text, and appending a byte at a
        // time cost more than the rest of a page's scoring.
        let bytes = text.withUTF8 { input in
            [UInt8](unsafeUninitializedCapacity: input.count) { out, written in
                var length = 0, lastEnd = 0, index = 0
                while index < input.count {
                    let byte = input[index]
                    index += 1
                    var ends = false
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        out[length] = byte + 32
                        length += 1
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        out[length] = byte
                        length += 1
                    case UInt8(ascii: "'"): break
                    case 0..<0x80: ends = true
                    case 0xC2 where index < input.count && input[index] == 0xA0:  // no-break space
                        index += 1
                        ends = true
                    case 0xE2 where index + 1 < input.count && input[index] == 0x80 && (0x90...0xA6).contains(input[index + 1]):
                        // U+2010 to U+2026: dashes, quotes and the ellipsis; U+2019 is an apostrophe.
                        ends = input[index + 1] != 0x99
                        index += 2
                    default:
                        plain = false
                        written = 0
                        return
                    }
                    if ends, length > lastEnd {
                        endsOfWords.append(length)
                        lastEnd = length
                    }
                }
                if length > lastEnd { endsOfWords.append(length) }
                written = length
            }
        }
        return plain ? (bytes, endsOfWords) : nil
    }

    static func unicodeWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for var scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            // JavaScript lower-cases a word-final sigma to ς, Swift to σ: both become σ.
            if scalar == "\u{03C2}" { scalar = "\u{03C3}" }
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
        word.utf8.count > 3 && isPlain(word) ? plainTerm(word) : word
    }

    /// Only plain a-z words are respelled and stemmed: the rules are English, and the browser's
    /// script then counts letters the same way.
    static func isPlain(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    static func spelling(_ word: String) -> String {
        guard word.utf8.count > 3, isPlain(word) else { return word }
        var letters = Array(word.utf8)
        respell(&letters)
        return String(decoding: letters, as: UTF8.self)
    }

    static func stem(_ word: String) -> String {
        guard word.utf8.count > 3, isPlain(word) else { return word }
        var letters = Array(word.utf8)
        stem(&letters)
        return String(decoding: letters, as: UTF8.self)
    }

    /// Both steps on the word's bytes (plain a-z only: `term` checks).
    private static func plainTerm(_ word: String) -> String {
        var letters = Array(word.utf8)
        respell(&letters)
        if letters.count > 3 { stem(&letters) }
        return String(decoding: letters, as: UTF8.self)
    }

    private static func respell(_ word: inout [UInt8]) {
        if word.starts(with: oe) { word.replaceSubrange(0..<2, with: [e]) }  // oedema, oesophagus
        replaceAll(ae, with: [e], in: &word)  // anaesthetic, haemorrhage, faeces
        replaceAll(oea, with: ea, in: &word)  // diarrhoea
        if word.count > 5, word.ends(with: our) { word.replaceSubrange((word.count - 3)..., with: or) }  // colour, tumour
        // -ise and -yse at any length, so "rise" meets "rising" and "paralyse" "paralysing".
        for (british, american) in respellings where word.ends(with: british) {
            word.replaceSubrange((word.count - british.count)..., with: american)
            break
        }
    }

    private static func stem(_ word: inout [UInt8]) {
        if let irregular = irregularBytes[word] {
            word = irregular
            return
        }
        if (word.ends(with: ies) || word.ends(with: ied)) && word.count > 4 {
            word.replaceSubrange((word.count - 3)..., with: [y])
        } else if word.ends(with: sses) {
            word.removeLast(2)
        } else if word.last == s, !word.ends(with: ss), !word.ends(with: us), !word.ends(with: isEnding) {
            word.removeLast()
        }
        if word.ends(with: ation), word.count - 5 >= 3 {  // herniation, as herniated
            word.removeLast(3)
            return
        }
        // "tingly" and "prickly" meet "tingle" and "prickle"; "suddenly" is let be.
        if word.ends(with: ly), word.count >= 5 {
            word.removeLast()
            return
        }
        for suffix in suffixes where word.ends(with: suffix) && word.count - suffix.count >= 3 {
            if suffix.starts(with: ed), word[word.count - suffix.count - 1] == e { break }  // need, bleed
            word.removeLast(suffix.count)
            // "slipped" and "slipping" -> "slip"
            let count = word.count
            if count >= 3, word[count - 1] == word[count - 2], !Array("aeioulsz".utf8).contains(word[count - 1]) {
                word.removeLast()
            }
            break
        }
        if word.last == e, word.count >= 4 { word.removeLast() }
    }

    private static func replaceAll(_ target: [UInt8], with replacement: [UInt8], in word: inout [UInt8]) {
        var index = 0
        while index + target.count <= word.count {
            if word[index..<(index + target.count)].elementsEqual(target) {
                word.replaceSubrange(index..<(index + target.count), with: replacement)
                index += replacement.count
            } else {
                index += 1
            }
        }
    }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    private static let e = UInt8(ascii: "e"), s = UInt8(ascii: "s"), y = UInt8(ascii: "y")
    private static let oe = bytes("oe"), ae = bytes("ae"), oea = bytes("oea"), ea = bytes("ea"), our = bytes("our"), or = bytes("or")
    private static let ies = bytes("ies"), ied = bytes("ied"), sses = bytes("sses"), ss = bytes("ss"), us = bytes("us")
    private static let isEnding = bytes("is"), ation = bytes("ation"), ly = bytes("ly"), ed = bytes("ed")
    private static let suffixes = ["ness", "ing", "edly", "ed"].map(bytes)
    private static let respellings = [("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"),
                                      ("ise", "ize"), ("ysing", "yzing"), ("yses", "yzes"), ("ysed", "yzed"), ("yse", "yze")].map { (bytes($0.0), bytes($0.1)) }
    private static let irregularBytes = Dictionary(uniqueKeysWithValues: irregular.map { (bytes($0.key), bytes($0.value)) })

    static let irregular = ["feet": "foot", "calves": "calf", "thighs": "thigh"]


    /// The shard a term is kept in: its first letter, or "0" for anything else.
    public static func shard(of term: String) -> String {
        guard let first = term.unicodeScalars.first, ("a"..."z").contains(first) else { return "0" }
        return String(first)
    }

    /// Every shard name, in order: a to z, then 0.
    public static let shards: [String] = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) } + ["0"]
}
extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
