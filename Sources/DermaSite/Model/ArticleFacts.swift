/// What each part of the build reads of an article, declared side by side: a rebuild compares
/// these to decide what to make again, so a new front-matter field that a list, the route table
/// or a link can show is added here, once, to each that shows it. (The randomised equivalence
/// test catches a field left out.)
extension Article {
    /// What links can reach: its file, its address, its tag pages and its old addresses. The link
    /// environment of every article's Markdown is made from these.
    struct Addresses: Equatable {
        var sourcePath: String
        var urlPath: String
        var tags: [String]
        var aliases: [String]
    }

    /// What the route table reads: the addresses, the dates the sitemap shows, whether it is a
    /// draft (kept out of the sitemap) and where its slug is written (for clash messages).
    struct RouteFacts: Equatable {
        var addresses: Addresses
        var date: Day?
        var updated: Day?
        var draft: Bool
        var slugAt: SourcePosition?
        var aliasesAt: SourcePosition?
        /// Whether, and how much, site search counts the page: the index's files depend on it.
        var searchWeight: Double
    }

    /// What the feed shows of it (list pages are keyed by their own values, ListItem).
    struct ListingFacts: Equatable {
        var sourcePath: String
        var urlPath: String
        var title: String
        var description: String
        var date: Day?
        var updated: Day?
        var tags: [String]
        /// A draft shown by --drafts is labelled in lists and left out of the feed.
        var draft: Bool
    }

    /// What the checks across articles read (one address per page, one spelling per tag), and
    /// where those keys are written, for their messages.
    struct AcrossCheckFacts: Equatable {
        var sourcePath: String
        var slug: String
        var tags: [String]
        var unreadable: Bool
        var slugAt: SourcePosition?
        var tagsAt: SourcePosition?
    }

    var acrossCheckFacts: AcrossCheckFacts {
        AcrossCheckFacts(sourcePath: sourcePath, slug: slug, tags: meta.tags, unreadable: meta.unreadable,
                         slugAt: meta.keyPositions["slug"], tagsAt: meta.keyPositions["tags"])
    }

    var addresses: Addresses { Addresses(sourcePath: sourcePath, urlPath: urlPath, tags: meta.tags, aliases: meta.aliases) }

    var routeFacts: RouteFacts {
        RouteFacts(addresses: addresses, date: meta.date, updated: meta.updated, draft: meta.draft,
                   slugAt: meta.keyPositions["slug"], aliasesAt: meta.keyPositions["aliases"],
                   searchWeight: meta.searchWeight)
    }

    var listingFacts: ListingFacts {
        ListingFacts(sourcePath: sourcePath, urlPath: urlPath, title: meta.title, description: meta.description,
                     date: meta.date, updated: meta.updated, tags: meta.tags, draft: meta.draft)
    }
}

extension Array where Element == Article {
    /// Whether `other` holds the same articles in the same order as far as `same` can tell: each
    /// position has the same object, or one `same` finds alike. By index: iterating would retain
    /// every article, touching each one's memory.
    func matches(_ other: [Article], by same: (Article, Article) -> Bool) -> Bool {
        guard count == other.count else { return false }
        for index in indices where self[index] !== other[index] {
            if !same(self[index], other[index]) { return false }
        }
        return true
    }
}
