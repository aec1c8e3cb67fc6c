/// Checks the built site as a browser would follow it: every internal link and image leads to a
/// file, every `#fragment` to an id on its page; no page repeats an id, lacks a title or
/// description, or is linked from nowhere. Links written in Markdown are reported at their line;
/// links that come from templates are reported once per template problem.
public struct LinkChecker: Sendable {
    public let basePath: String
    /// Output paths of pages nobody needs to link to.
    public static let entryPages: Set<String> = ["index.html", "404.html"]

    public init(basePath: String) {
        self.basePath = basePath
    }

    struct Page: Sendable {
        var ids: [String: Int] = [:]
        var links: [String] = []
        var title = ""
        var description: String?
    }

    /// What checking one page found, and what it depends on.
    struct Findings: Equatable {
        var diagnostics: [Diagnostic] = []
        /// Problems with links the templates made, once per link, reported site-wide.
        var templateProblems: [String] = []
        /// Pages and files this page links to (not itself).
        var linkedTo = Set<String>()
        /// Every output path the check looked for, found or not.
        var lookedUp = Set<String>()
    }

    func findings(on path: String, page: Page, markdownLinks: [LinkRecord], pages: [String: Page],
                  paths: Set<String>) -> Findings {
        var findings = Findings()
        var fromMarkdown: [String: [LinkRecord]] = [:]
        for record in markdownLinks { fromMarkdown[record.url, default: []].append(record) }
        var used: [String: Int] = [:]  // how many of each URL's Markdown records are matched
        for link in page.links {
            let problem = self.problem(with: link, on: path, pages: pages, paths: paths, findings: &findings)
            if let records = fromMarkdown[link], used[link, default: 0] < records.count {
                let record = records[used[link, default: 0]]
                used[link, default: 0] += 1
                if let problem, !record.reported {
                    findings.diagnostics.append(.error(record.file, line: record.line, column: record.column, problem))
                }
            } else if let problem {
                findings.templateProblems.append(problem)
            }
        }
        for (id, count) in page.ids.sorted(by: { $0.key < $1.key }) where count > 1 {
            findings.diagnostics.append(.error("\(path)", "the id '\(id)' is used \(count) times on this page; links to it are ambiguous"))
        }
        if page.title.trimmingWhitespace().isEmpty {
            findings.diagnostics.append(.error(path, "the page has no <title>"))
        }
        if page.description?.trimmingWhitespace().isEmpty ?? true {
            findings.diagnostics.append(.warning(path, "the page has no description (<meta name=\"description\">)"))
        }
        return findings
    }

    private func problem(with link: String, on path: String, pages: [String: Page], paths: Set<String>,
                         findings: inout Findings) -> String? {
        let (target, fragment) = split(link)
        var file: String
        if target.isEmpty {
            file = path  // `#fragment` on the same page
        } else if target.hasPrefix(basePath) {
            let inner = String(target.dropFirst(basePath.count)).removingPercentEncodingSafely()
            file = inner.isEmpty || inner.hasSuffix("/") ? inner + "index.html" : inner
        } else {
            return nil  // external, or relative to the page (the Markdown step resolves those)
        }
        findings.lookedUp.insert(file)
        if !paths.contains(file) {
            findings.lookedUp.insert(file + "/index.html")
            guard paths.contains(file + "/index.html") else { return "link to '\(link)': there is no page or file at \(target)" }
            file += "/index.html"
        }
        if file != path { findings.linkedTo.insert(file) }
        if let fragment, !fragment.isEmpty, let page = pages[file], page.ids[fragment] == nil {
            return "link to '\(link)': \(target.isEmpty ? "this page" : target) has no element with id '\(fragment)'"
        }
        return nil
    }

    private func split(_ link: String) -> (String, String?) {
        guard let hash = link.firstIndex(of: "#") else { return (link, nil) }
        return (String(link[..<hash]), String(link[link.index(after: hash)...]).removingPercentEncodingSafely())
    }

    /// Reads ids, link targets, the title and the description out of generated HTML. The generator
    /// writes every attribute in double quotes and escapes quotes in text, so a plain scan is exact.
    func scan(_ html: String) -> Page {
        var page = Page()
        let bytes = Array(html.utf8)
        var i = 0
        func value(after start: Int) -> (String, Int)? {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return (unescape(String(decoding: bytes[start..<end], as: UTF8.self)), end + 1)
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\n") else { i += 1; continue }
            if matches(bytes, i + 1, "id=\""), let (v, next) = value(after: i + 5) {
                page.ids[v, default: 0] += 1
                i = next
            } else if matches(bytes, i + 1, "href=\""), let (v, next) = value(after: i + 7) {
                page.links.append(v)
                i = next
            } else if matches(bytes, i + 1, "src=\""), let (v, next) = value(after: i + 6) {
                page.links.append(v)
                i = next
            } else {
                i += 1
            }
        }
        if let open = html.utf8Offset(of: "<title>"), let close = html.utf8Offset(of: "</title>", from: open) {
            page.title = String(decoding: bytes[(open + 7)..<close], as: UTF8.self)
        }
        let meta = "<meta name=\"description\" content=\""
        if let at = html.utf8Offset(of: meta), let (value, _) = value(after: at + meta.utf8.count) {
            page.description = value
        }
        return page
    }

    private func matches(_ bytes: [UInt8], _ at: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for k in 0..<count where bytes[at + k] != pattern[k] { return false }
            return true
        }
    }

    private func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

import Foundation
