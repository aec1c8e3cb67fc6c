/// The paginated lists: the article list and each tag's list, page by page. Their values are
/// made whenever a listed article changed; each page is rendered again only when its own values
/// did, so a title edit on a large site re-renders the one page that lists the article.
extension CachedPages {
    func listSpecs() -> [PageSpec<ListBody>] {
        let perPage = site.config.articlesPerPage
        let articles = site.listed
        var specs = ListPaging.pages(of: SiteLayout.articles, count: articles.count, perPage: perPage).map(pages.articleList)
        for group in cache.tagGroups(articles) {
            let tagged = group.indices.map { articles[$0] }
            for paging in ListPaging.pages(of: SiteLayout.tag(group.name), count: tagged.count, perPage: perPage) {
                specs.append(pages.tagList(group.name, tagged, paging))
            }
        }
        return specs
    }
}
