@testable import DermaSite
import Foundation
import Testing

/// The index's JSON strings are written by hand, a run of bytes at a time; Foundation's JSON
/// reader is the oracle for what they say.
@Suite struct JSONTextTests {
    static let pieces = ["a", "Z", " ", "\"", "\\", "<", ">", "&", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
                         "é", "e\u{0301}", "\u{0301}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "’", "—", "日本", "🙂", "/"]

    @Test func stringsReadBackAsWritten() throws {
        var random = SeededRandom(seed: 20261207)
        for _ in 0..<2000 {
            let text = (0..<random.below(24)).map { _ in random.pick(Self.pieces) }.joined()
            let json = JSON.string(text)
            let read = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
            #expect(read == [text], "\(json)")
            // Nothing a script or an old JavaScript reader would trip on is left as it was.
            #expect(!json.contains("<") && !json.contains("\u{2028}") && !json.contains("\u{2029}"), "\(json)")
            #expect(!json.unicodeScalars.contains { $0.value < 0x20 }, "\(json)")
        }
    }

    /// The snippet's cut: by bytes when each byte is a character, by Characters otherwise.
    @Test func snippetsAreTheFirstCharacters() {
        var random = SeededRandom(seed: 20261208)
        let tails = ["a", " ", "\r\n", "\n", "\u{0301}", "é", "🙂", "\r", "x"]
        for _ in 0..<400 {
            let length = SearchIndex.snippetLength - 3 + random.below(6)
            var text = String(repeating: "b", count: length)
            if random.chance(30) {
                let at = text.index(text.startIndex, offsetBy: random.below(length))
                text.insert(contentsOf: random.pick(tails), at: at)
            }
            text += (0..<random.below(4)).map { _ in random.pick(tails) }.joined()
            #expect(SearchIndex.snippetText(text) == String(text.prefix(SearchIndex.snippetLength)))
        }
    }

    @Test func aTermsLineListsItsBestPagesInPageOrder() {
        let postings = (0..<300).map { SearchIndex.Posting(doc: $0, score: ($0 * 37) % 101) }
        let line = SearchIndex.termLine("tingl\"", postings)
        let kept = postings.sorted { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }.prefix(SearchIndex.postingLimit)
            .sorted { $0.doc < $1.doc }
        #expect(line == #""tingl\"":["# + kept.map { "\($0.doc),\($0.score)" }.joined(separator: ",") + "]")
        #expect(SearchIndex.termLine("a", []) == #""a":[]"#)
    }

    /// Against sorting the postings by score, then page, and keeping the first: many pages with
    /// equal scores at the cut, lists just over and under the limit, negative scores.
    @Test func theBestPagesAreThoseASortKeeps() {
        var random = SeededRandom(seed: 20261204)
        for round in 0..<400 {
            let count = [0, 1, 5, 249, 250, 251, 400, 3000][round % 8] + random.below(3)
            let spread = [1, 2, 5, 100, 100_000][random.below(5)]
            let postings = (0..<count).map { SearchIndex.Posting(doc: $0 * 2 + random.below(2), score: random.below(spread) - spread / 3) }
            let limit = [0, 1, 7, SearchIndex.postingLimit][random.below(4)]
            let sorted = postings.sorted { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
            let expected = Array(sorted.prefix(limit)).sorted { $0.doc < $1.doc }
            #expect(SearchIndex.best(postings, limit: limit) == expected, "round \(round): \(count) postings, limit \(limit)")
        }
    }
}
