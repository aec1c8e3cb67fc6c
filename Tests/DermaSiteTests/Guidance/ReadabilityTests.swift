@testable import DermaSite
import Testing

@Suite struct ReadabilityTests {
    /// Counted by hand, syllable by syllable (and checked against a dictionary's hyphenation).
    @Test(arguments: [
        ("the", 1), ("skin", 1), ("nerve", 1), ("nerves", 1), ("root", 1), ("foot", 1), ("strip", 1),
        ("numbness", 2), ("tingling", 2), ("ankle", 2), ("table", 2), ("little", 2), ("hybrid", 2),
        ("mammal", 2), ("creature", 2), ("tested", 2), ("boxes", 2), ("pressed", 1), ("spine", 1),
        ("dermatome", 3), ("platypus", 3), ("seemingly", 3), ("Australian", 3), ("reptilian", 3),
        ("lateral", 3), ("medial", 3), ("stenosis", 3), ("sensation", 3), ("myotome", 3), ("people", 2),
        ("anterior", 4), ("posterior", 4), ("malleolus", 4), ("sciatica", 4), ("herniation", 4),
        ("radiculopathy", 6), ("equina", 3), ("cauda", 2), ("syndrome", 2), ("area", 3), ("popliteal", 4),
    ])
    func syllables(word: String, expected: Int) {
        #expect(Readability.syllables(word) == expected)
    }

    /// The published worked example for Flesch–Kincaid: 13 words, 24 syllables, grade 11.3.
    @Test func publishedWorkedExample() {
        let score = Readability.score("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.")
        #expect(score.words == 13 && score.sentences == 1 && score.syllables == 24)
        #expect(abs(score.fleschKincaidGrade - 11.3) < 0.05)
        #expect(abs(score.fleschReadingEase - 37.5) < 0.5)
    }

    @Test func sentencesAndSMOG() {
        let score = Readability.score("You may feel it. Is it numb? Yes! See e.g. the table, or 3.5 cm lower.\nA list item without a stop")
        #expect(score.sentences == 5)
        // SMOG = 1.043 * sqrt(polysyllables * 30 / sentences) + 3.1291
        let polysyllabic = Readability.score("Radiculopathy is uncommon. Dermatomes vary.")
        #expect(polysyllabic.polysyllables == 3)
        #expect(abs(polysyllabic.smog - (1.043 * (3.0 * 30 / 2).squareRoot() + 3.1291)) < 1e-9)
    }

    @Test func proseLeavesOutHeadingsTablesCodeAndFootnotes() {
        let result = MarkdownRenderer().render("""
        ## A heading

        First paragraph

        | a | b |
        |---|---|
        | table | text |

        ```dermatome-map
        view: both
        ```

        - item one
        - item two.

        Claim.[^1]

        [^1]: A footnote.
        """)
        #expect(result.prose == "First paragraph.\nitem one.\nitem two.\nClaim.")
    }

    /// The build keeps the scores of a page's running text, not the text: the scores must be the
    /// text's own.
    @Test func scoringKeepsTheTextsScoresAndDropsTheText() {
        let result = MarkdownRenderer().render("Numbness in the big toe. It can come from the L5 root.\n\n- Pain down the leg\n")
        let scored = result.scored()
        #expect(!result.prose.isEmpty && scored.prose.isEmpty)
        #expect(scored.readability == Readability.score(result.prose))
        #expect(scored.html == result.html && scored.links == result.links && scored.headings == result.headings)
    }
}
