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
    func context(_ baseURL: BaseURL) -> [String: Any] {
        func url(_ page: Int) -> String { baseURL.sitePath(SiteLayout.listPage(list, page)) }
        var context: [String: Any] = ["has_pages": total > 1, "current": number, "total": total,
                                      "has_prev": number > 1, "has_next": number < total]
        if number > 1 { context["prev_url"] = url(number - 1) }
        if number < total { context["next_url"] = url(number + 1) }
        // The first and last pages and two either side of this one; a gap stands for the rest.
        var shown: [[String: Any]] = []
        var last = 0
        for page in 1...total where page == 1 || page == total || abs(page - number) <= 2 {
            if page > last + 1 { shown.append(["is_gap": true]) }
            shown.append(["number": page, "url": url(page), "is_current": page == number, "is_gap": false])
            last = page
        }
        context["pages"] = shown
        return context
    }
}
