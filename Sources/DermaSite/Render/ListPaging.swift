/// One page of a paginated list (the article list, a tag's list): which items it shows and the
/// links to the other pages, so a 4,000-article site has no 4,000-link page and an edit
/// re-renders one page of a list, not all of it.
struct ListPaging: Sendable {
    /// The list's first page, such as `articles/` or `tags/sciatica/`.
    let list: String
    let number: Int
    let total: Int
    let range: Range<Int>

    init(list: String, count: Int, perPage: Int, number: Int) {
        self.list = list
        self.number = number
        total = SiteLayout.pageCount(count, perPage: perPage)
        let start = min(count, (number - 1) * perPage)
        range = start..<min(count, start + perPage)
    }

    var sitePath: String { SiteLayout.listPage(list, number) }

    /// Every page of a list of `count` items.
    static func pages(of list: String, count: Int, perPage: Int) -> [ListPaging] {
        (1...SiteLayout.pageCount(count, perPage: perPage)).map { ListPaging(list: list, count: count, perPage: perPage, number: $0) }
    }

    /// `Title`, or `Title (page 2 of 5)`.
    func title(_ base: String) -> String { total == 1 || number == 1 ? base : "\(base) (page \(number) of \(total))" }

    /// What the pagination partial and the page's head (rel=prev/next) read.
    func pagination(_ baseURL: BaseURL) -> Pagination {
        func url(_ page: Int) -> String { baseURL.sitePath(SiteLayout.listPage(list, page)) }
        // The first and last pages and two either side of this one; a gap stands for the rest.
        var shown: [Pagination.Link] = []
        var last = 0
        for page in 1...total where page == 1 || page == total || abs(page - number) <= 2 {
            if page > last + 1 { shown.append(Pagination.Link(isGap: true)) }
            shown.append(Pagination.Link(number: page, url: url(page), isCurrent: page == number, isGap: false))
            last = page
        }
        return Pagination(hasPages: total > 1, current: number, total: total, hasPrev: number > 1, hasNext: number < total,
                          prevURL: number > 1 ? url(number - 1) : nil, nextURL: number < total ? url(number + 1) : nil,
                          pages: shown)
    }
}
