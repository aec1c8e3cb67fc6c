/// Content/site.yml, validated.
public struct SiteConfig: Sendable, Equatable {
    public struct MenuItem: Sendable, Equatable {
        public var title: String
        /// Site path such as `/articles/`, or an absolute URL.
        public var url: String
        /// Where site.yml gives it, so a broken link is reported there.
        public var position: SourcePosition?

        public init(title: String, url: String, position: SourcePosition? = nil) {
            self.title = title
            self.url = url
            self.position = position
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
    /// How many articles a list page shows; longer lists go on to `page/2/` and so on.
    public var articlesPerPage = SiteConfig.defaultArticlesPerPage
    public var externalLinks = ExternalLinkSettings()
    public static let defaultArticlesPerPage = 20
    /// Where readers go in an emergency; nil when the site has not said.
    public var emergency: EmergencySettings?
    public var health = HealthSettings()
    public var footer = FooterSettings()
    public var theme = ThemeSettings()

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

/// The numbers and services of the site's country: the emergency box and the red-flags card use
/// these, so a site for another country changes them in one place.
public struct EmergencySettings: Sendable, Equatable {
    /// What to call: `999`, `911`, `112`.
    public var call: String
    /// Where to go: `A&E`, `the emergency room`.
    public var goTo: String
    /// The urgent, non-emergency advice line (`NHS 111`), if the country has one.
    public var urgentLine: String?
    /// The site page with every warning sign, such as `/articles/when-to-get-urgent-help/`.
    public var helpPage: String?

    public init(call: String, goTo: String, urgentLine: String? = nil, helpPage: String? = nil) {
        self.call = call
        self.goTo = goTo
        self.urgentLine = urgentLine
        self.helpPage = helpPage
    }

    /// `{call}` and the other placeholders data files may use instead of a number or a service.
    /// Every page shows the red flags, so this runs thousands of times a build: on bytes, not
    /// through Foundation (4 % of a cold build of the bundled site), in the same order.
    public func fill(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        return text.replacingAll("{call}", with: call)
            .replacingAll("{go_to}", with: goTo)
            .replacingAll("{urgent_line}", with: urgentLine ?? "your doctor's urgent advice line")
    }

    public static let placeholders = ["{call}", "{go_to}", "{urgent_line}"]
}

/// How `dermasite check --external` checks links to other sites.
public struct ExternalLinkSettings: Sendable, Equatable {
    /// Hosts never asked (a site known to refuse robots); their links are listed as not checked.
    public var skipHosts: [String] = []
    /// Statuses that count as working besides 2xx (a site that answers 403 to robots, say).
    public var acceptStatuses: [Int] = []
    /// A result stays good for this many days; after that the link is asked again.
    public var recheckAfterDays = 7
    public var timeoutSeconds = 15.0
    /// The pause between two requests to one host.
    public var delayMilliseconds = 500

    public init() {}
}

/// What health-information standards ask of every medical page besides its text.
public struct HealthSettings: Sendable, Equatable {
    /// Unreviewed, overdue or changed-since-review pages fail the build (for the published build).
    public var requireClinicalReview = false
    /// Who pays for the site and what its authors gain, in a sentence.
    public var conflictsOfInterest = ""
    /// Where a reader reports a mistake: a web address or a mailto: link.
    public var feedback = ""
    /// The licence of the map drawings, written inside each standalone chart.
    public var mapLicence = ""

    public init() {}
}

/// The site's colour, from site.yml's `theme:`: the header, the footer's line, links and the icon.
public struct ThemeSettings: Sendable, Equatable {
    /// `#RRGGBB`; nil keeps the stylesheet's own.
    public var colour: String?
    /// The header's colour in dark mode.
    public var darkColour: String?

    public init(colour: String? = nil, darkColour: String? = nil) {
        self.colour = colour
        self.darkColour = darkColour
    }
}

/// What the footer of every page says, from site.yml's `footer:` and `disclaimer:`.
public struct FooterSettings: Sendable, Equatable {
    /// Links to the site's own pages (About us, Accessibility) or elsewhere, in order.
    public var links: [SiteConfig.MenuItem] = []
    /// A line of the owner's own, after the links.
    public var text = ""
    /// Health sites say that general information does not replace a clinician's examination.
    public var disclaimer = FooterSettings.defaultDisclaimer
    public static let defaultDisclaimer =
        "This site gives general information. It does not replace advice from a doctor, nurse or physiotherapist who can examine you."

    public init() {}
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

extension Substring {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        // A slice of the scalars shares the text's bytes; rebuilding a String scalar by scalar
        // was a tenth of a 4,000-article build.
        return String(Substring(scalars[start...end]))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        // Most text starts and ends with an ASCII byte that is not white space: nothing to trim,
        // known without reading the scalars' properties.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !Self.isASCIIWhiteSpace(first), !Self.isASCIIWhiteSpace(last) {
            return self
        }
        return self[...].trimmingWhitespace()
    }

    /// Unicode's White_Space among ASCII: tab, line feed, vertical tab, form feed, carriage
    /// return and space.
    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
