/// The paginated lists: the article list and each tag's list, page by page. Their values are
/// made again only when what they show changed (an article's list entry, the tags, the order);
/// each page is then rendered again only when its own values did, so a title edit on a large
/// site re-renders the pages that list the article, not every page of every list.
extension CachedPages {
    func lists() throws -> [OutputFile] {
        let articles = site.listed
        // Each article's entry, made again only for articles that are not the same object as last time.
        let baseURL = site.config.baseURL
        let items = cache.alignedListItems.map(articles, key: [frame]) { ListItem(articles[$0], baseURL: baseURL) }
        let key = InputKey(["the listed articles' entries": cache.version(of: items, in: &cache.listItems),
                            // Set by the route table earlier in the build.
                            "the articles' addresses and tags": cache.routeInputs?.version ?? -1,
                            "the site": frame]).merging(templates("pages/list"))
        return try gate("lists", key) { try render(listSpecs(items)) }
    }

    func listSpecs(_ items: [ListItem]) -> [PageSpec<ListBody>] {
        let perPage = site.config.articlesPerPage
        var specs = ListPaging.pages(of: SiteLayout.articles, count: items.count, perPage: perPage).map {
            pages.articleList($0, items: items)
        }
        for group in cache.tagGroups(site.listed) {
            let tagged = group.indices.map { items[$0] }
            for paging in ListPaging.pages(of: SiteLayout.tag(group.name), count: tagged.count, perPage: perPage) {
                specs.append(pages.tagList(group.name, items: tagged, paging))
            }
        }
        return specs
    }
}
