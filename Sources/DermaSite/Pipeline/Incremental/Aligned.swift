/// Per-article results kept in the order of the last build's article list. After an edit a build
/// has the same article objects in the same order but one, so every result whose article (and
/// rendered page, where it matters) is the same object is taken by position, with no lookups:
/// on a site of thousands of articles that is most of a rebuild's cost. Anything else falls back
/// to the keyed caches.
final class Aligned<Value> {
    private var key: [Int] = []
    private var articles: [Article] = []
    private var pages: [RenderedMarkdown] = []
    private var values: [Value] = []

    /// The stored value for each position that can be reused, nil where it must be made.
    func reusable(_ articles: [Article], key: [Int], pages: [RenderedMarkdown]? = nil) -> [Value?] {
        guard key == self.key, articles.count == self.articles.count,
              pages.map({ $0.count == self.pages.count }) ?? true else {
            return Array(repeating: nil, count: articles.count)
        }
        return articles.indices.map { index in
            guard articles[index] === self.articles[index] else { return nil }
            if let pages, pages[index] !== self.pages[index] { return nil }
            return values[index]
        }
    }

    func store(_ articles: [Article], key: [Int], pages: [RenderedMarkdown]? = nil, values: [Value]) {
        self.key = key
        self.articles = articles
        self.pages = pages ?? []
        self.values = values
    }

    /// Reuses what it can and makes the rest with `make`, in order.
    func map(_ articles: [Article], key: [Int], pages: [RenderedMarkdown]? = nil,
             make: (Int) throws -> Value) rethrows -> [Value] {
        let reused = reusable(articles, key: key, pages: pages)
        var values: [Value] = []
        values.reserveCapacity(articles.count)
        for (index, value) in reused.enumerated() { values.append(try value ?? make(index)) }
        store(articles, key: key, pages: pages, values: values)
        return values
    }
}
