/// What a medical page's template sees of its review: `page.review.*`, one flag per state, so the
/// template words each state and never shows a review that does not cover the page as it is.
enum ReviewContext {
    static func make(_ status: ReviewStatus) -> [String: Any] {
        var out: [String: Any] = [
            "is_reviewed": false, "is_changed": false, "is_unreviewed": false,
        ]
        switch status {
        case .notReviewed: out["is_unreviewed"] = true
        case .reviewed: out["is_reviewed"] = true
        case .changedSinceReview: out["is_changed"] = true
        }
        let review = status.review
        out.setOptional("reviewer", review?.reviewer)
        out.setOptional("role", review?.role)
        out.setOptional("reviewed_iso", review?.reviewed.iso)
        out.setOptional("reviewed_long", review?.reviewed.long)
        out.setOptional("next_review_iso", review?.nextReview.iso)
        out.setOptional("next_review_long", review?.nextReview.long)
        return out
    }

    /// The page keys every medical page adds: `is_medical` and `review`.
    static func add(_ status: ReviewStatus, to page: inout [String: Any]) {
        page["is_medical"] = true
        page["review"] = make(status)
    }
}
