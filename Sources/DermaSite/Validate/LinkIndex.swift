/// The site-wide link check, kept between builds: each page's scan and findings are stored, and
/// a rebuild re-checks only the pages that changed and the pages whose links point at something
/// that appeared, disappeared or changed its ids. A full check is an update of an empty index.
final class LinkIndex: @unchecked Sendable {
    let checker: LinkChecker

    private struct Entry {
        var bytes: [UInt8]
        var markdownLinks: [LinkRecord]
        var page: LinkChecker.Page
        var findings = LinkChecker.Findings()
    }

    private var entries: [String: Entry] = [:]
    private var sortedPages: [String] = []
    private var paths: Set<String> = []
    /// Which pages looked each file up (under either name a link may resolve to).
    private var lookedUpBy: [String: Set<String>] = [:]

    init(basePath: String) {
        checker = LinkChecker(basePath: basePath)
    }

    /// Brings the index up to date with `files` and returns every finding, in the order a full
    /// check reports them.
    func update(_ files: [OutputFile], markdownLinks: [String: [LinkRecord]]) -> [Diagnostic] {
        let newPaths = Set(files.map(\.path))
        var touchedTargets = Set<String>()
        if newPaths != paths {
            touchedTargets.formUnion(newPaths.symmetricDifference(paths))
        }
        var rescanned: [OutputFile] = []
        var seenHTML = Set<String>()
        for file in files where file.path.hasSuffix(".html") {
            seenHTML.insert(file.path)
            let links = markdownLinks[file.path] ?? []
            if let entry = entries[file.path], entry.bytes == file.bytes, entry.markdownLinks == links { continue }
            rescanned.append(file)
        }
        let checker = self.checker
        let scans = Parallel.map(rescanned) { file in checker.scan(String(decoding: file.bytes, as: UTF8.self)) }
        var recheck = Set<String>()
        for (file, page) in zip(rescanned, scans) {
            if entries[file.path]?.page.ids != page.ids { touchedTargets.insert(file.path) }
            entries[file.path] = Entry(bytes: file.bytes, markdownLinks: markdownLinks[file.path] ?? [], page: page)
            recheck.insert(file.path)
        }
        for path in Array(entries.keys) where !seenHTML.contains(path) {
            for target in entries[path]!.findings.lookedUp { lookedUpBy[target]?.remove(path) }
            entries[path] = nil
        }
        paths = newPaths
        if sortedPages.count != entries.count || !touchedTargets.isEmpty {
            sortedPages = entries.keys.sorted()
        }
        for target in touchedTargets { recheck.formUnion(lookedUpBy[target] ?? []) }
        let pages = entries.mapValues(\.page)
        let toCheck = recheck.filter { entries[$0] != nil }.sorted()
        let results = Parallel.map(toCheck) { path in
            checker.findings(on: path, page: pages[path]!, markdownLinks: markdownLinks[path] ?? [], pages: pages, paths: newPaths)
        }
        for (path, findings) in zip(toCheck, results) {
            for target in entries[path]!.findings.lookedUp { lookedUpBy[target]?.remove(path) }
            for target in findings.lookedUp { lookedUpBy[target, default: []].insert(path) }
            entries[path]!.findings = findings
        }
        return report()
    }

    private func report() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var linkedTo = Set<String>()
        var templateProblems: [String: (count: Int, firstPage: String)] = [:]
        for path in sortedPages {
            let findings = entries[path]!.findings
            diagnostics += findings.diagnostics
            linkedTo.formUnion(findings.linkedTo)
            for problem in findings.templateProblems { templateProblems[problem, default: (0, path)].count += 1 }
        }
        for (problem, seen) in templateProblems.sorted(by: { $0.key < $1.key }) {
            let pagesNote = seen.count == 1 ? "on \(seen.firstPage)" : "on \(seen.count) pages, first \(seen.firstPage)"
            diagnostics.append(.error(TemplateLoader.folder, "a link made by the templates \(pagesNote): \(problem)"))
        }
        for path in sortedPages where !linkedTo.contains(path) && !LinkChecker.entryPages.contains(path) {
            diagnostics.append(.warning(path, "no page links here, so readers cannot find it (an orphan page)"))
        }
        return diagnostics
    }
}
