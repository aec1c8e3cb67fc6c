/// The emergency care card. Its heading words say how urgent it is, so colour is never the only cue.
public enum RedFlagsCard {
    public static func html(_ flags: RedFlags, id: String = "red-flags") -> String {
        var html = "<section class=\"care-card care-card--emergency\" aria-labelledby=\"\(id)-title\">\n"
        html += "<h2 class=\"care-card__heading\" id=\"\(id)-title\"><span class=\"care-card__tag\">Emergency</span> \(Escape.html(flags.title))</h2>\n"
        html += "<div class=\"care-card__body\">\n<p>\(Escape.html(flags.intro))</p>\n<ul>\n"
        for sign in flags.signs { html += "<li>\(Escape.html(sign))</li>\n" }
        html += "</ul>\n<p><strong>\(Escape.html(flags.advice))</strong></p>\n<p>\(Escape.html(flags.why))</p>\n</div>\n</section>\n"
        return html
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
