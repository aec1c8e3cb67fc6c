/// Rewrites the links an author writes into links that work on the published site.
///
/// - `/articles/x/` (site-absolute) gets the base path: `/legs/articles/x/`.
/// - `other.md` or `../articles/other.md#part` (a source file) becomes that article's page URL.
/// - `../other/` (relative to the page's own address) becomes a site-absolute link to that page.
/// - `images/map.png` (relative to the Markdown file) becomes the copied file's site path.
/// - Anything with a scheme (`https:`, `mailto:`) or only a `#fragment` is left alone.
public struct LinkResolver: Sendable {
    public var baseURL: BaseURL
    /// Article source path (relative to the site root) to its page's site path (`articles/x/`).
    public var pages: [String: String]
    /// Site-root-relative paths of the files copied from Content/ (`Content/images/a.png`).
    public var files: Set<String>
    /// Site paths of every generated page (`articles/x/`, `dermatomes/l4/`), to check links to them.
    public var sitePages: Set<String>

    /// Source paths of drafts left out of this build.
    public var drafts: Set<String>

    public init(baseURL: BaseURL, pages: [String: String], files: Set<String>, sitePages: Set<String> = [],
                drafts: Set<String> = []) {
        self.drafts = drafts
        self.baseURL = baseURL
        self.pages = pages
        self.files = files
        self.sitePages = sitePages.union(pages.values)
    }

    public enum Outcome: Equatable {
        case unchanged
        case rewritten(String)
        case broken(String)
        /// A link that must never be on a page (`javascript:`), whatever the options.
        case unsafe(String)
    }

    /// The file of Content/ a link or image points at (`images/leg.jpg`, below Content/), if any.
    public func contentFile(_ url: String, from sourcePath: String) -> String? {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || hasScheme(url) { return nil }
        let decoded = splitSuffix(url).0.removingPercentEncodingSafely()
        let target = decoded.hasPrefix("/") ? ContentLoader.contentFolder + decoded
            : FilePath.normalize(FilePath.join(FilePath.directory(of: sourcePath), decoded))
        guard let target, files.contains(target) else { return nil }
        return String(target.dropFirst(ContentLoader.contentFolder.count + 1))
    }

    /// `pagePath` is the site path of the page the link is on (`articles/x/`).
    public func resolve(_ url: String, from sourcePath: String, pagePath: String = "") -> Outcome {
        let scheme = scheme(of: url)
        if let scheme, ["javascript", "vbscript", "data", "file"].contains(scheme.lowercased()) {
            return .unsafe("link to '\(url.prefix(40))': \(scheme): links are not allowed on this site")
        }
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || scheme != nil { return .unchanged }
        let (path, suffix) = splitSuffix(url)
        let decoded = path.removingPercentEncodingSafely()
        if url.hasPrefix("/") {
            let target = String(decoded.dropFirst())
            if target.isEmpty || target.hasSuffix("/"), !sitePages.contains(target) {
                let hint = Suggestion.closestPath(to: target, in: sitePages).map { "; did you mean /\($0)?" } ?? ""
                return .broken("link to '\(url)': the site has no page at /\(target)\(hint)")
            }
            return .rewritten(baseURL.sitePath(path) + suffix)
        }
        if decoded.hasSuffix("/") || decoded == "." || decoded == ".." {
            let pageFolder = pagePath.hasSuffix("/") ? String(pagePath.dropLast()) : FilePath.directory(of: pagePath)
            guard let target = FilePath.normalize(FilePath.join(pageFolder, decoded)).map({ $0.isEmpty ? "" : $0 + "/" }),
                  sitePages.contains(target) else {
                return .broken("link to '\(url)': the site has no page there (links ending in / are relative to this page's address, /\(pagePath))")
            }
            return .rewritten(baseURL.sitePath(target) + suffix)
        }
        guard let target = FilePath.normalize(FilePath.join(FilePath.directory(of: sourcePath), decoded)),
              target.hasPrefix(ContentLoader.contentFolder + "/") else {
            return .broken("link '\(url)' points outside Content/")
        }
        if decoded.hasSuffix(".md") {
            guard let page = pages[target] else {
                if drafts.contains(target) {
                    return .broken("link to '\(url)': \(target) is a draft, so it is not published; set 'draft: false' in it, or build with --drafts")
                }
                let hint = Suggestion.closestPath(to: target, in: Set(pages.keys)).map { "; did you mean \($0)?" } ?? ""
                return .broken("link to '\(url)': there is no published article at \(target)\(hint)")
            }
            return .rewritten(baseURL.sitePath(page) + suffix)
        }
        guard files.contains(target) else {
            return .broken("link to '\(url)': there is no file at \(target)")
        }
        let sitePath = String(target.dropFirst(ContentLoader.contentFolder.count + 1))
        return .rewritten(baseURL.sitePath(sitePath) + suffix)
    }

    private func hasScheme(_ url: String) -> Bool { scheme(of: url) != nil }

    private func scheme(of url: String) -> String? {
        // Without a colon there is no scheme: most links are known so, without reading Characters.
        guard url.utf8.contains(UInt8(ascii: ":")) else { return nil }
        let trimmed = url.trimmingWhitespace()
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let scheme = trimmed[..<colon]
        let valid = !scheme.isEmpty && scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
        return valid ? String(scheme) : nil
    }

    private func splitSuffix(_ url: String) -> (String, String) {
        // In ASCII each byte is a Character: the cut is found on the bytes.
        let utf8 = url.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard let cut = utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else { return (url, "") }
            return (String(url[..<cut]), String(url[cut...]))
        }
        guard let cut = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<cut]), String(url[cut...]))
    }
}

extension String {
    func removingPercentEncodingSafely() -> String {
        // On bytes: Foundation's `contains` of a String was 1 % of a large build's link check.
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let h = iterator.next(), let l = iterator.next(),
               let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
