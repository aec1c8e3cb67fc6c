/// The Atom feed of the newest articles. Dates come from front matter, never the clock,
/// so the feed is the same on every build of the same content.
enum FeedRenderer {
    static let limit = 30

    /// The articles the feed lists, newest first.
    /// The positions in `articles` of the newest, newest first.
    static func newestPositions(_ articles: [Article]) -> [Int] {
        // A draft shown by --drafts is not news to subscribers.
        Array(articles.indices.filter { articles[$0].meta.date != nil && !articles[$0].meta.draft }
            .sorted { (articles[$0].meta.date!, articles[$1].meta.title) > (articles[$1].meta.date!, articles[$0].meta.title) }
            .prefix(limit))
    }

    /// Whether two versions of an article take the same place among the newest.
    static func sameOrder(_ a: Article, _ b: Article) -> Bool {
        a.meta.date == b.meta.date && a.meta.title == b.meta.title && a.meta.draft == b.meta.draft
    }

    /// `newest` is `newest(site.articles)`; `articleHTML` holds at least their rendered Markdown.
    static func render(site: Site, newest: ArraySlice<Article>, articleHTML: [String: String]) -> OutputFile {
        let config = site.config
        let base = config.baseURL
        let updated = newest.map { $0.meta.updated ?? $0.meta.date! }.max()
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(config.language))">
          <title>\(Escape.xml(config.title))</title>

        """
        if !config.description.isEmpty { xml += "  <subtitle>\(Escape.xml(config.description))</subtitle>\n" }
        xml += """
          <link rel="self" type="application/atom+xml" href="\(Escape.xml(base.absolute(SiteLayout.feed)))"/>
          <link rel="alternate" type="text/html" href="\(Escape.xml(base.absolute(SiteLayout.home)))"/>
          <id>\(Escape.xml(base.absolute(SiteLayout.home)))</id>
          <updated>\((updated ?? Day(year: 2000, month: 1, day: 1)!).rfc3339)</updated>
          <author><name>\(Escape.xml(config.publisher.isEmpty ? config.title : config.publisher))</name></author>

        """
        // Each entry escapes a whole article: they are made on every core, and joined in order.
        xml += Parallel.map(Array(newest)) { entry($0, base: base, html: articleHTML[$0.sourcePath]) }.joined()
        xml += "</feed>\n"
        return OutputFile(path: SiteLayout.feed, text: xml)
    }

    private static func entry(_ article: Article, base: BaseURL, html: String?) -> String {
        let url = base.absolute(article.urlPath)
        let date = article.meta.date!
        var xml = """
          <entry>
            <title>\(Escape.xml(article.meta.title))</title>
            <link rel="alternate" type="text/html" href="\(Escape.xml(url))"/>
            <id>\(Escape.xml(url))</id>
            <published>\(date.rfc3339)</published>
            <updated>\((article.meta.updated ?? date).rfc3339)</updated>

        """
        if !article.meta.description.isEmpty {
            xml += "    <summary>\(Escape.xml(article.meta.description))</summary>\n"
        }
        if let html {
            xml += "    <content type=\"html\" xml:base=\"\(Escape.xml(url))\">\(Escape.xml(html))</content>\n"
        }
        return xml + "  </entry>\n"
    }
}
