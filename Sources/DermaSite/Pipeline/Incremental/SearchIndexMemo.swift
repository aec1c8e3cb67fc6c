import Foundation

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
    /// Each file's documents are copied, not kept as slices: a slice would keep the caller's whole
    /// array shared, and its next change would copy every document.
    private var docsTexts: [Int: (documents: [SearchIndex.Document], text: String)] = [:]
    private var textTexts: [Int: TextChunk] = [:]
    private var headWords: (settings: SearchSettings, rootOrder: [String], text: String)?
    private var head: (marks: [UInt8], words: String, text: String)?

    /// The index files for `documents` (the pages at `paths`) and their `scores`. `changed` are the
    /// pages whose scores may differ from the last build's; with other pages than last time, or
    /// nil, every part is made again. `redone` are the documents that may differ from the last
    /// build's (nil: any may).
    func files(paths: [String], documents: [SearchIndex.Document], scores: [[String: Int]], changed: [Int]?,
               redone: [Int]? = nil, settings: SearchSettings, rootOrder: [String]) -> [(path: String, text: String, kept: Bool)] {
        let samePages = paths == pages
        var touched = Set<String>()
        if let changed, samePages {
            for index in changed { touched.formUnion(update(page: index, from: self.scores[index], to: scores[index])) }
        } else {
            postings = Self.postings(scores)
            termsByShard = [:]
            shardTexts = [:]
            for term in postings.keys.sorted() { termsByShard[SearchWords.shard(of: term), default: []].append(term) }
            // A letter's lines on a core of its own: they were most of this step's time on one.
            let postings = self.postings, letters = termsByShard.keys.sorted()
            let madeLines = Parallel.map(letters.map { termsByShard[$0]! }) { terms in
                terms.map { SearchIndex.termLine($0, postings[$0]!) }
            }
            lines = [:]
            lines.reserveCapacity(postings.count)
            for (letter, letterLines) in zip(letters, madeLines) {
                for (term, line) in zip(termsByShard[letter]!, letterLines) { lines[term] = line }
            }
        }
        pages = paths
        self.scores = scores
        for term in touched {
            let shard = SearchWords.shard(of: term)
            if let list = postings[term], !list.isEmpty {
                if lines.updateValue(SearchIndex.termLine(term, list), forKey: term) == nil {
                    termsByShard[shard, default: []].insertSorted(term)
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
        // The head changes with a page's kind or urgency, which only the plan decides.
        var marks: [UInt8] = []
        marks.reserveCapacity(documents.count * 2)
        // By index: a for-in loop would copy every document.
        for index in documents.indices { marks.append(documents[index].kind.mark) }
        for index in documents.indices { marks.append(UInt8(ascii: "0") + UInt8(documents[index].urgency)) }
        var files: [(path: String, text: String, kept: Bool)] = []
        if let head, head.marks == marks, head.words == headWords!.text {
            files.append((SearchIndex.head, head.text, true))
        } else {
            let text = SearchIndex.headFile(documents, words: headWords!.text)
            head = (marks, headWords!.text, text)
            files.append((SearchIndex.head, text, false))
        }
        for shard in SearchWords.shards {
            if let text = shardTexts[shard] {
                files.append((SearchIndex.shardFile(shard), text, true))
                continue
            }
            let text = SearchIndex.shardText((termsByShard[shard] ?? []).map { lines[$0]! })
            shardTexts[shard] = text
            files.append((SearchIndex.shardFile(shard), text, false))
        }
        // With the same pages, a chunk none of whose documents were made again is as it was.
        let redoneChunks = samePages ? redone : nil
        let docsCount = SearchIndex.docsFileCount(documents: documents.count)
        let docsRedone = redoneChunks.map { Set($0.map { $0 / SearchIndex.docChunkSize }) }
        for chunk in 0..<docsCount {
            if let docsRedone, !docsRedone.contains(chunk), let stored = docsTexts[chunk] {
                files.append((SearchIndex.docsFile(chunk), stored.text, true))
                continue
            }
            let slice = documents.dropFirst(chunk * SearchIndex.docChunkSize).prefix(SearchIndex.docChunkSize)
            if let stored = docsTexts[chunk], stored.documents.elementsEqual(slice, by: Self.sameAddress) {
                files.append((SearchIndex.docsFile(chunk), stored.text, true))
            } else {
                let text = SearchIndex.docsText(slice)
                docsTexts[chunk] = (Array(slice), text)
                files.append((SearchIndex.docsFile(chunk), text, false))
            }
        }
        let textCount = SearchIndex.textFileCount(documents: documents.count)
        let textRedone = redoneChunks.map { Set($0.map { $0 / SearchIndex.chunkSize }) }
        // The chunks to look at again, made on every core: escaping every page's text was most of
        // the rest of this step on one.
        let looked = (0..<textCount).filter { chunk in textRedone.map { $0.contains(chunk) } != false || textTexts[chunk] == nil }
        let storedTexts = textTexts
        let madeTexts = Parallel.map(looked) { chunk -> TextChunk? in
            let slice = documents.dropFirst(chunk * SearchIndex.chunkSize).prefix(SearchIndex.chunkSize)
            let texts = slice.map(\.snippet)
            let stored = storedTexts[chunk]
            if let stored, stored.texts == texts { return nil }
            // Each page's snippet is written again only when its text changed.
            let snippets = texts.indices.map { index in
                stored.flatMap { index < $0.texts.count && $0.texts[index] == texts[index] ? $0.snippets[index] : nil }
                    ?? JSON.string(texts[index])
            }
            return TextChunk(texts: texts, snippets: snippets, text: SearchIndex.textText(snippets))
        }
        var made: [Int: TextChunk] = [:]
        for (chunk, text) in zip(looked, madeTexts) { made[chunk] = text }
        for chunk in 0..<textCount {
            if let new = made[chunk] {
                textTexts[chunk] = new
                files.append((SearchIndex.textFile(chunk), new.text, false))
            } else {
                files.append((SearchIndex.textFile(chunk), textTexts[chunk]!.text, true))
            }
        }
        docsTexts = docsTexts.filter { $0.key < docsCount }
        textTexts = textTexts.filter { $0.key < textCount }
        return files
    }


    /// Each term's pages, in page order. The pages are split in runs, one a core, and each run's
    /// lists are appended in run order: a million appends on one core were a large site's longest
    /// wait in this step.
    static func postings(_ scores: [[String: Int]]) -> [String: [SearchIndex.Posting]] {
        let runs = max(1, min(ProcessInfo.processInfo.activeProcessorCount, scores.count / 256))
        let bounds = (0...runs).map { $0 * scores.count / runs }
        var parts = Parallel.map(Array(0..<runs)) { run in
            var postings: [String: [SearchIndex.Posting]] = [:]
            for index in bounds[run]..<bounds[run + 1] {
                for (term, score) in scores[index] { postings[term, default: []].append(SearchIndex.Posting(doc: index, score: score)) }
            }
            return postings
        }
        var all = parts.removeFirst()
        for part in parts {
            for (term, list) in part { all[term, default: []].append(contentsOf: list) }
        }
        return all
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
            // Kept in page order, as a full index makes them; changed in place, not copied.
            postings[term, default: []].insertInOrder(SearchIndex.Posting(doc: page, score: score))
            touched.append(term)
        }
        return touched
    }
}

/// A file of page texts as made: the texts, each one's JSON, and the file.
private struct TextChunk: Sendable {
    var texts: [String]
    var snippets: [String]
    var text: String
}

private extension Array where Element == SearchIndex.Posting {
    /// Inserts before the first posting of a later page (a binary search: the list is in page order).
    mutating func insertInOrder(_ posting: Element) {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].doc > posting.doc { high = middle } else { low = middle + 1 }
        }
        insert(posting, at: low)
    }
}

private extension Array where Element == String {
    mutating func insertSorted(_ term: String) {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < term { low = middle + 1 } else { high = middle }
        }
        insert(term, at: low)
    }
}
