/// The health-information standards a page's text must meet: a reading level at or below the
/// site's target, and sources a reader can find. (Reviews: ReviewCheck.)
/// A class: a build keeps one per page, and hands them all on at every rebuild.
public final class PageReadability: Sendable, Equatable {
    public let title: String
    /// Where the text comes from: the article, or the data set for a root page.
    public let file: String
    public let sitePath: String
    public let score: ReadabilityScore

    init(title: String, file: String, sitePath: String, score: ReadabilityScore) {
        (self.title, self.file, self.sitePath, self.score) = (title, file, sitePath, score)
    }

    public static func == (a: PageReadability, b: PageReadability) -> Bool {
        a === b || (a.title == b.title && a.file == b.file && a.sitePath == b.sitePath && a.score == b.score)
    }
}

public enum ContentStandards {
    static func score(_ article: Article, _ markdown: RenderedMarkdown) -> PageReadability {
        PageReadability(title: article.meta.title, file: article.sourcePath, sitePath: article.urlPath,
                        score: markdown.readability ?? Readability.score(markdown.prose))
    }

    static func rootScores(_ site: Site) -> [PageReadability] {
        (site.atlas?.roots ?? []).map { root in
            let text = ([root.summary, root.test] + root.symptoms.map { $0.hasSuffix(".") ? $0 : $0 + "." }).joined(separator: "\n")
            return PageReadability(title: "\(root.id) dermatome", file: root.position.file, sitePath: root.urlPath,
                                   score: Readability.score(text))
        }
    }

    /// One article: its reading level and sources.
    static func check(article: Article, readability page: PageReadability, target: Double) -> [Diagnostic] {
        var diagnostics = gradeWarning(page, target: target)
        guard !article.meta.unreadable else { return diagnostics }
        // A page such as About us states no medical facts, so it may have no sources.
        if article.isListed, article.meta.sources.isEmpty {
            diagnostics.append(.warning(article.sourcePath, line: 1, column: 1, "no 'sources': list where the page's facts come from"))
        }
        return diagnostics + SourceCheck.check(article.meta.sources, file: article.sourcePath)
    }

    /// The root pages' reading levels and the sources of the data set and the red flags.
    static func checkAtlas(site: Site, readability roots: [PageReadability]) -> [Diagnostic] {
        roots.flatMap { gradeWarning($0, target: site.config.readingGradeTarget) } + SourceCheck.check(site: site)
    }

    private static func gradeWarning(_ page: PageReadability, target: Double) -> [Diagnostic] {
        guard page.score.fleschKincaidGrade > target else { return [] }
        return [.warning(page.file, String(
            "\(page.title): reading grade \(format(page.score.fleschKincaidGrade)) is above the site's target of \(format(target)); use shorter sentences and everyday words"))]
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
