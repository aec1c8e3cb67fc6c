@testable import DermaSite
import Testing

/// The pieces of the index step that are split over the cores or made once a build: each against
/// the plain one-page-at-a-time way.
@Suite struct SearchPartsTests {
    /// Each term's pages in page order, as appending page after page makes them: runs of pages
    /// made on separate cores must come back in run order.
    @Test func postingsListEveryPageOfATermInPageOrder() {
        var random = SeededRandom(seed: 20261204)
        let vocabulary = (0..<400).map { "t\($0)" }
        for count in [0, 1, 255, 256, 511, 512, 513, 1_500, 4_099] {
            let scores = (0..<count).map { _ in
                var page: [String: Int] = [:]
                for _ in 0..<random.below(30) { page[vocabulary[random.below(random.below(2) == 0 ? 12 : vocabulary.count)]] = 1 + random.below(90) }
                return page
            }
            var expected: [String: [SearchIndex.Posting]] = [:]
            for (doc, page) in scores.enumerated() {
                for (term, score) in page { expected[term, default: []].append(SearchIndex.Posting(doc: doc, score: score)) }
            }
            let made = SearchIndexMemo.postings(scores)
            #expect(made == expected, "\(count) pages")
            #expect(made.values.allSatisfy { list in zip(list, list.dropFirst()).allSatisfy { $0.doc < $1.doc } }, "\(count) pages")
        }
    }

    /// The roots a title names, with the roots' words split once for the build.
    @Test func aTitleNamesTheRootsItsWordsSay() {
        let atlas = AtlasFixture.atlas()
        let names = SearchPlan.RootNames(atlas)
        let ids = atlas.roots.map(\.id)
        #expect(ids.count >= 2)
        for id in ids {
            #expect(names.roots(named: "Pain along \(id), and what it means") == [id])
            #expect(names.roots(named: "Pain along \(id.lowercased())") == [id], "a root is found whatever its case")
        }
        #expect(names.roots(named: "\(ids[1]) or \(ids[0])?") == [ids[0], ids[1]], "in the data set's order")
        #expect(names.roots(named: "Nothing here about a root") == [])
        #expect(names.roots(named: "") == [])
        #expect(SearchPlan.RootNames(nil).roots(named: ids[0]) == [])
        #expect(SearchPlan.RootNames(atlas).roots(named: "\(ids[0]) pain") == [ids[0]])
    }
}
