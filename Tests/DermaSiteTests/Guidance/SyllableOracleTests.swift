@testable import DermaSite
import Foundation
import Testing

/// The syllable count reads each word in place now; this is the count as it was written before
/// (copying and trimming the word), kept as the oracle for every word of the bundled articles
/// and for seeded random words.
@Suite struct SyllableOracleTests {
    @Test func sameCountsAsTheCopyingVersion() throws {
        var words = Set<[UInt8]>()
        let articles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content/articles")
        for name in try FileManager.default.contentsOfDirectory(atPath: articles.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: articles.appendingPathComponent(name), encoding: .utf8)
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) { words.insert(Array(word.utf8)) }
        }
        #expect(words.count > 500)
        // Random words over the letters the rules look at, so every ending and vowel pair comes up.
        var state: UInt64 = 20261203
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let letters = Array("aeiouyqtscgxdlhnrzé".utf8)
        for _ in 0..<20_000 {
            words.insert((0..<(1 + next(11))).map { _ in letters[next(letters.count)] })
        }
        var differ: [String] = []
        for word in words where Readability.syllables(bytes: word) != Self.reference(word) {
            differ.append(String(decoding: word, as: UTF8.self))
        }
        #expect(differ.isEmpty, "\(differ.prefix(20))")
    }

    static func reference(_ raw: [UInt8]) -> Int {
        func counted(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || b >= 0xC0 }
        var w = raw.filter(counted)
        if w.isEmpty { return 0 }
        if w.count <= 3 { return 1 }
        if let known = Readability.exceptions[w] { return known }
        func isVowel(_ b: UInt8) -> Bool { b == 97 || b == 101 || b == 105 || b == 111 || b == 117 || b == 121 }
        func ends(_ suffix: String) -> Bool { w.count >= suffix.utf8.count && w.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        if ends("es"), !"sxzgc".utf8.contains(w[w.count - 3]), !ends("ches"), !ends("shes") {
            w.removeLast(2)
        } else if ends("ed"), w[w.count - 3] != 116, w[w.count - 3] != 100, w.count > 4 {
            w.removeLast(2)
        } else if ends("e"), !ends("le") || isVowel(w[w.count - 3]), !ends("ee") {
            w.removeLast()
        }
        var count = 0
        var i = 0
        while i < w.count {
            guard isVowel(w[i]), !(w[i] == 121 && i == 0) else { i += 1; continue }
            count += 1
            var j = i + 1
            while j < w.count, isVowel(w[j]) {
                if splits(w, pairAt: j - 1) { count += 1 }
                j += 1
            }
            i = j
        }
        return max(1, count)
    }

    private static func splits(_ w: [UInt8], pairAt i: Int) -> Bool {
        let pair = (w[i], w[i + 1])
        let splitting: [(UInt8, UInt8)] = [(105, 97), (105, 111), (101, 111), (117, 97), (105, 117), (105, 101), (117, 111)]
        guard splitting.contains(where: { $0 == pair }) else { return false }
        let before: UInt8 = i > 0 ? w[i - 1] : 32
        if before == 113 { return false }
        let rest = w[i...]
        func restIs(_ text: String) -> Bool { rest.elementsEqual(text.utf8) }
        func restStarts(_ text: String) -> Bool { rest.starts(with: text.utf8) }
        if pair == (105, 111), restStarts("ion") || restStarts("ious"), "tscgx".utf8.contains(before) { return false }
        if pair == (105, 97), restStarts("ial"), "tc".utf8.contains(before) { return false }
        if pair == (105, 97), restIs("ian") || restIs("ians") { return false }
        if pair == (105, 101), i + 2 >= w.count || restIs("ies") { return false }
        return true
    }
}
