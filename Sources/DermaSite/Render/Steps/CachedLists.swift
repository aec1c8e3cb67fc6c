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
        // Set by the route table earlier in the build: the articles' addresses, tags and order.
        let shape = [cache.routeInputs?.version ?? -1, frame, cache.templateVersion("pages/list"), site.config.articlesPerPage]
        // Taken out of the cache, so replacing a page's file does not copy all of them.
        if var last = cache.lists.take(), last.shape == shape, last.items.count == items.count {
            // The same lists in the same order: only the pages showing an entry that changed.
            let changed = items.indices.filter { items[$0] != last.items[$0] }
            if !changed.isEmpty {
                let specs = listSpecs(items, showing: Set(changed))
                for (spec, file) in zip(specs, try render(specs)) { last.files[last.position[spec.outputPath]!] = file }
                last.items = items
            }
            cache.lists = last
            return last.files
        }
        let specs = listSpecs(items)
        let files = try render(specs)
        cache.lists = ListsMemo(shape: shape, items: items, files: files,
                                position: Dictionary(uniqueKeysWithValues: specs.enumerated().map { ($1.outputPath, $0) }))
        return files
    }

    /// The list pages; with `showing`, only those that show one of those articles (by listed position).
    func listSpecs(_ items: [ListItem], showing: Set<Int>? = nil) -> [PageSpec<ListBody>] {
        let perPage = site.config.articlesPerPage
        func shows(_ paging: ListPaging, _ positions: [Int]?) -> Bool {
            guard let showing else { return true }
            return paging.range.contains { showing.contains(positions?[$0] ?? $0) }
        }
        var specs = ListPaging.pages(of: SiteLayout.articles, count: items.count, perPage: perPage).filter { shows($0, nil) }.map {
            pages.articleList($0, items: items)
        }
        for group in cache.tagGroups(site.listed) where showing.map({ !$0.isDisjoint(with: group.indices) }) ?? true {
            let tagged = group.indices.map { items[$0] }
            for paging in ListPaging.pages(of: SiteLayout.tag(group.name), count: tagged.count, perPage: perPage)
                where shows(paging, group.indices) {
                specs.append(pages.tagList(group.name, items: tagged, paging))
            }
        }
        return specs
    }
}

/// The list pages of the last build, with the entries they were made from and what they
/// depend on besides (order, tags, site, template, page size).
struct ListsMemo {
    var shape: [Int]
    var items: [ListItem]
    var files: [OutputFile]
    var position: [String: Int]
}
