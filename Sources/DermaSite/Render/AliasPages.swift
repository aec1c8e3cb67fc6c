/// The pages at an article's old addresses: each sends the reader on at once (a refresh, with a
/// plain link for browsers that do not follow it) and tells search engines where the page is now,
/// so a renamed slug never breaks a link printed in a leaflet. Plus `_redirects`, for hosts that
/// answer with a real 301 instead.
enum AliasPages {
    struct Alias: Equatable, Sendable {
        var sitePath: String
        var target: String
        var title: String
    }

    static func aliases(of articles: [Article]) -> [Alias] {
        articles.flatMap { article in
            article.meta.aliases.compactMap(SiteLayout.aliasPath).map { Alias(sitePath: $0, target: article.urlPath, title: article.meta.title) }
        }
    }

    static func render(_ aliases: [Alias], site: Site) -> [OutputFile] {
        guard !aliases.isEmpty else { return [] }
        let base = site.config.baseURL
        // Most browsers move on at once; one that does not still shows where to get urgent help.
        let emergency = site.config.emergency.map {
            "\n<p>In an emergency, call \(Escape.html($0.call)) or go to \(Escape.html($0.goTo)).</p>"
        } ?? ""
        var files = aliases.map { alias -> OutputFile in
            let target = Escape.html(base.sitePath(alias.target))
            let title = Escape.html(alias.title)
            let html = """
            <!doctype html>
            <html lang="\(Escape.html(site.config.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>This page has moved | \(Escape.html(site.config.title))</title>
            <meta name="description" content="This page has moved to \(title).">
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(Escape.html(base.absolute(alias.target)))">
            <meta http-equiv="refresh" content="0; url=\(target)">
            </head>
            <body>
            <main>
            <h1>This page has moved</h1>
            <p>It is now at <a href="\(target)">\(title)</a>.</p>\(emergency)
            </main>
            </body>
            </html>

            """
            return OutputFile(path: SiteLayout.file(for: alias.sitePath), text: html)
        }
        let lines = aliases.map { "\(base.sitePath($0.sitePath)) \(base.sitePath($0.target)) 301" }.sorted()
        files.append(OutputFile(path: SiteLayout.redirects, text: lines.joined(separator: "\n") + "\n"))
        return files
    }
}
