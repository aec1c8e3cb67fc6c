/// What every page is given besides its own values: `site`, `assets`, `menu` and `footer`.
struct SiteValues: Equatable, Encodable, Sendable {
    var title: String
    var description: String
    var hasDescription: Bool
    var language: String
    var ogLocale: String
    var publisher: String
    var hasPublisher: Bool
    var homeURL: String
    var articlesURL: String
    var feedURL: String
    var atlasURL: String
    var placesURL: String
    var glossaryURL: String
    var searchURL: String
    var searchIndexURL: String
    var hasGlossary: Bool
    var hasAtlas: Bool
    var conflictsOfInterest: String
    var hasConflictsOfInterest: Bool
    var feedbackURL: String
    var hasFeedbackURL: Bool
    /// What the emergency box on every page says; `has_emergency` is false without settings or red flags.
    var emergency: EmergencyBox?

    init(site: Site) {
        let config = site.config, baseURL = config.baseURL
        title = config.title
        description = config.description
        hasDescription = !config.description.isEmpty
        language = config.language
        ogLocale = config.language.replacingOccurrences(of: "-", with: "_")
        publisher = config.publisher
        hasPublisher = !config.publisher.isEmpty
        homeURL = baseURL.sitePath(SiteLayout.home)
        articlesURL = baseURL.sitePath(SiteLayout.articles)
        feedURL = baseURL.sitePath(SiteLayout.feed)
        atlasURL = baseURL.sitePath(SiteLayout.atlas)
        placesURL = baseURL.sitePath(SiteLayout.places)
        glossaryURL = baseURL.sitePath(SiteLayout.glossary)
        searchURL = baseURL.sitePath(SiteLayout.search)
        searchIndexURL = baseURL.sitePath(SearchIndex.head)
        hasGlossary = site.glossary != nil
        hasAtlas = site.atlas != nil
        conflictsOfInterest = config.health.conflictsOfInterest
        hasConflictsOfInterest = !config.health.conflictsOfInterest.isEmpty
        feedbackURL = config.health.feedback
        hasFeedbackURL = !config.health.feedback.isEmpty
        emergency = config.emergency.flatMap { settings in
            site.filledRedFlags.map { EmergencyBox(settings: settings, flags: $0, baseURL: baseURL) }
        }
    }

    struct EmergencyBox: Equatable, Encodable, Sendable {
        struct Other: Equatable, Encodable, Sendable {
            var name: String
            var text: String
        }

        var call: String
        var goTo: String
        var title: String
        var others: [Other]
        var hasOthers: Bool
        var summary: String?
        var urgentLine: String?
        var helpURL: String?
        var helpCanonical: String?

        init(settings: EmergencySettings, flags: RedFlags, baseURL: BaseURL) {
            call = settings.call
            goTo = settings.goTo
            title = flags.title
            others = flags.others.filter { $0.level == .emergency }.map { Other(name: $0.name, text: $0.text) }
            hasOthers = !others.isEmpty
            summary = flags.summary
            urgentLine = settings.urgentLine
            helpURL = settings.helpPage.map(baseURL.sitePath)
            helpCanonical = settings.helpPage.map(baseURL.absolute)
        }
    }
}

/// A link of the menu or the footer, marked when it is the page shown or the section it is in.
struct MenuLink: Equatable, Encodable, Sendable {
    var title: String
    var url: String
    var current: Bool
    var inSection: Bool

    static func links(_ items: [SiteConfig.MenuItem], current sitePath: String, baseURL: BaseURL) -> [MenuLink] {
        items.map { item in
            let isSitePath = item.url.hasPrefix("/")
            let itemPath = isSitePath ? String(item.url.dropFirst()) : item.url
            let exact = isSitePath && itemPath == sitePath
            let section = isSitePath && !itemPath.isEmpty && sitePath.hasPrefix(itemPath)
            return MenuLink(title: item.title, url: isSitePath ? baseURL.sitePath(itemPath) : item.url,
                            current: exact, inSection: section && !exact)
        }
    }
}

struct FooterValues: Equatable, Encodable, Sendable {
    var links: [MenuLink]
    var hasLinks: Bool
    var text: String
    var hasText: Bool
    var disclaimer: String

    init(_ footer: FooterSettings, current sitePath: String, baseURL: BaseURL) {
        links = MenuLink.links(footer.links, current: sitePath, baseURL: baseURL)
        hasLinks = !links.isEmpty
        text = footer.text
        hasText = !footer.text.isEmpty
        disclaimer = footer.disclaimer
    }
}
