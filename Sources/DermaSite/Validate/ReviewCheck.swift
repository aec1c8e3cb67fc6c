/// Health-information standards for reviews: every medical page says truthfully whether a
/// clinician checked what it shows now. With `require_clinical_review: true` in site.yml, a page
/// that is unreviewed, changed since its review or overdue fails the build.
public enum ReviewCheck {
    /// Each reviewable subject of the site and the file a reader's problem is reported at.
    public static func subjects(of site: Site) -> [(subject: String, file: String)] {
        var subjects = site.listed.map { (SiteReviews.subject(of: $0), $0.sourcePath) }
        if site.atlas != nil { subjects.append((SiteReviews.dataSet, AtlasLoader.rootsPath)) }
        if site.glossary != nil { subjects.append((SiteReviews.glossary, GuidanceLoader.glossaryPath)) }
        return subjects
    }

    public static func check(site: Site, reviews: SiteReviews, today: Day?) -> [Diagnostic] {
        let required = site.config.health.requireClinicalReview
        let severity: Diagnostic.Severity = required ? .error : .warning
        var diagnostics: [Diagnostic] = []
        var unreviewed: [String] = []
        for (subject, file) in subjects(of: site) {
            switch reviews.status(of: subject) {
            case .notReviewed:
                if required {
                    diagnostics.append(Diagnostic(.error, file, line: 1, column: 1,
                        "not checked by a clinician, and site.yml sets 'require_clinical_review: true': once a clinician has checked it, run 'dermasite review \(file) --reviewer NAME --role ROLE'"))
                } else {
                    unreviewed.append(file)
                }
            case let .changedSinceReview(review):
                diagnostics.append(Diagnostic(severity, file, line: 1, column: 1,
                    "changed since \(review.reviewer) reviewed it on \(review.reviewed.long): the page says so and claims no review; once they have checked the changes, run 'dermasite review \(file) --reviewer NAME --role ROLE'"))
            case let .reviewed(review):
                if let today, review.nextReview < today {
                    let at = review.nextReviewPosition
                    diagnostics.append(Diagnostic(severity, ReviewLoader.path, line: at.line, column: at.column,
                        "review of \(subject) overdue: it was due on \(review.nextReview.long); ask a clinician to check it again and record it with 'dermasite review'"))
                }
            }
        }
        if !unreviewed.isEmpty {
            let named = unreviewed.prefix(3).joined(separator: ", ") + (unreviewed.count > 3 ? " and \(unreviewed.count - 3) more" : "")
            diagnostics.append(.warning(unreviewed.count == 1 ? unreviewed[0] : ReviewLoader.path,
                "\(unreviewed.count == 1 ? "this page has" : "\(unreviewed.count) medical pages have") not been checked by a clinician (\(named)): each says so to its readers. Record a review with 'dermasite review FILE --reviewer NAME --role ROLE'; set 'require_clinical_review: true' in site.yml to make this an error"))
        }
        return diagnostics
    }
}

/// A citation a reader can follow: a title, a year (or the day a dateless web page was read),
/// and a URL or DOI. Missing details are warnings at the source's line.
public enum SourceCheck {
    public static func check(_ sources: [Source], file: String, fallback: SourcePosition? = nil) -> [Diagnostic] {
        sources.compactMap { source in
            var missing: [String] = []
            if source.year == nil && source.checked == nil {
                missing.append(source.url != nil && source.doi == nil ? "a 'year', or 'checked:' with the day you read the page" : "a 'year'")
            }
            if source.url == nil && source.doi == nil { missing.append("a 'url' or 'doi'") }
            guard !missing.isEmpty else { return nil }
            let at = source.position ?? fallback
            return .warning(file, line: at?.line ?? 1, column: at?.column ?? 1,
                            "source '\(source.title)' needs \(missing.joined(separator: " and ")) so a reader can find it")
        }
    }

    /// Every source the site cites outside articles: the data set's and the red flags'.
    public static func check(site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let atlas = site.atlas {
            for root in atlas.roots { diagnostics += check(root.sources, file: AtlasLoader.rootsPath) }
            for keyed in atlas.sources {
                diagnostics += check([keyed.source], file: AtlasLoader.placesPath, fallback: keyed.position).map {
                    var found = $0
                    found.line = keyed.position.line
                    found.column = keyed.position.column
                    return found
                }
            }
        }
        if let flags = site.redFlags { diagnostics += check(flags.sources, file: GuidanceLoader.redFlagsPath) }
        return diagnostics
    }
}
