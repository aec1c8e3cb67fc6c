/// A plain callout: a note or a tip set apart from the text, with no urgency (the care cards say
/// how urgent something is). In an article:
///
///     ```tip Before your appointment
///     Write down when the numbness started.
///     - a line starting with "- " is a list item
///     ```
public enum Callout {
    public static let names = ["note": "Note", "tip": "Tip"]

    public static func handler(_ name: String) -> DirectiveHandler {
        { directive in
            let lines = directive.body.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !lines.isEmpty else {
                return DirectiveOutput(html: "", diagnostics: [directive.error(nil, "this \(name) is empty: write its text between the fences")])
            }
            let id = "callout-\(name)-\(directive.index)"
            let tag = "<span class=\"callout__tag\">\(names[name] ?? name)</span>"
            let heading = directive.argument.map { " \(Escape.html($0))" } ?? ""
            var html = "<aside class=\"callout callout--\(name)\" aria-labelledby=\"\(id)-title\">\n"
            html += "<p class=\"callout__heading\" id=\"\(id)-title\">\(tag)\(heading)</p>\n"
            return DirectiveOutput(html: html + CareCard.plainLines(lines) + "</aside>\n")
        }
    }
}
