@testable import DermaSite
import Foundation
import Testing

/// The places a root's text names, found where each phrase's first letter is, against the scan
/// as it was first written (every phrase tried at every scalar): on the bundled data set's texts
/// and on random text made of its phrases.
@Suite struct PlaceMentionsTests {
    static func everyScalar(in text: String, phrases: [(phrase: String, place: String)]) -> [PlaceWordsCheck.Mention] {
        let scalars = Array(text.unicodeScalars)
        var used = [Bool](repeating: false, count: scalars.count)
        var found: [(offset: Int, mention: PlaceWordsCheck.Mention)] = []
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        for (phrase, place) in phrases {
            let needle = Array(phrase.unicodeScalars)
            guard !needle.isEmpty, needle.count <= scalars.count else { continue }
            var start = 0
            while start + needle.count <= scalars.count {
                let end = start + needle.count
                if scalars[start..<end].elementsEqual(needle), !used[start..<end].contains(true),
                   start == 0 || !isWord(scalars[start - 1]), end == scalars.count || !isWord(scalars[end]) {
                    for i in start..<end { used[i] = true }
                    found.append((start, PlaceWordsCheck.Mention(place: place, phrase: phrase)))
                    start = end
                } else {
                    start += 1
                }
            }
        }
        var seen = Set<String>()
        return found.sorted { $0.offset < $1.offset }.map(\.mention).filter { seen.insert($0.place).inserted }
    }

    static func phrases(_ atlas: Atlas) -> [(phrase: String, place: String)] {
        atlas.places.flatMap { place in place.words.map { (phrase: $0, place: place.id) } }.sorted { $0.phrase.count > $1.phrase.count }
    }

    @Test func theBundledTextsNameThePlacesTheScanFinds() throws {
        let (loaded, _) = AtlasLoader.load(root: FixtureSite.projectRoot, fileSystem: LocalFileSystem())
        let atlas = try #require(loaded)
        let phrases = Self.phrases(atlas)
        var named = 0
        for root in atlas.roots {
            for (field, text) in root.placeTexts {
                let found = PlaceWordsCheck.mentions(in: text.lowercased(), phrases: .init(phrases))
                #expect(found == Self.everyScalar(in: text.lowercased(), phrases: phrases), "\(root.id) \(field)")
                named += found.count
            }
        }
        #expect(named > 20)
    }

    @Test func randomTextNamesThePlacesTheScanFinds() throws {
        let (loaded, _) = AtlasLoader.load(root: FixtureSite.projectRoot, fileSystem: LocalFileSystem())
        let phrases = Self.phrases(try #require(loaded))
        var random = SeededRandom(seed: 20261204)
        let glue = [" ", ", ", "-", "s", "x", "é", " the ", "\u{301}", ""]
        for round in 0..<1_000 {
            let text = (0..<random.below(12)).map { _ in
                random.below(2) == 0 ? phrases[random.below(phrases.count)].phrase : glue[random.below(glue.count)]
            }.joined()
            #expect(PlaceWordsCheck.mentions(in: text, phrases: .init(phrases)) == Self.everyScalar(in: text, phrases: phrases),
                    "round \(round): \(text.debugDescription)")
        }
    }
}
