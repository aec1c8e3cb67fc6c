/// sitemap.xml for search engines, and the robots.txt that points at it.
enum SitemapRenderer {
    struct Entry {
        var sitePath: String
        var lastModified: Day?
    }

    static func render(site: Site, pages: [Entry]) -> OutputFile {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for entry in pages.sorted(by: { $0.sitePath < $1.sitePath }) {
            xml += "  <url><loc>\(Escape.xml(site.config.baseURL.absolute(entry.sitePath)))</loc>"
            if let day = entry.lastModified { xml += "<lastmod>\(day.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: SiteLayout.sitemap, text: xml)
    }

    static func robots(site: Site) -> OutputFile {
        OutputFile(path: "robots.txt", text: """
        User-agent: *
        Allow: /

        Sitemap: \(site.config.baseURL.absolute(SiteLayout.sitemap))

        """)
    }
}
