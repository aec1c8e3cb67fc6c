/// Reads Content/site.yml.
public enum SiteConfigLoader {
    public static let path = "Content/site.yml"
    static let knownKeys = ["title", "description", "base_url", "language", "publisher", "allow_raw_html", "menu",
                            "reading_grade_target", "emergency", "require_clinical_review", "conflicts_of_interest", "feedback",
                            "map_licence", "articles_per_page", "external_links", "footer", "disclaimer", "theme"]

    public static func load(root: String, fileSystem: FileSystem) -> (SiteConfig?, [Diagnostic]) {
        let full = FilePath.join(root, path)
        guard fileSystem.exists(full) else {
            return (nil, [.error(path, "missing site configuration; create it with at least 'title:' and 'base_url:'")])
        }
        guard let bytes = try? fileSystem.readBytes(full) else { return (nil, [.error(path, "cannot read file")]) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = ContentLoader.firstInvalidUTF8(bytes)
            return (nil, [.error(path, line: line, column: column, "not valid UTF-8 text; save the file as UTF-8")])
        }
        return parse(FrontMatterSplitter.normalizeText(text))
    }

    public static func parse(_ yaml: String) -> (SiteConfig?, [Diagnostic]) {
        var reader = YAMLReader(file: path, lineOffset: 0)
        guard let root = reader.compose(yaml) else {
            if reader.diagnostics.isEmpty { reader.report(.error, at: nil, "the file is empty; it needs 'title:' and 'base_url:'") }
            return (nil, reader.diagnostics)
        }
        var title: String?, description = "", baseURL: BaseURL?, language = "en", publisher = ""
        var allowRawHTML = false, menu = SiteConfig.defaultMenu, gradeTarget = 8.0
        var footer = FooterSettings(), theme = ThemeSettings()
        var emergency: EmergencySettings?, health = HealthSettings(), perPage = 20, externalLinks = ExternalLinkSettings()
        for (key, _, value) in reader.fields(of: root, known: knownKeys, context: "the site configuration") {
            switch key {
            case "title": title = reader.string(value, key: key)?.trimmingWhitespace()
            case "description": description = reader.string(value, key: key)?.trimmingWhitespace() ?? ""
            case "base_url":
                if let text = reader.string(value, key: key) {
                    baseURL = BaseURL(text)
                    if baseURL == nil {
                        reader.report(.error, at: value, "'base_url' must be a web address such as https://example.org/ or https://example.org/legs/")
                    }
                }
            case "language":
                if let text = reader.string(value, key: key) {
                    if isLanguageTag(text) {
                        language = text
                    } else {
                        reader.report(.error, at: value, "'language' must be a language tag such as en or en-GB")
                    }
                }
            case "publisher": publisher = reader.string(value, key: key)?.trimmingWhitespace() ?? ""
            case "allow_raw_html": allowRawHTML = reader.bool(value, key: key) ?? false
            case "menu": menu = links(value, key: "menu", reader: &reader) ?? SiteConfig.defaultMenu
            case "footer": footerSettings(value, into: &footer, reader: &reader)
            case "theme": theme = themeSettings(value, reader: &reader)
            case "disclaimer":
                // An empty disclaimer would drop advice health sites must give: refused rather than hidden.
                if let text = reader.string(value, key: key)?.trimmingWhitespace() {
                    if text.isEmpty {
                        reader.report(.error, at: value, "'disclaimer' cannot be empty: health pages must say they do not replace a clinician; leave the key out for the default wording")
                    } else {
                        footer.disclaimer = text
                    }
                }
            case "emergency": emergency = HealthSettingsDecoder.emergency(value, reader: &reader)
            case "require_clinical_review": health.requireClinicalReview = reader.bool(value, key: key) ?? false
            case "conflicts_of_interest": health.conflictsOfInterest = reader.string(value, key: key)?.trimmingWhitespace() ?? ""
            case "map_licence": health.mapLicence = reader.string(value, key: key)?.trimmingWhitespace() ?? ""
            case "feedback": health.feedback = HealthSettingsDecoder.feedback(value, reader: &reader)
            case "external_links": externalLinks = HealthSettingsDecoder.externalLinks(value, reader: &reader)
            case "articles_per_page":
                if let count = reader.number(value, key: key) {
                    if count == count.rounded(), (1...1000).contains(count) { perPage = Int(count) } else {
                        reader.report(.error, at: value, "'articles_per_page' must be a whole number from 1 to 1000, such as 20")
                    }
                }
            case "reading_grade_target":
                if let grade = reader.number(value, key: key) {
                    if (1...20).contains(grade) { gradeTarget = grade } else {
                        reader.report(.error, at: value, "'reading_grade_target' must be a school grade from 1 to 20, such as 8")
                    }
                }
            default: break
            }
        }
        if title?.isEmpty ?? true, !reader.diagnostics.contains(where: { $0.message.contains("'title'") }) {
            reader.report(.error, at: nil, "missing 'title:' (the site's name, shown on every page)")
        }
        if baseURL == nil, !reader.diagnostics.contains(where: { $0.message.contains("base_url") }) {
            reader.report(.error, at: nil, "missing 'base_url:' (the address the site is published at)")
        }
        guard let title, !title.isEmpty, let baseURL, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
        var config = SiteConfig(title: title, description: description, baseURL: baseURL, language: language,
                                publisher: publisher, allowRawHTML: allowRawHTML, menu: menu)
        config.readingGradeTarget = gradeTarget
        config.articlesPerPage = perPage
        config.externalLinks = externalLinks
        config.emergency = emergency
        config.health = health
        config.footer = footer
        config.theme = theme
        return (config, reader.diagnostics)
    }

    /// The header's white text must stay readable on the colour, and links in it on the page.
    private static func themeSettings(_ node: Yams.Node, reader: inout YAMLReader) -> ThemeSettings {
        var theme = ThemeSettings()
        for (key, _, value) in reader.fields(of: node, known: ["colour", "dark_colour"], context: "'theme'") {
            guard let text = reader.string(value, key: key)?.trimmingWhitespace() else { continue }
            guard Contrast.isHexColour(text) else {
                reader.report(.error, at: value, "'\(key)' must be a colour written #RRGGBB, such as #005eb8; found '\(text)'")
                continue
            }
            let onWhite = Contrast.ratio(text, "#ffffff") ?? 0
            if onWhite < 4.5 {
                reader.report(.error, at: value, "white text on \(text) has a contrast of \(formatted(onWhite)):1, and readers need at least 4.5:1 (WCAG AA); choose a darker colour")
                continue
            }
            if key == "colour", let onPage = Contrast.ratio(text, "#f0f4f5"), onPage < 4.5 {
                reader.report(.error, at: value, "links in \(text) on the page's background have a contrast of \(formatted(onPage)):1, and readers need at least 4.5:1 (WCAG AA); choose a darker colour")
                continue
            }
            if key == "colour" { theme.colour = text.lowercased() } else { theme.darkColour = text.lowercased() }
        }
        return theme
    }

    private static func formatted(_ ratio: Double) -> String { String(format: "%.1f", (ratio * 10).rounded(.down) / 10) }

    private static func footerSettings(_ node: Yams.Node, into footer: inout FooterSettings, reader: inout YAMLReader) {
        for (key, _, value) in reader.fields(of: node, known: ["links", "text"], context: "'footer'") {
            if key == "links" {
                footer.links = links(value, key: "footer: links", reader: &reader) ?? []
            } else {
                footer.text = reader.string(value, key: key)?.trimmingWhitespace() ?? ""
            }
        }
    }

    /// A list of `- title: ...` / `url: ...` entries (the menu, the footer's links).
    private static func links(_ node: Yams.Node, key: String, reader: inout YAMLReader) -> [SiteConfig.MenuItem]? {
        guard case let .sequence(items) = node else {
            reader.report(.error, at: node, "'\(key)' must be a list of '- title: ...' and 'url: ...' entries")
            return nil
        }
        var out: [SiteConfig.MenuItem] = []
        for item in items {
            var title: String?, url: String?
            for (field, _, value) in reader.fields(of: item, known: ["title", "url"], context: "an entry of '\(key)'") {
                if field == "title" { title = reader.string(value, key: field) } else { url = reader.string(value, key: field) }
            }
            guard let title, let url else {
                reader.report(.error, at: item, "an entry of '\(key)' needs both 'title' and 'url'")
                continue
            }
            let plain = !url.unicodeScalars.contains { $0.properties.isWhitespace || "\"'<>\\".unicodeScalars.contains($0) }
            guard plain, url.hasPrefix("/") || FrontMatterDecoder.isWebAddress(url) else {
                reader.report(.error, at: item, "a 'url' in '\(key)' must be a site path such as /articles/ or a full web address")
                continue
            }
            var urlNode: Yams.Node?
            if case let .mapping(mapping) = item { urlNode = mapping["url"] }
            out.append(.init(title: title, url: url, position: reader.position(of: urlNode ?? item)))
        }
        return out
    }

    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        } && parts[0].allSatisfy(\.isLetter)
    }
}

import Foundation
import Yams
