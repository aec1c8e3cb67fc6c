/// Everything a page's template is given: the site's values and the page's own. It is also the
/// page's cache key: a page is rendered again exactly when its values (or its template) changed,
/// so a value added here is part of the key without anyone listing it.
struct PageValues<Body: PageBody>: Equatable, Encodable, Sendable {
    var site: SiteValues
    var assets: [String: String]
    var menu: [MenuLink]
    var footer: FooterValues
    var page: Page<Body>
}

/// A kind of page's own values, beside the head every page has.
protocol PageBody: Equatable, Encodable, Sendable {
    /// Set by the kinds that write their values by hand (TemplateFields).
    var fieldsWriter: TemplateFieldsWriting? { get }
}

/// `page`: the head every page has, and its kind's values, as one object.
struct Page<Body: PageBody>: Equatable, Encodable, Sendable {
    var head: PageHead
    var body: Body

    func encode(to encoder: any Encoder) throws {
        try head.encode(to: encoder)
        try body.encode(to: encoder)
    }
}

struct PageHead: Equatable, Encodable, Sendable {
    var kind: String
    var title: String
    var description: String
    var url: String
    var canonical: String
    var headTitle: String
    var jsonLD: String
    var hasJsonLD: Bool
    var ogType: String
    /// A draft shown by `--drafts`: the layout adds a banner and `noindex`.
    var isDraft: Bool
}

/// What pages read of the site, and nothing else: a page's values are a function of this and
/// of its own inputs, so a build whose frame equals the last one's can keep pages whose own
/// inputs did not change.
struct PageFrame: Equatable, Sendable {
    let config: SiteConfig
    let site: SiteValues
    let assets: [String: String]

    init(site: Site) {
        config = site.config
        self.site = SiteValues(site: site)
        var urls: [String: String] = [:]
        for asset in site.assets { urls[asset.templateKey] = site.config.baseURL.sitePath(asset.outputPath) }
        assets = urls
    }

    var baseURL: BaseURL { config.baseURL }

    func values<Body>(_ body: Body, kind: String, title: String, description: String, jsonLD: String = "",
                      isDraft: Bool = false, sitePath: String) -> PageValues<Body> {
        let head = PageHead(
            kind: kind, title: title, description: description,
            url: baseURL.sitePath(sitePath), canonical: baseURL.absolute(sitePath),
            headTitle: title.isEmpty || title == config.title ? config.title : "\(title) | \(config.title)",
            jsonLD: jsonLD, hasJsonLD: !jsonLD.isEmpty, ogType: kind == "article" ? "article" : "website", isDraft: isDraft)
        return PageValues(site: site, assets: assets, menu: MenuLink.links(config.menu, current: sitePath, baseURL: baseURL),
                          footer: FooterValues(config.footer, current: sitePath, baseURL: baseURL), page: Page(head: head, body: body))
    }
}

/// An article in a list: the home page, the article list, a tag's list, the search page.
/// A class, not a struct: lists hold one per article, and a rebuild hands thousands of them on.
final class ListItem: Equatable, Encodable, Sendable {
    let title: String
    let url: String
    let description: String?
    let dateISO: String?
    let dateLong: String?
    let isDraft: Bool

    static func == (a: ListItem, b: ListItem) -> Bool {
        a === b || (a.title == b.title && a.url == b.url && a.description == b.description && a.dateISO == b.dateISO
                    && a.dateLong == b.dateLong && a.isDraft == b.isDraft)
    }

    init(_ article: Article, baseURL: BaseURL) {
        title = article.meta.title
        url = baseURL.sitePath(article.urlPath)
        description = article.meta.description
        dateISO = article.meta.date?.iso
        dateLong = article.meta.date?.long
        isDraft = article.meta.draft
    }
}

struct TagLink: Equatable, Encodable, Sendable {
    var name: String
    var url: String

    static func links(_ tags: [String], baseURL: BaseURL) -> [TagLink] {
        tags.map { TagLink(name: $0, url: baseURL.sitePath(SiteLayout.tag($0))) }
    }
}

/// A link to a page by its title (the glossary's "used on", see-also links).
struct TitledLink: Equatable, Encodable, Sendable {
    var title: String
    var url: String
}

struct SourceValues: Equatable, Encodable, Sendable {
    var title: String
    var authors: String?
    var publisher: String?
    var year: String?
    var url: String?
    var doi: String?
    var checkedLong: String?
    var checkedISO: String?

    init(_ source: Source) {
        title = source.title
        // The template ends the authors with a full stop: "et al." must not get a second one.
        authors = source.authors.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        publisher = source.publisher
        year = source.year.map(String.init)
        url = source.link
        doi = source.doi
        checkedLong = source.checked?.long
        checkedISO = source.checked?.iso
    }
}

/// `page.review`: one flag per state, so the template words each state and never shows a review
/// that does not cover the page as it is.
struct ReviewValues: Equatable, Encodable, Sendable {
    var isReviewed: Bool
    var isChanged: Bool
    var isUnreviewed: Bool
    var reviewer: String?
    var role: String?
    var reviewedISO: String?
    var reviewedLong: String?
    var nextReviewISO: String?
    var nextReviewLong: String?

    init(_ status: ReviewStatus) {
        switch status {
        case .notReviewed: (isReviewed, isChanged, isUnreviewed) = (false, false, true)
        case .reviewed: (isReviewed, isChanged, isUnreviewed) = (true, false, false)
        case .changedSinceReview: (isReviewed, isChanged, isUnreviewed) = (false, true, false)
        }
        let review = status.review
        reviewer = review?.reviewer
        role = review?.role
        reviewedISO = review?.reviewed.iso
        reviewedLong = review?.reviewed.long
        nextReviewISO = review?.nextReview.iso
        nextReviewLong = review?.nextReview.long
    }
}
