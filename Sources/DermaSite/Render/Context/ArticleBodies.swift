/// The values of article pages, lists, the home page, the search page, the glossary and the 404
/// page (under `page`, beside the head every page has).
struct ArticleBody: PageBody {
    var content: String
    var toc: [TocEntry]
    var hasToc: Bool
    var tags: [TagLink]
    var hasTags: Bool
    var sources: [SourceValues]
    var hasSources: Bool
    var hasDescription: Bool
    var dateISO: String?
    var dateLong: String?
    var updatedISO: String?
    var updatedLong: String?
    /// A page (About us, Accessibility) gives no medical advice, so it carries no review status.
    var isMedical: Bool
    var review: ReviewValues?

    /// Each h2 with its h3s as `subs`, so a numbered list counts only the sections.
    struct TocEntry: Equatable, Encodable, Sendable {
        var id: String
        var text: String
        var subs: [Sub]
        var hasSubs: Bool

        struct Sub: Equatable, Encodable, Sendable {
            var id: String
            var text: String
        }

        static func nested(_ entries: [Heading]) -> [TocEntry] {
            var out: [TocEntry] = []
            for entry in entries {
                if entry.level == 3, !out.isEmpty {
                    out[out.count - 1].subs.append(Sub(id: entry.id, text: entry.text))
                    out[out.count - 1].hasSubs = true
                } else {
                    out.append(TocEntry(id: entry.id, text: entry.text, subs: [], hasSubs: false))
                }
            }
            return out
        }
    }
}

/// The article list and a tag's list, one page of it.
struct ListBody: PageBody {
    var items: [ListItem]
    var pagination: Pagination
}

struct HomeBody: PageBody {
    /// The newest page of the list; the rest are a link away.
    var items: [ListItem]
    var hasMoreArticles: Bool
    var articleCount: Int
    var hasLocator: Bool
    var hasRedFlags: Bool
    /// The symptom locator leads the home page, where most readers land (with a data set).
    var locator: String?
    var groups: [PlaceGroup]
}

struct NotFoundBody: PageBody {}

struct SearchBody: PageBody {
    var articles: [ListItem]
    var hasArticles: Bool
    var moreArticles: Bool
    var articleCount: Int
    var otherPages: [ListItem]
    var hasOtherPages: Bool
    /// With a data set: every place and root, for the browser's find.
    var groups: [PlaceGroup]
    var hasGroups: Bool
    var hasRoots: Bool
    var roots: [Root]

    struct Root: Equatable, Encodable, Sendable {
        var id: String
        var area: String
        var url: String
        var urgent: Bool
    }
}

struct GlossaryBody: PageBody {
    var terms: [Term]
    var isMedical = true
    var review: ReviewValues

    struct Term: Equatable, Encodable, Sendable {
        var id: String
        var term: String
        var definition: String
        var usedOn: [TitledLink]
        var hasUsedOn: Bool
    }
}

/// One page of a paginated list: what the pagination partial and the page's head (rel=prev/next) read.
struct Pagination: Equatable, Encodable, Sendable {
    var hasPages: Bool
    var current: Int
    var total: Int
    var hasPrev: Bool
    var hasNext: Bool
    var prevURL: String?
    var nextURL: String?
    var pages: [Link]

    /// A page number, or a gap standing for the pages between.
    struct Link: Equatable, Encodable, Sendable {
        var number: Int?
        var url: String?
        var isCurrent: Bool?
        var isGap: Bool
    }
}

/// Places grouped by where they are on the body, each a plain link (the home and search pages, /where/).
struct PlaceGroup: Equatable, Encodable, Sendable {
    var name: String
    var places: [Place]

    struct Place: Equatable, Encodable, Sendable {
        var name: String
        var url: String
        var says: String
    }
}
