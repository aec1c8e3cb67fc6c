@testable import DermaSite
import Testing

/// How text becomes search terms: the words, the spellings made one, the light stem.
@Suite struct SearchWordsTests {
    @Test func wordsAreLowerCaseWithoutAccentsAndApostrophes() {
        #expect(SearchWords.words("Can't FEEL my Fuß — L5/S1, naïve") == ["cant", "feel", "my", "fuß", "l5", "s1", "naive"])
        #expect(SearchWords.words("don\u{2019}t \u{201C}tingle\u{201D}\u{00A0}here") == ["dont", "tingle", "here"])
        // The byte path and the Unicode path agree on text both can read.
        for text in ["Pins and needles—in my foot’s sole", "S4-S5: the back passage", "A&amp;E, 999 or 111"] {
            #expect(SearchWords.plainWordBytes(text) != nil)
            #expect(SearchWords.words(text) == SearchWords.unicodeWords(text), "\(text)")
        }
    }

    /// Text with other letters is split at separators and only the stretches that need it are
    /// folded and decomposed: the words must be those of folding the whole text at once.
    @Test func splittingFirstGivesTheWordsOfTheWholeText() {
        let pieces = ["a", "Z", "q7", "5", " ", "-", ".", "&", "\t", "\n", "'", "’", "‘", "\u{00A0}", "—", "…", "‥", "‗",
                      "é", "É", "e\u{0301}", "\u{0301}", "x\u{0327}\u{0301}", "ß", "Σ", "ς", "ﬁ", "½", "²", "→", "°", "İ",
                      "ǅ", "\u{0483}", "日本", "🙂", "\u{200B}", "Ａ", "\u{FDFA}", "Ⅻ", "ｶ", "한", "\u{2011}", "\u{2027}"]
        var random = SeededRandom(seed: 20261206)
        var mixed = 0
        for _ in 0..<3000 {
            let text = (0...random.below(16)).map { _ in random.pick(pieces) }.joined()
            if SearchWords.plainWordBytes(text) == nil { mixed += 1 }
            #expect(SearchWords.words(text) == SearchWords.unicodeWords(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(mixed > 2000)
    }

    @Test(arguments: [
        ("tingling", "tingl"), ("tingles", "tingl"), ("tingle", "tingl"), ("tingly", "tingl"), ("prickly", "prickl"), ("prickle", "prickl"), ("tingled", "tingl"),
        ("numbness", "numb"), ("numb", "numb"), ("slipped", "slip"), ("slipping", "slip"), ("toes", "toe"),
        ("feet", "foot"), ("bleeding", "bleed"), ("need", "need"), ("bodies", "body"), ("herniation", "herniat"),
        ("herniated", "herniat"), ("anaesthesia", "anesthesia"), ("anesthesia", "anesthesia"), ("oedema", "edema"),
        ("diarrhoea", "diarrhea"), ("colour", "color"), ("paralysed", "paralyz"), ("paralyzed", "paralyz"),
        ("l5", "l5"), ("s4", "s4"), ("ache", "ach"), ("aching", "ach"), ("rise", "riz"), ("rising", "riz"),
        ("raise", "raiz"), ("raising", "raiz"), ("paralysing", "paralyz"), ("noises", "noiz"),
    ])
    func termsMeetAcrossFormsAndSpellings(word: String, term: String) {
        #expect(SearchWords.term(word) == term)
    }

    @Test func stopWordsAreLeftOutAndShardsAreFirstLetters() {
        #expect(SearchWords.terms("What is the L5 dermatome in my leg?") == ["l5", "dermatom", "leg"])
        #expect(SearchWords.shard(of: "tingl") == "t" && SearchWords.shard(of: "l5") == "l" && SearchWords.shard(of: "5th") == "0")
        #expect(SearchWords.shard(of: "élan") == "0" && SearchWords.shards.count == 27)
    }
}
