/// Records a clinician's review in Content/data/reviews.yml: who, their role, when, when next,
/// and the SHA-256 of exactly what they read. The file is written whole, one entry per subject,
/// in subject order, so it diffs cleanly and the same reviews always give the same file.
public enum ReviewRecorder {
    public struct Failure: Error, CustomStringConvertible {
        public var diagnostics: [Diagnostic]
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    /// The subject a path names: `Content/articles/a.md` or `articles/a.md` -> `articles/a.md`; any
    /// file of the dermatome data set -> the data set.
    public static func subject(for path: String) -> String? {
        var relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        if relative.hasPrefix(ContentLoader.contentFolder + "/") { relative = String(relative.dropFirst(ContentLoader.contentFolder.count + 1)) }
        if AtlasLoader.paths.contains(ContentLoader.contentFolder + "/" + relative) { return SiteReviews.dataSet }
        return ReviewLoader.isSubject(relative) ? relative : nil
    }

    /// The review record with `review` added (replacing an earlier review of the same subject).
    public static func record(root: String, fileSystem: FileSystem, subject: String, reviewer: String, role: String,
                              today: Day, nextReview: Day? = nil) throws -> ClinicalReview {
        let next = nextReview ?? Day(year: today.year + 1, month: today.month, day: min(today.day, 28))!
        var problems: [Diagnostic] = []
        if reviewer.trimmingWhitespace().isEmpty { problems.append(.error(ReviewLoader.path, "--reviewer is empty: name the clinician who checked the page")) }
        if role.trimmingWhitespace().isEmpty { problems.append(.error(ReviewLoader.path, "--role is empty: say what the reviewer is, such as 'consultant physiotherapist'")) }
        if !(today < next) { problems.append(.error(ReviewLoader.path, "the next review (\(next.iso)) must come after today (\(today.iso))")) }
        let files = ReviewLoader.files(of: subject)
        for file in files where !fileSystem.exists(FilePath.join(root, file)) {
            problems.append(.error(file, "no such file to review"))
        }
        let (current, loadProblems) = ReviewLoader.load(root: root, fileSystem: fileSystem)
        problems += loadProblems.filter { $0.severity == .error }
        guard problems.isEmpty else { throw Failure(diagnostics: problems) }
        let bytes = try files.map { ($0, try fileSystem.readBytes(FilePath.join(root, $0))) }
        let review = ClinicalReview(subject: subject, reviewer: reviewer.trimmingWhitespace(), role: role.trimmingWhitespace(),
                                    reviewed: today, nextReview: next, digest: ReviewLoader.digest(bytes),
                                    position: SourcePosition(file: ReviewLoader.path, line: 0, column: 0),
                                    nextReviewPosition: SourcePosition(file: ReviewLoader.path, line: 0, column: 0))
        let entries = current.entries.filter { $0.subject != subject } + [review]
        let path = FilePath.join(root, ReviewLoader.path)
        try fileSystem.createDirectory(FilePath.directory(of: path))
        try fileSystem.write(Array(text(entries).utf8), to: path)
        return review
    }

    static func text(_ entries: [ClinicalReview]) -> String {
        var out = """
        # Clinical reviews: who checked each page source, when, and the SHA-256 of what they read.
        # Written by 'dermasite review'; an edit to a reviewed file shows on its pages as
        # "Changed since it was last reviewed" until the review is recorded again.
        reviews:

        """
        for entry in entries.sorted(by: { $0.subject < $1.subject }) {
            out += "  - file: \(ArticleScaffold.quoted(entry.subject))\n"
            out += "    reviewer: \(ArticleScaffold.quoted(entry.reviewer))\n"
            out += "    role: \(ArticleScaffold.quoted(entry.role))\n"
            out += "    reviewed: \(entry.reviewed.iso)\n"
            out += "    next_review: \(entry.nextReview.iso)\n"
            out += "    sha256: \(entry.digest)\n"
        }
        return out
    }
}
