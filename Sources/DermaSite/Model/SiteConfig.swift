/// Content/site.yml, validated.
public struct SiteConfig: Sendable, Equatable {
    public struct MenuItem: Sendable, Equatable {
        public var title: String
        /// Site path such as `/articles/`, or an absolute URL.
        public var url: String

        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public var title: String
    public var description: String
    public var baseURL: BaseURL
    public var language: String
    public var publisher: String
    /// Raw HTML in Markdown is dropped unless this is set.
    public var allowRawHTML: Bool
    public var menu: [MenuItem]
    /// Pages scoring above this Flesch–Kincaid grade get a warning.
    public var readingGradeTarget: Double = 8

    public static let defaultMenu = [MenuItem(title: "Home", url: "/"), MenuItem(title: "Articles", url: "/articles/")]

    public init(title: String, description: String = "", baseURL: BaseURL, language: String = "en",
                publisher: String = "", allowRawHTML: Bool = false, menu: [MenuItem] = SiteConfig.defaultMenu) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.publisher = publisher
        self.allowRawHTML = allowRawHTML
        self.menu = menu
    }
}

/// The address the site is published at, e.g. `https://example.org/legs/`.
/// Every internal link is written from `path`, so a site served from a sub-path works.
public struct BaseURL: Sendable, Equatable, CustomStringConvertible {
    /// `https://example.org` (no trailing slash)
    public let origin: String
    /// `/legs/`: always starts and ends with a slash.
    public let path: String

    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        // Written into robots.txt, the sitemap and every link: no spaces or control characters.
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let scheme: String
        if trimmed.lowercased().hasPrefix("https://") {
            scheme = "https://"
        } else if trimmed.lowercased().hasPrefix("http://") {
            scheme = "http://"
        } else {
            return nil
        }
        let rest = trimmed.dropFirst(scheme.count)
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let host = rest[..<hostEnd]
        let allowedHost = host.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "-.:[]".unicodeScalars.contains($0)
        }
        guard !host.isEmpty, allowedHost else { return nil }
        var path = String(rest[hostEnd...])
        guard !path.contains("?"), !path.contains("#"), !path.contains("\""), !path.contains("<"),
              !path.contains(" ") else { return nil }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        origin = scheme + host.lowercased()
        self.path = path
    }

    public var description: String { origin + path }

    /// `/legs/articles/x/` from `articles/x/` or `/articles/x/`.
    public func sitePath(_ relative: String) -> String {
        path + (relative.hasPrefix("/") ? String(relative.dropFirst()) : relative)
    }

    /// `https://example.org/legs/articles/x/`
    public func absolute(_ relative: String) -> String { origin + sitePath(relative) }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
