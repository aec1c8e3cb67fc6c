/// The emergency care card, and after it a card for each other emergency. Heading words say how
/// urgent each is, so colour is never the only cue. `data-search-ignore`: the card repeats on
/// many pages, so site search leaves it out.
public enum RedFlagsCard {
    public static func html(_ flags: RedFlags, id: String = "red-flags") -> String {
        var html = "<section class=\"care-card care-card--emergency\" aria-labelledby=\"\(id)-title\" data-search-ignore>\n"
        html += "<h2 class=\"care-card__heading\" id=\"\(id)-title\"><span class=\"care-card__tag\">Emergency</span> \(Escape.html(flags.title))</h2>\n"
        html += "<div class=\"care-card__body\">\n<p>\(Escape.html(flags.intro))</p>\n<ul>\n"
        for sign in flags.signs { html += "<li>\(Escape.html(sign))</li>\n" }
        html += "</ul>\n<p><strong>\(Escape.html(flags.advice))</strong></p>\n<p>\(Escape.html(flags.why))</p>\n"
        html += sourceList(flags.sources)
        html += "</div>\n</section>\n"
        for (index, other) in flags.others.enumerated() {
            html += CareCard.html(level: other.level, heading: other.name, lines: [other.text], id: "\(id)-other-\(index + 1)",
                                  searchIgnore: true)
        }
        return html
    }

    /// Where the advice comes from, folded away (it opens without JavaScript).
    static func sourceList(_ sources: [Source]) -> String {
        guard !sources.isEmpty else { return "" }
        var html = "<details class=\"care-card__sources\">\n<summary>Where this advice comes from</summary>\n<ul>\n"
        for source in sources {
            let title = Escape.html(source.title)
            let named = source.link.map { "<a href=\"\(Escape.html($0))\">\(title)</a>" } ?? title
            html += "<li>\(named)\(source.publisher.map { ". " + Escape.html($0) } ?? "")</li>\n"
        }
        return html + "</ul>\n</details>\n"
    }

    /// The `red-flags` directive: the card, where the author puts it. It takes no options.
    public static func handler(_ flags: RedFlags?) -> DirectiveHandler {
        { directive in
            guard let flags else {
                return DirectiveOutput(html: "", diagnostics: [directive.error(nil, "'red-flags' needs \(GuidanceLoader.redFlagsPath)")])
            }
            let problems = directive.options.map { directive.error($0, "'red-flags' takes no options") }
            return DirectiveOutput(html: html(flags, id: "red-flags-\(directive.index)"), diagnostics: problems)
        }
    }
}

/// A care card at one of three levels, as NHS pages use them. In an article:
///
///     ```care-card urgent
///     Ask for an urgent GP appointment if your foot starts to drop.
///     - a line starting with "- " is a list item
///     ```
public enum CareCard {
    static func html(level: CareLevel, heading: String?, lines: [String], id: String, searchIgnore: Bool = false) -> String {
        let title = heading.map { "<span class=\"care-card__tag\">\(level.tag)</span> \(Escape.html($0))" }
            ?? "<span class=\"care-card__tag\">\(level.heading)</span>"
        var html = "<section class=\"care-card care-card--\(level.rawValue)\" aria-labelledby=\"\(id)-title\"\(searchIgnore ? " data-search-ignore" : "")>\n"
        html += "<p class=\"care-card__heading\" id=\"\(id)-title\">\(title)</p>\n<div class=\"care-card__body\">\n"
        return html + plainLines(lines) + "</div>\n</section>\n"
    }

    /// Plain lines as paragraphs, and lines starting "- " as a list: the body of cards and callouts.
    static func plainLines(_ lines: [String]) -> String {
        var html = "", inList = false
        for line in lines {
            let isItem = line.hasPrefix("- ")
            if isItem != inList { html += isItem ? "<ul>\n" : "</ul>\n" }
            inList = isItem
            html += isItem ? "<li>\(Escape.html(String(line.dropFirst(2))))</li>\n" : "<p>\(Escape.html(line))</p>\n"
        }
        return inList ? html + "</ul>\n" : html
    }

    static let needsEmergency = "this care card uses {call}, {go_to} or {urgent_line}: set them under 'emergency:' in \(SiteConfigLoader.path)"

    /// The `care-card` directive; its level follows the name: ```` ```care-card urgent ````.
    /// Its lines are plain text (numbers may be `{call}` and the other site.yml placeholders).
    public static func handler(emergency: EmergencySettings?) -> DirectiveHandler {
        { directive in
            guard let level = directive.argument.flatMap(CareLevel.init(rawValue:)) else {
                return DirectiveOutput(html: "", diagnostics: [directive.error(nil,
                    "write the card's level after its name: care-card emergency, care-card urgent or care-card non-urgent")])
            }
            let lines = directive.body.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !lines.isEmpty else {
                return DirectiveOutput(html: "", diagnostics: [directive.error(nil, "this care card is empty: write what the reader should do")])
            }
            if emergency == nil, lines.contains(where: { line in EmergencySettings.placeholders.contains { line.contains($0) } }) {
                return DirectiveOutput(html: "", diagnostics: [directive.error(nil,
                    Self.needsEmergency)])
            }
            let filled = lines.map { emergency?.fill($0) ?? $0 }
            return DirectiveOutput(html: html(level: level, heading: nil, lines: filled, id: "care-card-\(directive.index)"))
        }
    }
}
