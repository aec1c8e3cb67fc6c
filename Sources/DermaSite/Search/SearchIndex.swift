/// The site's search index: a small head file (the pages, the stop words, the synonyms), one file
/// of terms per first letter, and the pages' reading text in files of `chunkSize` pages for the
/// snippets. A query loads the head, the script and the letters of its words: a few files, never
/// one per page. The browser side is Templates/assets/search.js.
public struct SearchIndex: Sendable {
    public enum Kind: String, Sendable {
        case root, place, article
        /// The head file's letter for the kind.
        var mark: UInt8 { rawValue.utf8.first! }
    }

    /// One page as search shows it.
    public struct Document: Sendable, Equatable {
        public var url: String
        public var title: String
        public var kind: Kind
        /// Roots the page is about, for the filter: "L5", "S4-S5".
        public var roots: [String]
        /// Found first when a query has an urgent word: 2 for the site's urgent-help page, 1 for
        /// urgent roots and places, 0 for the rest.
        public var urgency: Int
        /// The start of the page's reading text (`snippetText`), shown under it as a result.
        public var snippet: String
    }

    public static let folder = "search/"
    public static let head = "search/index.json"
    public static let chunkSize = 32
    /// Pages a file of addresses and titles holds: a query loads only those of its best results,
    /// so the head does not grow with the site.
    public static let docChunkSize = 128
    public static func shardFile(_ shard: String) -> String { "search/terms-\(shard).json" }
    public static func textFile(_ chunk: Int) -> String { "search/text-\(chunk).json" }
    public static func docsFile(_ chunk: Int) -> String { "search/docs-\(chunk).json" }
    public static func textFileCount(documents: Int) -> Int { max(1, (documents + chunkSize - 1) / chunkSize) }
    public static func docsFileCount(documents: Int) -> Int { max(1, (documents + docChunkSize - 1) / docChunkSize) }
    /// Every file of an index of `documents` pages.
    public static func paths(documents: Int) -> [String] {
        [head] + SearchWords.shards.map(shardFile) + (0..<docsFileCount(documents: documents)).map(docsFile)
            + (0..<textFileCount(documents: documents)).map(textFile)
    }

    /// How much one use of a term counts, by where it is; body words count up to `bodyCap`, so a
    /// long page does not beat the page named for the words.
    static let titleScore = 60.0, headingScore = 15.0, keywordScore = 25.0, bodyScore = 3.0, bodyCap = 30.0
    /// The most pages a term lists (its best-scoring ones).
    public static let postingLimit = 250
    /// The reading text kept for a page's snippet: its start, where the summary is. A match
    /// further on shows the start instead; 2,000 characters keep a first snippet file small.
    static let snippetLength = 2000

    /// Each term's score in one page, from its text (the data set's keywords and the page's
    /// weight are applied by the index step).
    public static func scores(_ text: PageText) -> [String: Int] {
        var memo = TermMemo()
        return scores(text, memo: &memo)
    }

    /// `scores`, with a memo of each word's term kept from page to page (one per worker).
    static func scores(_ text: PageText, memo: inout TermMemo) -> [String: Int] {
        // Each word is looked up by its bytes, once per word read: it leads to its term, and the
        // term to its slot in this page (or to nothing, for a stop word).
        memo.startPage()
        var termIDs: [Int] = []
        var counts: [(title: Double, heading: Double, body: Double)] = []
        for part in text.parts {
            let split = SearchWords.wordBytes(part.text)
            split.bytes.withUnsafeBufferPointer { all in
                var start = 0
                for end in split.ends {
                    let id = memo.termID(UnsafeBufferPointer(rebasing: all[start..<end]))
                    start = end
                    guard id >= 0 else { continue }
                    let (slot, isNew) = memo.pageSlot(of: id, next: termIDs.count)
                    if isNew {
                        termIDs.append(id)
                        counts.append((0, 0, 0))
                    }
                    switch part.field {
                    case .title: counts[slot].title = max(counts[slot].title, titleScore * part.weight)
                    case .heading:
                        // Never lowered by a part that counts less.
                        counts[slot].heading = max(counts[slot].heading,
                                                   min(2 * headingScore * max(1, part.weight), counts[slot].heading + headingScore * part.weight))
                    case .body:
                        counts[slot].body = max(counts[slot].body, min(bodyCap * max(1, part.weight), counts[slot].body + bodyScore * part.weight))
                    }
                }
            }
        }
        var scores: [String: Int] = [:]
        scores.reserveCapacity(termIDs.count)
        for (slot, id) in termIDs.enumerated() {
            let count = counts[slot]
            scores[memo.terms[id]] = max(1, Int((count.title + count.heading + count.body).rounded()))
        }
        return scores
    }

    /// One page's place in a term's list.
    struct Posting: Equatable, Sendable {
        var doc: Int
        var score: Int
    }

    /// A term's line of its letter's file: its pages (the best `postingLimit` of them) in page
    /// order, each with its score. `postings` are in page order.
    static func termLine(_ term: String, _ postings: [Posting]) -> String {
        // A common word keeps its best pages only: the file of a letter stops growing with the
        // site, and the pages left out rank below these for that word anyway.
        let kept = best(postings, limit: postingLimit)
        // Written as bytes: a String per number and per pair was most of putting the index together.
        var line = Array(JSON.string(term).utf8)
        line.reserveCapacity(line.count + 3 + kept.count * 10)
        line.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: "[")])
        for (index, posting) in kept.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.appendDecimal(posting.doc)
            line.append(UInt8(ascii: ","))
            line.appendDecimal(posting.score)
        }
        line.append(UInt8(ascii: "]"))
        return String(decoding: line, as: UTF8.self)
    }

    /// The `limit` highest scores, the earlier page first among equal ones, in page order (the
    /// order `postings` are in). The scores are only counted (`limitthLargest`): sorting the
    /// postings by score and page took a quarter of putting a large site's index together.
    static func best(_ postings: [Posting], limit: Int) -> [Posting] {
        guard postings.count > limit else { return postings }
        guard limit > 0 else { return [] }
        let least = limitthLargest(postings, limit)
        var tiesKept = limit - postings.reduce(0) { $0 + ($1.score > least ? 1 : 0) }
        var kept: [Posting] = []
        kept.reserveCapacity(limit)
        for posting in postings where posting.score >= least {
            if posting.score == least {
                guard tiesKept > 0 else { continue }
                tiesKept -= 1
            }
            kept.append(posting)
        }
        return kept
    }

    /// The `limit`-th largest score (counting equal ones). Scores span a few hundred values: they
    /// are counted, not sorted, and the count is read from the top (sorting them was most of
    /// choosing a common word's pages).
    private static func limitthLargest(_ postings: [Posting], _ limit: Int) -> Int {
        var low = Int.max, high = Int.min
        for posting in postings {
            low = min(low, posting.score)
            high = max(high, posting.score)
        }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        // A table no wider than a few times the postings: sorting is cheaper past that.
        guard !overflow, span < 4 * postings.count + 256 else { return postings.map(\.score).sorted(by: >)[limit - 1] }
        var counts = [Int](repeating: 0, count: high - low + 1)
        for posting in postings { counts[posting.score - low] += 1 }
        var seen = 0
        for offset in stride(from: counts.count - 1, through: 0, by: -1) {
            seen += counts[offset]
            if seen >= limit { return low + offset }
        }
        return low
    }

    /// A letter's file from its terms' lines, in term order.
    static func shardText(_ lines: [String]) -> String { "{" + lines.joined(separator: ",\n") + "}\n" }

    static func docsText(_ documents: ArraySlice<Document>) -> String {
        "[" + documents.map { "[\(JSON.string($0.url)),\(JSON.string($0.title)),\(JSON.strings($0.roots))]" }
            .joined(separator: ",\n") + "]\n"
    }

    /// The first `snippetLength` characters. Counting Characters is slow; when the bytes up to
    /// one past the cut are ASCII without a carriage return (which joins a line feed), each byte
    /// is one Character and the cut is at that byte.
    static func snippetText(_ plain: String) -> String {
        let utf8 = plain.utf8
        if utf8.count <= snippetLength { return plain }
        let asciiCut = utf8.withContiguousStorageIfAvailable { bytes in
            bytes[...snippetLength].allSatisfy { $0 < 0x80 && $0 != 0x0D }
        }
        if asciiCut == true { return String(decoding: utf8.prefix(snippetLength), as: UTF8.self) }
        return String(plain.prefix(snippetLength))
    }

    static func textText(_ snippets: [String]) -> String { "[" + snippets.joined(separator: ",\n") + "]\n" }

    /// The head with its words part made already (it changes only with the settings).
    static func headFile(_ documents: [Document], words: String) -> String {
        // One letter a page for its kind (root, place, article) and one digit for its urgency: what
        // ranking and the kind filter need of every page, in a few bytes.
        let kinds = String(documents.map { $0.kind.rawValue.first! })
        let urgency = documents.map { String($0.urgency) }.joined()
        return """
        {"version":2,"chunk":\(chunkSize),"docChunk":\(docChunkSize),"count":\(documents.count),
        \(words)
        "kinds":\(JSON.string(kinds)),
        "urgency":\(JSON.string(urgency))}

        """
    }

    /// The head's stop words, roots, urgent words and synonyms, with terms already made.
    static func headWords(settings: SearchSettings, rootOrder: [String]) -> String {
        func terms(_ phrases: [String]) -> String {
            "[" + phrases.map { JSON.strings(SearchWords.terms($0)) }.joined(separator: ",") + "]"
        }
        // Both sides as phrases: a `find` phrase of several words needs all of them on a page.
        let synonyms = settings.synonyms.map { "[\(terms($0.words)),\(terms($0.find))]" }
        return """
        "stop":\(JSON.strings(SearchWords.stopWords)),
        "roots":\(JSON.strings(rootOrder)),
        "urgent":\(terms(settings.urgentWords)),
        "not_urgent":\(terms(settings.notUrgent)),
        "synonyms":[\(synonyms.joined(separator: ",\n"))],
        """
    }
}

/// JSON text for the index, written by hand so the bytes are the same every build.
enum JSON {
    static func string(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var out: [UInt8] = [UInt8(ascii: "\"")]
            out.reserveCapacity(input.count + 2)
            // Bytes that need nothing are copied a run at a time.
            var runStart = 0, index = 0
            while index < input.count {
                let byte = input[index]
                let lineSeparator = byte == 0xE2 && index + 2 < input.count && input[index + 1] == 0x80
                    && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9)
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
                        || lineSeparator else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                switch byte {
                case UInt8(ascii: "\""): out += [0x5C, 0x22]
                case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                // Kept out of a script's view even when the file is read as HTML by mistake.
                case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
                // U+2028 and U+2029 end a line in older JavaScript.
                case 0xE2: out += Array((input[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                default: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                }
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<input.count]))
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func strings(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ",") + "]" }
}
