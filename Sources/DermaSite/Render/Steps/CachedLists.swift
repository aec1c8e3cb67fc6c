/// The paginated lists: the article list and each tag's list, page by page. Each page is
/// rendered again only when the articles it shows (or the number of pages) changed, so a title
/// edit on a large site re-renders the one page that lists the article, not the whole list.
extension CachedPages {
    /// One page of a list: where it goes, what it shows, and how it is made.
    struct ListUnit: Sendable {
        let sitePath: String
        let entries: [ListingEntry]
        let total: Int
        let render: @Sendable () throws -> OutputFile
    }

    func listUnits() -> [ListUnit] {
        let perPage = site.config.articlesPerPage
        let pages = self.pages, articles = site.listed
        var units = ListPaging.pages(of: SiteLayout.articles, count: articles.count, perPage: perPage).map { paging in
            ListUnit(sitePath: paging.sitePath, entries: articles[paging.range].map(ListingEntry.init), total: paging.total) {
                try pages.articleList(paging)
            }
        }
        for group in cache.tagGroups(articles) {
            let tag = (name: group.name, articles: group.indices.map { articles[$0] })
            for paging in ListPaging.pages(of: SiteLayout.tag(tag.name), count: tag.articles.count, perPage: perPage) {
                // A tag page's heading names the tag, so its spelling is part of what the page shows.
                let entries = [ListingEntry(name: tag.name)] + tag.articles[paging.range].map(ListingEntry.init)
                units.append(ListUnit(sitePath: paging.sitePath, entries: entries, total: paging.total) {
                    try pages.tagList(tag.name, tag.articles, paging)
                })
            }
        }
        return units
    }

    func pagedLists(shared: InputKey) throws -> [OutputFile] {
        let units = listUnits()
        var keys: [InputKey] = []
        var stale: [Int] = []
        for (index, unit) in units.enumerated() {
            var slot = cache.listPageEntries[unit.sitePath]
            let version = cache.version(of: unit.entries, in: &slot)
            cache.listPageEntries[unit.sitePath] = slot
            keys.append(shared.merging(InputKey(["the page's articles (titles, dates, tags, order)": version,
                                                 "number of pages in the list": unit.total])))
            if cache.listPages[unit.sitePath]?.key != keys[index] { stale.append(index) }
        }
        let made = try Parallel.map(stale) { index in try units[index].render() }
        for (index, file) in zip(stale, made) {
            let path = units[index].sitePath
            let old = cache.listPages[path]?.key
            cache.made([file.path], reason: old.map { RenderReason.changed(keys[index].changes(since: $0)) } ?? RenderReason.firstBuild)
            cache.listPages[path] = Named(key: keys[index], value: file)
        }
        if cache.listPages.count > units.count {
            let live = Set(units.map(\.sitePath))
            cache.listPages = cache.listPages.filter { live.contains($0.key) }
            cache.listPageEntries = cache.listPageEntries.filter { live.contains($0.key) }
        }
        return units.map { cache.listPages[$0.sitePath]!.value }
    }
}
