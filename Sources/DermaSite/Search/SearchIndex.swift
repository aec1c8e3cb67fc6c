/// The site's search index: a small head file (the pages, the stop words, the synonyms), one file
/// of terms per first letter, and the pages' reading text in files of `chunkSize` pages for the
/// snippets. A query loads the head, the script and the letters of its words: a few files, never
/// one per page. The browser side is Templates/assets/search.js.
public struct SearchIndex: Sendable {
    public enum Kind: String, Sendable { case root, place, article }

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
        /// The front matter's `search:` weight (1 when not given).
        public var weight: Double
        public var text: PageText
        /// Words from the data set that name the page's subject but may not be on it ("great toe").
        public var keywords: [String]
    }

    public static let folder = "search/"
    public static let head = "search/index.json"
    public static let chunkSize = 32
    public static func shardFile(_ shard: String) -> String { "search/terms-\(shard).json" }
    public static func textFile(_ chunk: Int) -> String { "search/text-\(chunk).json" }
    public static func textFileCount(documents: Int) -> Int { max(1, (documents + chunkSize - 1) / chunkSize) }
    /// Every file of an index of `documents` pages.
    public static func files(documents: Int) -> [String] {
        [head] + SearchWords.shards.map(shardFile) + (0..<textFileCount(documents: documents)).map(textFile)
    }

    /// How much one use of a term counts, by where it is; body words count up to `bodyCap`, so a
    /// long page does not beat the page named for the words.
    static let titleScore = 60.0, headingScore = 15.0, keywordScore = 25.0, bodyScore = 3.0, bodyCap = 30.0
    /// The longest reading text kept for a page's snippet.
    static let snippetLength = 6000

    /// Each term's score in one page.
    public static func scores(_ document: Document) -> [String: Int] {
        var title: [String: Double] = [:], heading: [String: Double] = [:], body: [String: Double] = [:]
        // A page uses a few hundred words many times over: each is made a term once.
        var known: [String: String?] = [:]
        let stop = Set(SearchWords.stopWords)
        for part in document.text.parts {
            let terms = SearchWords.words(part.text).compactMap { word -> String? in
                if let term = known[word] { return term }
                let term = stop.contains(word) ? nil : SearchWords.term(word)
                known[word] = term
                return term
            }
            for term in terms {
                switch part.field {
                case .title: title[term] = max(title[term] ?? 0, titleScore * part.weight)
                case .heading:
                    let so = heading[term] ?? 0
                    heading[term] = max(so, min(2 * headingScore * max(1, part.weight), so + headingScore * part.weight))
                case .body:
                    // Never lowered by a part that counts less (the sources, at half weight).
                    let so = body[term] ?? 0
                    body[term] = max(so, min(bodyCap * max(1, part.weight), so + bodyScore * part.weight))
                }
            }
        }
        for term in document.keywords.flatMap(SearchWords.terms) { heading[term] = max(heading[term] ?? 0, keywordScore) }
        var scores: [String: Int] = [:]
        for term in Set(title.keys).union(heading.keys).union(body.keys) {
            let score = ((title[term] ?? 0) + (heading[term] ?? 0) + (body[term] ?? 0)) * document.weight
            scores[term] = max(1, Int(score.rounded()))
        }
        return scores
    }

    /// The files of the index, path and bytes, in a fixed order.
    public static func files(_ documents: [Document], scores: [[String: Int]], settings: SearchSettings,
                             rootOrder: [String]) -> [(path: String, text: String)] {
        var postings: [String: [(doc: Int, score: Int)]] = [:]
        for (index, terms) in scores.enumerated() {
            for (term, score) in terms { postings[term, default: []].append((index, score)) }
        }
        var shards: [String: [String]] = [:]
        for term in postings.keys.sorted() {
            let list = postings[term]!.sorted { $0.doc < $1.doc }.flatMap { [$0.doc, $0.score] }
            shards[SearchWords.shard(of: term), default: []].append("\(JSON.string(term)):[\(list.map(String.init).joined(separator: ","))]")
        }
        var files = [(path: head, text: headFile(documents, settings: settings, rootOrder: rootOrder))]
        for shard in SearchWords.shards {
            files.append((shardFile(shard), "{" + (shards[shard] ?? []).joined(separator: ",\n") + "}\n"))
        }
        for chunk in 0..<textFileCount(documents: documents.count) {
            let texts = documents.dropFirst(chunk * chunkSize).prefix(chunkSize).map { JSON.string(String($0.text.plain.prefix(snippetLength))) }
            files.append((textFile(chunk), "[" + texts.joined(separator: ",\n") + "]\n"))
        }
        return files
    }

    private static func headFile(_ documents: [Document], settings: SearchSettings, rootOrder: [String]) -> String {
        func terms(_ phrases: [String]) -> String {
            "[" + phrases.map { JSON.strings(SearchWords.terms($0)) }.joined(separator: ",") + "]"
        }
        let docs = documents.map { doc in
            "[\(JSON.string(doc.url)),\(JSON.string(doc.title)),\(JSON.string(doc.kind.rawValue)),\(JSON.strings(doc.roots)),\(doc.urgency)]"
        }
        let synonyms = settings.synonyms.map { "[\(terms($0.words)),\(JSON.strings($0.find.flatMap(SearchWords.terms)))]" }
        return """
        {"version":1,"chunk":\(chunkSize),"stop":\(JSON.strings(SearchWords.stopWords)),
        "roots":\(JSON.strings(rootOrder)),
        "urgent":\(terms(settings.urgentWords)),
        "synonyms":[\(synonyms.joined(separator: ",\n"))],
        "docs":[\(docs.joined(separator: ",\n"))]}

        """
    }
}

/// JSON text for the index, written by hand so the bytes are the same every build.
enum JSON {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // Kept out of a script's view even when the file is read as HTML by mistake.
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func strings(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ",") + "]" }
}
