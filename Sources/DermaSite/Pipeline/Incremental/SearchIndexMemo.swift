/// The search index of the last build, in parts, so a rebuild after an edit puts together again
/// only the parts the edit touched: the lines of the terms whose pages or scores changed, the
/// letters those terms are in, and the files of addresses and texts whose pages changed. A full
/// build is this with nothing kept, so both are made by the same code (SearchIndex's parts).
final class SearchIndexMemo {
    private var pages: [String] = []
    private var scores: [[String: Int]] = []
    private var postings: [String: [SearchIndex.Posting]] = [:]
    private var lines: [String: String] = [:]
    /// Each letter's terms in order, kept sorted as terms come and go.
    private var termsByShard: [String: [String]] = [:]
    private var shardTexts: [String: String] = [:]
    private var docsTexts: [Int: (documents: ArraySlice<SearchIndex.Document>, text: String)] = [:]
    private var textTexts: [Int: (plain: [String], text: String)] = [:]
    private var headWords: (settings: SearchSettings, rootOrder: [String], text: String)?

    /// The index files for `documents` (the pages at `paths`) and their `scores`. `changed` are the
    /// pages whose scores may differ from the last build's; with other pages than last time, or
    /// nil, every part is made again.
    func files(paths: [String], documents: [SearchIndex.Document], scores: [[String: Int]], changed: [Int]?,
               settings: SearchSettings, rootOrder: [String]) -> [(path: String, text: String, kept: Bool)] {
        var touched = Set<String>()
        if let changed, paths == pages {
            for index in changed { touched.formUnion(update(page: index, from: self.scores[index], to: scores[index])) }
        } else {
            postings = [:]
            for (index, terms) in scores.enumerated() {
                for (term, score) in terms { postings[term, default: []].append(SearchIndex.Posting(doc: index, score: score)) }
            }
            lines = [:]
            termsByShard = [:]
            shardTexts = [:]
            for term in postings.keys.sorted() {
                termsByShard[SearchWords.shard(of: term), default: []].append(term)
                lines[term] = SearchIndex.termLine(term, postings[term]!)
            }
        }
        pages = paths
        self.scores = scores
        for term in touched {
            let shard = SearchWords.shard(of: term)
            if let list = postings[term], !list.isEmpty {
                if lines.updateValue(SearchIndex.termLine(term, list), forKey: term) == nil {
                    var terms = termsByShard[shard] ?? []
                    terms.insert(term, at: Self.insertionPoint(of: term, in: terms))
                    termsByShard[shard] = terms
                }
            } else {
                postings[term] = nil
                if lines.removeValue(forKey: term) != nil { termsByShard[shard]?.removeAll { $0 == term } }
            }
            shardTexts[shard] = nil
        }
        // `kept`: the same text as the last build's file at that path.
        if headWords?.settings != settings || headWords?.rootOrder != rootOrder {
            headWords = (settings, rootOrder, SearchIndex.headWords(settings: settings, rootOrder: rootOrder))
        }
        var files = [(path: SearchIndex.head, text: SearchIndex.headFile(documents, words: headWords!.text), kept: false)]
        for shard in SearchWords.shards {
            if let text = shardTexts[shard] {
                files.append((SearchIndex.shardFile(shard), text, true))
                continue
            }
            let text = SearchIndex.shardText((termsByShard[shard] ?? []).map { lines[$0]! })
            shardTexts[shard] = text
            files.append((SearchIndex.shardFile(shard), text, false))
        }
        let docsCount = SearchIndex.docsFileCount(documents: documents.count)
        for chunk in 0..<docsCount {
            let slice = documents.dropFirst(chunk * SearchIndex.docChunkSize).prefix(SearchIndex.docChunkSize)
            if let stored = docsTexts[chunk], stored.documents.elementsEqual(slice, by: Self.sameAddress) {
                files.append((SearchIndex.docsFile(chunk), stored.text, true))
            } else {
                let text = SearchIndex.docsText(slice)
                docsTexts[chunk] = (slice, text)
                files.append((SearchIndex.docsFile(chunk), text, false))
            }
        }
        let textCount = SearchIndex.textFileCount(documents: documents.count)
        for chunk in 0..<textCount {
            let slice = documents.dropFirst(chunk * SearchIndex.chunkSize).prefix(SearchIndex.chunkSize)
            let plain = slice.map(\.plain)
            if let stored = textTexts[chunk], stored.plain == plain {
                files.append((SearchIndex.textFile(chunk), stored.text, true))
            } else {
                let text = SearchIndex.textText(slice)
                textTexts[chunk] = (plain, text)
                files.append((SearchIndex.textFile(chunk), text, false))
            }
        }
        docsTexts = docsTexts.filter { $0.key < docsCount }
        textTexts = textTexts.filter { $0.key < textCount }
        return files
    }

    private static func insertionPoint(of term: String, in sorted: [String]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether any page of the last index has the term (for the synonyms' check).
    func hasTerm(_ term: String) -> Bool { postings[term] != nil }

    /// What a file of addresses shows of a page.
    private static func sameAddress(_ a: SearchIndex.Document, _ b: SearchIndex.Document) -> Bool {
        a.url == b.url && a.title == b.title && a.roots == b.roots
    }

    /// Moves one page's postings from its old scores to its new; returns the terms whose lists changed.
    private func update(page: Int, from old: [String: Int], to new: [String: Int]) -> [String] {
        var touched: [String] = []
        for (term, score) in old where new[term] != score {
            postings[term]?.removeAll { $0.doc == page }
            touched.append(term)
        }
        for (term, score) in new where old[term] != score {
            var list = postings[term] ?? []
            // Kept in page order, as a full index makes them.
            let at = list.firstIndex { $0.doc > page } ?? list.count
            list.insert(SearchIndex.Posting(doc: page, score: score), at: at)
            postings[term] = list
            touched.append(term)
        }
        return touched
    }
}
