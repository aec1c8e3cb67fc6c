/// A clinician's sign-off of one page source, tied to the exact bytes they read: an edit after
/// the review is visible to readers and to the build.
public struct ClinicalReview: Sendable, Equatable {
    /// What was reviewed, relative to Content/: `articles/leg-dermatomes.md`, or `data/dermatomes.yml`
    /// for the dermatome data set (with places.yml and leg-map.yml), or `data/glossary.yml`.
    public var subject: String
    public var reviewer: String
    /// Role or qualification, as a reader should see it: "Consultant physiotherapist".
    public var role: String
    public var reviewed: Day
    public var nextReview: Day
    /// SHA-256 of the subject's files at the review, lower-case hex.
    public var digest: String
    /// Where the entry is written in the review record.
    public var position: SourcePosition
    public var nextReviewPosition: SourcePosition
}

/// What a reader is told about a medical page's review.
public enum ReviewStatus: Sendable, Equatable {
    case notReviewed
    case reviewed(ClinicalReview)
    /// The source was edited after the review: the review no longer covers what the page says.
    case changedSinceReview(ClinicalReview)

    public var review: ClinicalReview? {
        switch self {
        case .notReviewed: nil
        case let .reviewed(review), let .changedSinceReview(review): review
        }
    }

    /// Only a review of exactly this content may be claimed in structured data.
    public var claimable: ClinicalReview? {
        if case let .reviewed(review) = self { review } else { nil }
    }
}

/// The review record (Content/data/reviews.yml) with the digest each subject has now.
public struct SiteReviews: Sendable, Equatable {
    public var entries: [ClinicalReview]
    /// The current digest of every subject that has an entry; nil when its files cannot be read.
    public var currentDigests: [String: String]

    public init(entries: [ClinicalReview] = [], currentDigests: [String: String] = [:]) {
        self.entries = entries
        self.currentDigests = currentDigests
    }

    public func status(of subject: String) -> ReviewStatus {
        guard let review = entries.last(where: { $0.subject == subject }) else { return .notReviewed }
        return currentDigests[subject] == review.digest ? .reviewed(review) : .changedSinceReview(review)
    }

    /// The subject that gives the dermatome data set's pages their review.
    public static let dataSet = "data/dermatomes.yml"
    public static let glossary = "data/glossary.yml"

    /// The subject of an article: its path relative to Content/.
    public static func subject(of article: Article) -> String {
        String(article.sourcePath.dropFirst(ContentLoader.contentFolder.count + 1))
    }
}
