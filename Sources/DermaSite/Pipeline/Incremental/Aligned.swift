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

    /// The positions whose article (or rendered page) is not the object it was at the last
    /// build; nil when the lists do not line up, and every value must be made.
    func changed(_ articles: [Article], key: [Int], pages: [RenderedMarkdown]? = nil) -> [Int]? {
        guard key == self.key, articles.count == self.articles.count, articles.count == values.count,
              pages.map({ $0.count == self.pages.count }) ?? true else { return nil }
        var changed: [Int] = []
        for index in articles.indices where articles[index] !== self.articles[index]
            || pages.map({ $0[index] !== self.pages[index] }) == true {
            changed.append(index)
        }
        return changed
    }

    /// The last build's values, handed over rather than copied: the caller replaces the changed
    /// ones in place and stores them back. Until then nothing lines up.
    func take() -> [Value] {
        defer { (values, articles) = ([], []) }
        return values
    }

    func store(_ articles: [Article], key: [Int], pages: [RenderedMarkdown]? = nil, values: [Value]) {
        self.key = key
        self.articles = articles
        self.pages = pages ?? []
        self.values = values
    }

    func clear() { store([], key: [], values: []) }

    /// Reuses what it can and makes the rest with `make`, in order.
    func map(_ articles: [Article], key: [Int], pages: [RenderedMarkdown]? = nil,
             make: (Int) throws -> Value) rethrows -> [Value] {
        var values: [Value]
        if let changed = changed(articles, key: key, pages: pages) {
            values = take()
            for index in changed { values[index] = try make(index) }
        } else {
            values = []
            values.reserveCapacity(articles.count)
            for index in articles.indices { values.append(try make(index)) }
        }
        store(articles, key: key, pages: pages, values: values)
        return values
    }
}
