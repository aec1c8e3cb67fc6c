/// The starting file `dermasite new article` writes: every front-matter field present and
/// explained, so an author who is not a programmer starts from a page that builds.
public enum ArticleScaffold {
    public static func path(for title: String, kind: Article.Kind = .article) -> String {
        let folder = kind == .page ? ContentLoader.pagesFolder : ContentLoader.articlesFolder
        return "\(folder)/\(slug(title)).md"
    }

    static func slug(_ title: String) -> String { Slug.make(title).isEmpty ? "untitled" : Slug.make(title) }

    /// A page of Content/pages (About us, Contact): not listed, so no date, order or tags.
    public static func pageText(title: String, today: Day) -> String {
        return """
        ---
        # The page's heading and the name in search results. Keep it under about 70 characters.
        title: \(quoted(title))
        # One sentence (under 160 characters) saying what the page is for.
        description: ""
        # The day of the last change that matters to a reader, written YYYY-MM-DD.
        updated: \(today.iso)
        # While true, the page is left out of the site (build with --drafts to see it).
        draft: true
        # The page's address: /<slug>/ at the top of the site. Lower-case letters, digits, hyphens.
        slug: \(slug(title))
        # Old addresses of this page, if you rename it, such as [/old-name/]: they keep working.
        aliases: []
        ---

        Write the page here in plain Markdown. Say in the first sentence what the page is for.

        ## Ask the reader's question as a heading

        Answer it in short sentences. Use "you" for the reader and "we" for the site.

        """
    }

    public static func text(title: String, today: Day) -> String {
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
        slug: \(slug(title))
        # Position in lists: lower numbers come first. Leave empty to list by date.
        order:
        # A few topics, lower case.
        tags: []
        # Old addresses of this page, if you rename it, such as [/old-name/]: they keep working.
        aliases: []
        # Site search finds this page. 'search: false' leaves it out; 'search: 2' counts its words twice.
        search: true
        # Where the facts come from. For each source, copy the example lines below without their
        # '#', keeping the spaces, and fill them in. A source needs a title, a year (or, for a web
        # page with no date, 'checked:' with the day you read it) and a url or a doi.
        sources:
        #  - title: "Sciatica"
        #    publisher: "NHS"
        #    url: "https://www.nhs.uk/conditions/sciatica/"
        #    checked: \(today.iso)
        # A clinician's review is not written here: once they have checked the page, record it
        # with 'dermasite review'. Until then the page says it has not been checked.
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
