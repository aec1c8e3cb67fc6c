import Foundation
import Testing
@testable import DermaSite

/// The JSON-LD writer is this project's own; Foundation's parser reads what it writes.
@Suite struct StructuredDataTests {
    @Test func foundationReadsBackEveryStringAndNoneCanCloseTheScript() throws {
        let pieces = ["L5", "big toe", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "</script>", "\u{01}", "\u{1F}",
                      "café", "’", "😀", "/", " ", "{", "}", "[", ",", ":"]
        var random = SeededRandom(seed: 20261204)
        for _ in 0..<2_000 {
            let key = (0..<random.below(4)).map { _ in random.pick(pieces) }.joined()
            let text = (0..<random.below(20)).map { _ in random.pick(pieces) }.joined()
            let json = StructuredData.encode([key: .string(text), "list": .array([.string(text), "x"])])
            for raw in ["<", ">", "&"] { #expect(!json.contains(raw), "\(json)") }
            let read = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(read[key] as? String == text, "\(json)")
            #expect(read["list"] as? [String] == [text, "x"] || key == "list", "\(json)")
        }
    }
}
