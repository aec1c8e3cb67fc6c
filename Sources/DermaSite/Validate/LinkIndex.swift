/// The site-wide link check, kept between builds: each page's scan and findings are stored, and
/// a rebuild re-checks only the pages that changed and the pages whose links point at something
/// that appeared, disappeared or changed its ids. A full check is an update of an empty index.
final class LinkIndex {
    let checker: LinkChecker

    /// A class, so reading an entry's fields does not copy the rest.
    private final class Entry {
        let bytes: [UInt8]
        let markdownLinks: [LinkRecord]
        let page: LinkChecker.Page
        var findings: LinkChecker.Findings

        init(bytes: [UInt8], markdownLinks: [LinkRecord], page: LinkChecker.Page, findings: LinkChecker.Findings) {
            self.bytes = bytes
            self.markdownLinks = markdownLinks
            self.page = page
            self.findings = findings
        }
    }

    private var entries: [String: Entry] = [:]
    /// Each page's scan, kept beside the entries so a check can read them without a copy.
    private var pages: [String: LinkChecker.Page] = [:]
    /// How many other pages link to each page: a page with none is an orphan.
    private var inbound: [String: Int] = [:]
    private var sortedPages: [String] = []
    private var paths: Set<String> = []
    private var pathList: [String] = []
    private var pathPosition: [String: Int] = [:]
    /// Which pages looked each file up (under either name a link may resolve to); kept only
    /// while `keepsLookups` is on.
    private var lookedUpBy: [String: Set<String>]?
    /// Off for a build no other follows (`build` without --watch): keeping `lookedUpBy` was a
    /// tenth of a one-shot check, for rebuilds that never come. An update with it on again
    /// makes the table from the stored findings, or checks every page again when they were made
    /// without their lookups.
    var keepsLookups = true
    /// Findings were made without their lookups (while `keepsLookups` was off): the table cannot
    /// be made from them, so turning it on checks every page again.
    private var findingsLackLookups = false

    init(basePath: String) {
        checker = LinkChecker(basePath: basePath)
    }

    /// True when `files` have the paths, in order, of the last update.
    func hasSamePaths(_ files: [OutputFile]) -> Bool {
        files.count == pathList.count && files.indices.allSatisfy { files[$0].path == pathList[$0] }
    }

    /// Brings the index up to date with `files` and returns every finding, in the order a full
    /// check reports them.
    ///
    /// `onlyChanged`, when given, names the only files that may differ from the last update if the
    /// paths are the same as then; `markdownLinks` then needs only those.
    func update(_ files: [OutputFile], markdownLinks: [String: [LinkRecord]], onlyChanged: Set<String>? = nil) -> [Diagnostic] {
        var recheckAll = false
        if !keepsLookups {
            lookedUpBy = nil
        } else if lookedUpBy == nil {
            lookedUpBy = [:]
            if findingsLackLookups {
                recheckAll = true
                findingsLackLookups = false
            } else {
                for (path, entry) in entries { noteLookups(entry.findings, of: path) }
            }
        }
        // The same files in the same order (the usual rebuild): the set of paths is unchanged.
        let same = hasSamePaths(files)
        if !same {
            pathList = files.map(\.path)
            pathPosition = Dictionary(pathList.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let newPaths = same ? paths : Set(pathList)
        var touchedTargets = Set<String>()
        if !same { touchedTargets.formUnion(newPaths.symmetricDifference(paths)) }
        var rescanned: [OutputFile] = []
        var added = false
        // With the same paths as last time, only the files the build rendered again can differ.
        let hint = same ? onlyChanged : nil
        var htmlCount = hint == nil ? 0 : entries.count
        let candidates = hint.map { hint in hint.compactMap { pathPosition[$0] }.sorted().map { files[$0] } } ?? files
        // Given only the changed pages' Markdown links, a page not rendered again keeps its own:
        // without them its broken links would be blamed on the templates. (Read from the live
        // entries: a page's entry is replaced with these same links, and a copy of the table
        // would copy thousands of entries.)
        func linksOf(_ path: String) -> [LinkRecord] {
            markdownLinks[path] ?? (hint != nil ? entries[path]?.markdownLinks : nil) ?? []
        }
        for file in candidates where file.path.hasSuffix(".html") {
            if hint == nil { htmlCount += 1 }
            let links = linksOf(file.path)
            if let entry = entries[file.path], entry.bytes == file.bytes, entry.markdownLinks == links { continue }
            rescanned.append(file)
        }
        let checker = self.checker
        let scans = Parallel.map(rescanned) { file in checker.scan(bytes: file.bytes) }
        var recheck = Set<String>()
        for (file, page) in zip(rescanned, scans) {
            if entries[file.path]?.page.ids != page.ids { touchedTargets.insert(file.path) }
            if entries[file.path] == nil { added = true }
            let findings = entries[file.path]?.findings ?? LinkChecker.Findings()
            entries[file.path] = Entry(bytes: file.bytes, markdownLinks: linksOf(file.path), page: page,
                                       findings: findings)
            pages[file.path] = page
            recheck.insert(file.path)
        }
        // Pages are gone when the index holds more than this build has, counting the new ones.
        if entries.count != htmlCount || added && !same {
            let seenHTML = Set(files.lazy.map(\.path).filter { $0.hasSuffix(".html") })
            for path in Array(entries.keys) where !seenHTML.contains(path) {
                forget(entries[path]!.findings, of: path)
                entries[path] = nil
                pages[path] = nil
            }
        }
        paths = newPaths
        if sortedPages.count != entries.count || !touchedTargets.isEmpty {
            sortedPages = entries.keys.sorted()
        }
        if recheckAll {
            recheck.formUnion(entries.keys)
        } else if let lookedUpBy {
            for target in touchedTargets { recheck.formUnion(lookedUpBy[target] ?? []) }
        } else if !touchedTargets.isEmpty {
            // Without the table, any page may have looked a touched file up.
            recheck.formUnion(entries.keys)
        }
        let pages = self.pages
        let toCheck = recheck.filter { entries[$0] != nil }.sorted()
        let links = Dictionary(uniqueKeysWithValues: toCheck.map { ($0, linksOf($0)) })
        let recordsLookups = keepsLookups
        if !recordsLookups, !toCheck.isEmpty { findingsLackLookups = true }
        let results = Parallel.map(toCheck, worker: { LinkChecker.LinkMemo() }) { memo, path in
            checker.findings(on: path, page: pages[path]!, markdownLinks: links[path] ?? [], pages: pages, paths: newPaths,
                             memo: &memo, recordsLookups: recordsLookups)
        }
        var findingsChanged = !same || added
        for (path, findings) in zip(toCheck, results) {
            if entries[path]!.findings != findings { findingsChanged = true }
            forget(entries[path]!.findings, of: path)
            noteLookups(findings, of: path)
            for target in findings.linkedTo { inbound[target, default: 0] += 1 }
            entries[path]!.findings = findings
        }
        if findingsChanged || lastReport == nil { lastReport = report() }
        return lastReport!
    }

    private var lastReport: [Diagnostic]?

    /// Pages that no page needs to link to (besides the home and 404 pages).
    /// Links written in site.yml (menu, footer) or a data file (see_also), by published address,
    /// with where and what they are: a broken one is reported where it is written.
    var writtenLinks: [String: WrittenLink] = [:] {
        didSet { if writtenLinks != oldValue { lastReport = nil } }
    }

    struct WrittenLink: Equatable {
        var position: SourcePosition
        /// `in the menu or footer`, `in see_also`.
        var origin: String
    }

    var unlinkedAllowed: Set<String> = [] {
        didSet { if unlinkedAllowed != oldValue { lastReport = nil } }
    }

    private func noteLookups(_ findings: LinkChecker.Findings, of path: String) {
        guard lookedUpBy != nil else { return }
        for target in findings.lookedUp { lookedUpBy?[target, default: []].insert(path) }
    }

    /// Takes a page's earlier findings out of the reverse indexes.
    private func forget(_ findings: LinkChecker.Findings, of path: String) {
        if lookedUpBy != nil { for target in findings.lookedUp { lookedUpBy?[target]?.remove(path) } }
        for target in findings.linkedTo { inbound[target, default: 1] -= 1 }
    }

    private func report() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var templateProblems: [String: (count: Int, firstPage: String)] = [:]
        for path in sortedPages {
            let findings = entries[path]!.findings
            diagnostics += findings.diagnostics
            for problem in findings.templateProblems { templateProblems[problem, default: (0, path)].count += 1 }
        }
        for (problem, seen) in templateProblems.sorted(by: { $0.key < $1.key }) {
            let pagesNote = seen.count == 1 ? "on \(seen.firstPage)" : "on \(seen.count) pages, first \(seen.firstPage)"
            let link = problem.hasPrefix("link to '") ? problem.dropFirst(9).prefix { $0 != "'" } : ""
            if let written = writtenLinks[String(link)] {
                let at = written.position
                diagnostics.append(.error(at.file, line: at.line, column: at.column, "a link \(written.origin) \(pagesNote): \(problem)"))
            } else {
                diagnostics.append(.error(TemplateLoader.folder, "a link made by the templates \(pagesNote): \(problem)"))
            }
        }
        for path in sortedPages where inbound[path, default: 0] == 0 && !LinkChecker.entryPages.contains(path)
            && !unlinkedAllowed.contains(path) {
            diagnostics.append(.warning(path, "no page links here, so readers cannot find it (an orphan page)"))
        }
        return diagnostics
    }
}
