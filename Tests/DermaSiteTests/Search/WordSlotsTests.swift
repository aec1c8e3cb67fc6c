@testable import DermaSite
import Testing

@Suite struct WordSlotsTests {
    /// Against a Swift dictionary, over enough words to grow the table several times, with
    /// words that are prefixes of one another and the empty word.
    @Test func agreesWithADictionary() {
        var slots = WordSlots()
        var expected: [String: Int] = [:]
        var made = 0
        var words = ["", "a", "ab", "abc", "ba", "aa", "aaa"]
        for index in 0..<5_000 { words.append("w\(index * 7919 % 5_003)") }
        for round in 0..<2 {
            for word in words {
                var text = word
                let value = text.withUTF8 { bytes in
                    slots.value(for: bytes) { _ in
                        made += 1
                        return made
                    }
                }
                if let known = expected[word] {
                    #expect(value == known, "\(word) in round \(round)")
                } else {
                    #expect(value == made)
                    expected[word] = value
                }
            }
        }
        #expect(made == expected.count)
    }
}

@Suite struct TagNameTests {
    @Test func comparesLowerCaseNamesOfAnyLength() {
        #expect(TagName(Array("NAV".utf8)) == "nav")
        #expect(TagName(Array("h1".utf8)) != "h2")
        #expect(TagName(Array("FigCaption".utf8)) == "figcaption")
        #expect(TagName(Array("abcdefgh".utf8)) != "abcdefghi")
        #expect(TagName(Array("abcdefghijklmnopq".utf8)) == "ABCDEFGHIJKLMNOPQ")
        #expect(TagName(Array("abcdefghijklmnopq".utf8)) != "abcdefghijklmnopr")
        #expect(TagName([UInt8]()) != "a")
    }
}

/// `SearchIndex.scores` keys its words by bytes; this is the count written plainly, a String per
/// word, as the oracle over seeded random pages (plain, typographic and accented text).
@Suite struct SearchScoresOracleTests {
    @Test func sameScoresAsAStringDictionary() {
        let vocabulary = ["Numbness", "numb", "the", "feet", "foot", "tingling", "tingles", "L5", "S1", "can't",
                          "café", "Ödem", "anaesthesia", "anesthesia", "colour", "herniation", "—", "’s", "ÉCOLE",
                          "dermatomes", "a", "you", "pain", "x1", "l4-l5", "“quoted”", "leg…", "\u{00A0}"]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let fields: [PageText.Field] = [.title, .heading, .body]
        let weights = [0.5, 1, 2]
        // One memo kept across all the pages, as a worker keeps it, and a fresh one per page.
        var memo = TermMemo()
        for _ in 0..<300 {
            let parts = (0..<(1 + next(6))).map { _ in
                PageText.Part(field: fields[next(3)], weight: weights[next(3)],
                              text: (0..<next(40)).map { _ in vocabulary[next(vocabulary.count)] }.joined(separator: next(4) == 0 ? ", " : " "))
            }
            let page = PageText(title: "", parts: parts)
            let reference = Self.reference(page)
            #expect(SearchIndex.scores(page) == reference, "\(parts.map(\.text))")
            #expect(SearchIndex.scores(page, memo: &memo) == reference, "\(parts.map(\.text))")
        }
    }

    static func reference(_ text: PageText) -> [String: Int] {
        var counts: [String: (title: Double, heading: Double, body: Double)] = [:]
        for part in text.parts {
            for word in SearchWords.words(part.text) where !SearchWords.isStopWord(word) {
                let term = SearchWords.term(word)
                var count = counts[term] ?? (0, 0, 0)
                switch part.field {
                case .title: count.title = max(count.title, SearchIndex.titleScore * part.weight)
                case .heading:
                    count.heading = max(count.heading, min(2 * SearchIndex.headingScore * max(1, part.weight),
                                                           count.heading + SearchIndex.headingScore * part.weight))
                case .body:
                    count.body = max(count.body, min(SearchIndex.bodyCap * max(1, part.weight),
                                                     count.body + SearchIndex.bodyScore * part.weight))
                }
                counts[term] = count
            }
        }
        return counts.mapValues { max(1, Int(($0.title + $0.heading + $0.body).rounded())) }
    }
}
