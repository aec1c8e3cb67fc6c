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

    static let noDescription = "the page has no description (<meta name=\"description\">)"

    /// Where a link to another page leads, the same from every page: worked out once per worker
    /// (LinkMemo), as most links (the menu's, the footer's) are on every page.
    struct Resolution {
        /// Output paths looked for, found or not.
        var lookedUp: [String]
        /// The file it leads to, when there is one.
        var file: String?
        var problem: String?
    }

    typealias LinkMemo = [String: Resolution]

    func findings(on path: String, page: Page, markdownLinks: [LinkRecord], pages: [String: Page],
                  paths: Set<String>) -> Findings {
        var memo = LinkMemo()
        return findings(on: path, page: page, markdownLinks: markdownLinks, pages: pages, paths: paths, memo: &memo)
    }

    /// `recordsLookups` off leaves `lookedUp` empty: only a check that a rebuild follows needs it.
    func findings(on path: String, page: Page, markdownLinks: [LinkRecord], pages: [String: Page],
                  paths: Set<String>, memo: inout LinkMemo, recordsLookups: Bool = true) -> Findings {
        var findings = Findings()
        var fromMarkdown: [String: [LinkRecord]] = [:]
        for record in markdownLinks { fromMarkdown[record.url, default: []].append(record) }
        var used: [String: Int] = [:]  // how many of each URL's Markdown records are matched
        for link in page.links {
            let problem = self.problem(with: link, on: path, pages: pages, paths: paths, findings: &findings, memo: &memo,
                                       recordsLookups: recordsLookups)
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
            findings.diagnostics.append(.warning(path, Self.noDescription))
        }
        return findings
    }

    private func problem(with link: String, on path: String, pages: [String: Page], paths: Set<String>,
                         findings: inout Findings, memo: inout LinkMemo, recordsLookups: Bool) -> String? {
        let resolution: Resolution
        if link.isEmpty || link.utf8.first == UInt8(ascii: "#") {
            // `#fragment` (or nothing) on the same page: what it leads to depends on the page.
            resolution = resolve(link, on: path, pages: pages, paths: paths)
        } else if let known = memo[link] {
            resolution = known
        } else {
            resolution = resolve(link, on: path, pages: pages, paths: paths)
            memo[link] = resolution
        }
        if recordsLookups { for file in resolution.lookedUp { findings.lookedUp.insert(file) } }
        if let file = resolution.file, file != path { findings.linkedTo.insert(file) }
        return resolution.problem
    }

    /// What a link leads to; the same from every page unless it is empty or starts with `#`.
    private func resolve(_ link: String, on path: String, pages: [String: Page], paths: Set<String>) -> Resolution {
        let (target, fragment) = split(link)
        var file: String
        if target.isEmpty {
            file = path  // `#fragment` on the same page
        } else if target.hasPrefix(basePath) {
            let inner = String(target.dropFirst(basePath.count)).removingPercentEncodingSafely()
            file = inner.isEmpty || inner.hasSuffix("/") ? inner + "index.html" : inner
        } else {
            return Resolution(lookedUp: [])  // external, or relative to the page (the Markdown step resolves those)
        }
        var resolution = Resolution(lookedUp: [file])
        if !paths.contains(file) {
            resolution.lookedUp.append(file + "/index.html")
            guard paths.contains(file + "/index.html") else {
                resolution.problem = "link to '\(link)': there is no page or file at \(target)"
                return resolution
            }
            file += "/index.html"
        }
        resolution.file = file
        if let fragment, !fragment.isEmpty, let page = pages[file], page.ids[fragment] == nil {
            // Sorted, so the suggestion is the same on every build.
            let hint = Suggestion.closest(to: fragment, in: page.ids.keys.sorted()).map { "; did you mean #\($0)?" } ?? ""
            resolution.problem = "link to '\(link)': \(target.isEmpty ? "this page" : target) has no element with id '\(fragment)'\(hint)"
        }
        return resolution
    }

    private func split(_ link: String) -> (String, String?) {
        guard let hash = link.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (link, nil) }
        return (String(link[..<hash]), String(link[link.index(after: hash)...]).removingPercentEncodingSafely())
    }

    /// Reads ids, link targets, the title and the description out of a page. Attributes are read
    /// inside tags only, in any quoting (double, single or none, as raw HTML may have them);
    /// comments and the text of scripts and styles are skipped.
    func scan(_ html: String) -> Page { scan(bytes: Array(html.utf8)) }

    /// The same, on a page's bytes as the build made them (valid UTF-8: they are made from text).
    func scan(bytes: [UInt8]) -> Page {
        bytes.withUnsafeBufferPointer(scan(buffer:))
    }

    /// Read in place: pages are mostly map markup whose long path data the check skips, a run
    /// at a time (memchr), to the next `<` or the quote that ends a value.
    private func scan(buffer bytes: UnsafeBufferPointer<UInt8>) -> Page {
        var page = Page()
        var i = 0
        let count = bytes.count
        // The document's <title> is in its head: the titles inside a page's maps name drawings.
        var inBody = false
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
        while i < count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < count else {
                i = bytes.index(of: UInt8(ascii: "<"), from: i + 1)
                continue
            }
            if Self.matches(bytes, i + 1, "!--") {
                i = bytes.index(of: Self.commentClose, from: i + 4).map { $0 + 3 } ?? count
                continue
            }
            let first = lower(bytes[i + 1])
            guard first >= 0x61 && first <= 0x7A else { i += 1; continue }
            // The tag name. Names are compared as bytes, and only the values read become text.
            var j = i + 1
            while j < count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            let nameStart = i + 1, nameEnd = j
            let isMeta = Self.isWord(bytes, nameStart, nameEnd, "meta")
            if !inBody, Self.isWord(bytes, nameStart, nameEnd, "body") { inBody = true }
            // Its attributes, up to the closing >.
            var isDescription = false
            var content: String?
            while j < count, bytes[j] != UInt8(ascii: ">") {
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1; continue }
                let start = j
                while j < count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">") { j += 1 }
                let attribute = Self.attribute(bytes, start, j, inMeta: isMeta)
                while j < count, isSpace(bytes[j]) { j += 1 }
                guard j < count, bytes[j] == UInt8(ascii: "=") else { continue }
                j += 1
                while j < count, isSpace(bytes[j]) { j += 1 }
                guard j < count else { break }
                let valueStart: Int, valueEnd: Int
                if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                    valueStart = j + 1
                    valueEnd = bytes.index(of: bytes[j], from: j + 1)
                    j = min(valueEnd + 1, count)
                } else {
                    valueStart = j
                    while j < count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                    valueEnd = j
                }
                guard let attribute else { continue }
                // Most values have no reference: the `&` is looked for in the bytes, not the String.
                let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                let hasReference = bytes.index(of: UInt8(ascii: "&"), from: valueStart) < valueEnd
                let value = hasReference ? unescape(written) : written
                switch attribute {
                case .id: page.ids[value, default: 0] += 1
                case .link: page.links.append(value)
                case .metaName: isDescription = value.lowercased() == "description"
                case .metaContent: content = value
                }
            }
            if isDescription, page.description == nil { page.description = content ?? "" }
            i = j + 1
            if Self.isWord(bytes, nameStart, nameEnd, "title"), let close = bytes.index(of: Self.titleClose, from: i) {
                if !inBody { page.title = unescape(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<close]), as: UTF8.self)) }
                i = close
            } else if Self.isWord(bytes, nameStart, nameEnd, "script") {
                i = bytes.index(of: Self.scriptClose, from: i) ?? count
            } else if Self.isWord(bytes, nameStart, nameEnd, "style") {
                i = bytes.index(of: Self.styleClose, from: i) ?? count
            }
        }
        return page
    }

    private static let commentClose = Array("-->".utf8), titleClose = Array("</title>".utf8)
    private static let scriptClose = Array("</script".utf8), styleClose = Array("</style".utf8)

    /// The attributes the check reads.
    private enum Attribute { case id, link, metaName, metaContent }

    private static func attribute(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, inMeta: Bool) -> Attribute? {
        if isWord(bytes, start, end, "id") { return .id }
        if isWord(bytes, start, end, "href") || isWord(bytes, start, end, "src") { return .link }
        if inMeta, isWord(bytes, start, end, "name") { return .metaName }
        if inMeta, isWord(bytes, start, end, "content") { return .metaContent }
        return nil
    }

    /// Whether `bytes[start..<end]`, in lower case, is `word`.
    private static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard end - start == length else { return false }
        return word.withUTF8Buffer { letters in
            for k in 0..<length {
                let b = bytes[start + k]
                if (b >= 0x41 && b <= 0x5A ? b + 32 : b) != letters[k] { return false }
            }
            return true
        }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for k in 0..<count where bytes[at + k] != pattern[k] { return false }
            return true
        }
    }

    private func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'")
            .replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
            .replacingAll("&amp;", with: "&")
    }
}

import Foundation
