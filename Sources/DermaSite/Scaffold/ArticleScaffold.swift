/// The starting file `dermasite new article` writes: every front-matter field present and
/// explained, so an author who is not a programmer starts from a page that builds.
public enum ArticleScaffold {
    public static func path(for title: String) -> String {
        "\(ContentLoader.articlesFolder)/\(Slug.make(title).isEmpty ? "untitled" : Slug.make(title)).md"
    }

    public static func text(title: String, today: Day) -> String {
        let nextYear = Day(year: today.year + 1, month: today.month, day: min(today.day, 28)) ?? today
        return """
        ---
        # The page's heading and the name in search results. Keep it under about 70 characters.
        title: \(quoted(title))
        # One sentence (under 160 characters) saying what the reader will learn. Shown on the home page.
        description: ""
        # The day the article was first published, written YYYY-MM-DD.
        date: \(today.iso)
        # The day of the last change that matters to a reader.
        updated: \(today.iso)
        # While true, the article is left out of the site (build with --drafts to see it).
        draft: true
        # The last part of the page's address: /articles/<slug>/. Lower-case letters, digits, hyphens.
        slug: \(Slug.make(title).isEmpty ? "untitled" : Slug.make(title))
        # Position in lists: lower numbers come first. Leave empty to list by date.
        order:
        # A few topics, lower case.
        tags: []
        # The day a clinician last checked the page, and when it must be checked again.
        reviewed:
        next_review: \(nextYear.iso)
        # Who checked it, e.g. "Dr A Example, consultant neurologist".
        reviewer: ""
        # Where the facts come from. For each source, copy the five example lines below
        # without their '#', keeping the spaces, and fill them in.
        sources:
        #  - title: "Sciatica"
        #    authors: ""
        #    publisher: "NHS"
        #    year: 2024
        #    url: "https://www.nhs.uk/conditions/sciatica/"
        ---

        Write the article here in plain Markdown. Start with a short paragraph that says what the
        page is about and who it is for.

        ## Ask the reader's question as a heading

        Answer it in short sentences. Use "you" for the reader.

        """
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
