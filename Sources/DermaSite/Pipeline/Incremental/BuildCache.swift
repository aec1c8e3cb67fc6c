import Foundation

/// What a build keeps for the next, so a rebuild after an edit redoes only the work the edit
/// affects. A build with other options than the last (another root, base URL, drafts or link
/// setting) starts from a new, empty memo: that is the full build, through the same steps.
/// Unchecked: it is used by one build at a time (a session's rebuilds run in turn), and a build
/// hands its memo only to the calling thread's steps; the parallel steps get values, not the memo.
public final class BuildCache: @unchecked Sendable {
    public init() {}

    private var optionsKey: String?
    private(set) var memo = BuildMemo()

    /// The memo for a build with `options`, and the changes to apply: a new memo and every input
    /// when the options differ from the last build's.
    func begin(_ options: BuildOptions, changes: ChangeSet) -> (BuildMemo, ChangeSet) {
        let key = "\(options.root)\n\(options.baseURL ?? "")\n\(options.includeDrafts)\n\(options.linksMustResolve)"
        guard key == optionsKey else {
            memo = BuildMemo()
            optionsKey = key
            return (memo, .everything)
        }
        return (memo, changes)
    }
}

/// Every cached result of a build, each stored with the versions of the inputs it was made from
/// (its key) and made again when any of them changes.
final class BuildMemo {
    init() {
        content.nextVersion = { [unowned self] in self.nextVersion() }
    }

    private var lastVersion = 0
    func nextVersion() -> Int {
        lastVersion += 1
        return lastVersion
    }

    let content = ContentCache()
    let config = Memo<(SiteConfig?, [Diagnostic])>()
    let templates = Memo<(TemplateSource, [ThemeAsset], [Diagnostic])>()
    let atlas = Memo<(Atlas?, [Diagnostic])>()
    let guidance = Memo<(Glossary?, RedFlags?, [Diagnostic])>()
    let searchSettings = Memo<(SearchSettings, [Diagnostic])>()
    /// Each searched page's words and term scores, with the page they were read from.
    var searchPages: [String: SearchedPage] = [:]
    var searchPageEntries: Versioned<[SearchPage.Entry]>?
    var searchIndex = SearchIndexMemo()
    var searchDocuments: SearchDocuments?
    /// The route table's version at the last search step: while it stays, so do the plan's pages.
    var searchedRoutes: Int?
    /// The index files of the last build, so only those whose bytes changed count as made again.
    var searchFiles: [String: [UInt8]] = [:]
    var atlasProblems: Keyed<[Diagnostic]>?
    var reviews: Versioned<SiteReviews>?
    var compiled: Keyed<(TemplateSet?, [Diagnostic])>?
    var templateValueProblems: Keyed<[Diagnostic]>?
    /// The version of each template as pages see it: bumped when it or anything it includes changes.
    var templateVersions: [String: Int] = [:]
    var assetsVersion = 0
    private var lastAssetBytes: [[String: [UInt8]]] = []
    var markdownEnvironment: Versioned<(inputs: MarkdownStep.EnvironmentInputs, environment: MarkdownStep.Environment)>?
    var markdown: [String: MarkdownEntry] = [:]
    var markdownRenderer: Keyed<MarkdownRenderer>?
    /// Every page with the values it was rendered from.
    let pages = PageMemo()
    var frame: Versioned<PageFrame>?
    var homeObjects: Versioned<SameObjects<Article>>?
    let alignedListItems = Aligned<ListItem>()
    var lists: ListsMemo?
    var glossaryUsage: Versioned<[GlossaryUse]>?
    var routesMemo: Named<Routes>?
    var aliases: Versioned<[AliasPages.Alias]>?
    /// The articles the route table was last made from, and the version of their route facts.
    var routeInputs: Versioned<[Article]>?
    var tagGroupsMemo: (routeInputs: Int, groups: [PageRenderer.TagGroup])?
    var sitemapRoutes: Versioned<[Route]>?
    var sitemapEntries: (routes: Int, version: Int)?
    var feedListing: Versioned<[ListingEntry]>?
    var newestArticles: (articles: [Article], positions: [Int])?
    var reviewChecks: (key: InputKey, articles: [Article], value: [Diagnostic])?
    /// Groups of pages, by the inputs of the functions that make their values.
    var gates: [String: Named<[OutputFile]>] = [:]
    var groups: [String: Named<[OutputFile]>] = [:]
    var staticFiles: [String: OutputFile] = [:]
    var imageInfos: [String: Result<ImageInfo, ImageCodec.Failure>] = [:]
    /// WebP copies by image hash, width and quality.
    var imageCopyBytes: [String: [UInt8]] = [:]
    var linkIndex: LinkIndex?
    var articleChecks: [String: Versioned<ArticleValidator.Local>] = [:]
    var rootScores: Keyed<[PageReadability]>?
    var frameMemo: Keyed<PageFrame>?
    var listingOrderCache: (articles: [Article], order: [Int])?
    var standards: [String: (key: StandardsKey, value: [Diagnostic])] = [:]
    var acrossChecks: (articles: [Article], diagnostics: [Diagnostic])?
    var lastReport: (input: [Diagnostic], sorted: [Diagnostic])?
    /// The output paths of the last build, in order, and whether any two were the same.
    var outputPaths: (list: [String], duplicates: [String])?
    /// The paths of this build, and of the last build that succeeded.
    var currentPaths: [String] = []
    var lastGoodPaths: [String]?
    let alignedMarkdown = Aligned<RenderedMarkdown>()
    let alignedPages = Aligned<OutputFile>()
    let alignedChecks = Aligned<ArticleValidator.Local>()
    let alignedScores = Aligned<PageReadability>()
    let alignedStandards = Aligned<[Diagnostic]>()
    /// Output paths made afresh rather than taken from the cache, since the last build that
    /// succeeded (a failed build's pages are new to whoever kept the last good site).
    var rendered: [String] = []
    /// Why each of `rendered` was made again.
    var reasons: [String: String] = [:]

    /// Lets go of the articles' HTML and the pages' values, for a build whose cache ends with it:
    /// no next build will look them up. The pages' files stay, for search and the link check.
    func forgetPageValues() {
        markdown = [:]
        alignedMarkdown.clear()
        alignedPages.clear()
        alignedScores.clear()
        alignedStandards.clear()
        pages.forgetValues()
    }

    /// Lets go of what search keeps for a next build's index (each page's snippet and scores, the
    /// index's parts), for a build whose cache ends with it. The index's files stay.
    func forgetSearch() {
        searchPages = [:]
        searchDocuments = nil
        searchIndex = SearchIndexMemo()
        searchFiles = [:]
        searchedRoutes = nil
    }

    /// Notes outputs made afresh, and why.
    func made(_ paths: [String], reason: String) {
        rendered += paths
        for path in paths { reasons[path] = reason }
    }

    /// Loads `T` when `reload` is true or nothing is stored, and gives it a new version.
    func load<T>(_ memo: Memo<T>, reload: Bool, _ make: () -> T) -> T {
        if reload || memo.value == nil {
            memo.value = make()
            memo.version = nextVersion()
        }
        return memo.value!
    }

    /// Stores `value` under a new version when it differs from the stored one; returns the version.
    func version<T: Equatable>(of value: T, in slot: inout Versioned<T>?) -> Int {
        if let stored = slot, stored.value == value { return stored.version }
        slot = Versioned(value: value, version: nextVersion())
        return slot!.version
    }

    /// Called after the templates were loaded again: new versions for every template that changed
    /// or includes one that did, and for the assets when they changed.
    func templatesReloaded(old: (TemplateSource, [ThemeAsset])?, new: (TemplateSource, [ThemeAsset])) {
        let before = old.map { TemplateDependencies(source: $0.0) }
        let after = TemplateDependencies(source: new.0)
        let changed = after.changedNames(since: before)
        for name in after.names where templateVersions[name] == nil || !after.closure(of: name).isDisjoint(with: changed) {
            templateVersions[name] = nextVersion()
        }
    }

    /// The theme assets as published (the theme colour applied): a new version when any changed.
    func publishedAssets(_ assets: [ThemeAsset]) {
        let bytes = assets.map { [$0.sourcePath: $0.bytes] }
        if bytes != lastAssetBytes || assetsVersion == 0 {
            lastAssetBytes = bytes
            assetsVersion = nextVersion()
        }
    }

    func templateVersion(_ name: String) -> Int { templateVersions[name] ?? -1 }
}

final class Memo<T> {
    var value: T?
    var version = 0
}

/// What search read of a page; an article's roots are found from its title, with the data set's version.
struct SearchedPage {
    var title: String
    /// The start of its reading text, as its search result shows it (not the whole text: a
    /// build keeps one for every page).
    var snippet: String
    var scores: [String: Int]
    var roots: [String]?
    var atlasVersion = 0

    init(title: String, snippet: String, scores: [String: Int]) {
        self.title = title
        self.snippet = snippet
        self.scores = scores
    }
}

/// A value and the version it was given when it last changed.
struct Versioned<T> {
    var value: T
    var version: Int
}

/// A result and the input versions it was made from.
struct Keyed<T> {
    var key: [Int]
    var value: T
}

/// What the feed shows of an article. Two entries of the same article object are equal without
/// looking further: unchanged articles are shared.
struct ListingEntry: Equatable, Sendable {
    let article: Article

    init(_ article: Article) { self.article = article }

    static func == (a: Self, b: Self) -> Bool {
        a.article === b.article || a.article.listingFacts == b.article.listingFacts
    }
}

/// What the route table and the tag lists read of an article: its files, address, old addresses,
/// tags and dates, in listing order (not its title, which only the pages show).
/// Which glossary words an article explains: what the glossary page lists.
struct GlossaryUse: Equatable, Sendable {
    var urlPath: String
    var title: String
    var terms: [String]
}

extension BuildMemo {
    /// The stored value when its key is `key`; otherwise makes and stores it.
    func keyed<T>(_ slot: inout Keyed<T>?, _ key: [Int], _ make: () throws -> T) rethrows -> T {
        if let stored = slot, stored.key == key { return stored.value }
        let value = try make()
        slot = Keyed(key: key, value: value)
        return value
    }

    func linkIndex(basePath: String) -> LinkIndex {
        if let index = linkIndex, index.checker.basePath == basePath { return index }
        let index = LinkIndex(basePath: basePath)
        linkIndex = index
        return index
    }
}
