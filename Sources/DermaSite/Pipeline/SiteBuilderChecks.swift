/// What the build asks before and between its steps: is there a site here, do the errors stop
/// rendering, and which links do site.yml and the data set write into pages.
extension SiteBuilder {
    /// Links site.yml and the data set write into pages, by published address, with where they are written.
    static func writtenLinks(_ site: Site) -> [String: LinkIndex.WrittenLink] {
        var links: [String: LinkIndex.WrittenLink] = [:]
        func add(_ url: String, _ position: SourcePosition?, _ origin: String) {
            guard url.hasPrefix("/"), let position else { return }
            let published = site.config.baseURL.sitePath(String(url.dropFirst()))
            links[published] = links[published] ?? LinkIndex.WrittenLink(position: position, origin: origin)
        }
        for item in site.config.menu + site.config.footer.links { add(item.url, item.position, "in the menu or footer") }
        for entry in (site.atlas?.roots.flatMap(\.seeAlso) ?? []) + (site.atlas?.places.flatMap(\.seeAlso) ?? []) {
            add(entry.link, entry.position, "in see_also")
        }
        return links
    }

    /// Run from the wrong folder, every later step would report its own missing file: one error instead.
    public func noSite(_ root: String) -> Diagnostic? {
        guard !fileSystem.isDirectory(FilePath.join(root, ContentLoader.contentFolder)),
              !fileSystem.isDirectory(FilePath.join(root, TemplateLoader.folder)) else { return nil }
        return .error(ContentLoader.contentFolder,
            "no site here: \(root) has no Content/ or Templates/ folder; run dermasite in the site's folder, name it with --root, or start one with 'dermasite new site FOLDER'")
    }

    /// Errors stop the build before pages are made, except broken links found in the Markdown:
    /// the pages are still made and checked, so one run reports every broken link and anchor.
    static func stopsRendering(_ diagnostics: [Diagnostic], _ rendered: [RenderedMarkdown]) -> Bool {
        guard diagnostics.hasErrors else { return false }
        var reported = Set<String>()
        for markdown in rendered {
            for link in markdown.links where link.reported { reported.insert("\(link.file):\(link.line):\(link.column)") }
        }
        return diagnostics.contains { $0.severity == .error && !reported.contains("\($0.file):\($0.line):\($0.column)") }
    }
}
