@testable import DermaSite
import Testing

/// `check --external` asks about the addresses collected where they are written: links in the
/// Markdown syntax tree and the sources' URLs and DOIs.
@Suite struct ExternalLinksTests {
    @Test func linksAndSourcesAreCollectedAtTheirLines() throws {
        let site = try FixtureSite([
            "Content/site.yml": FixtureSite.config,
            "Content/articles/a.md": FixtureSite.article(title: "A", extra: """
            sources:
              - {title: "A paper", year: 2013, doi: "10.1097/BRS.0b013e318286b7dd"}

            """, body: "See [the NHS](https://www.nhs.uk/conditions/sciatica/) and [here](/articles/).\n\n<https://example.org/auto>\n"),
        ])
        var options = BuildOptions(root: site.root)
        options.collectExternalLinks = true
        let (_, report) = try SiteBuilder().render(options)
        let found = report.externalLinks.map { "\($0.file):\($0.line):\($0.column) \($0.url)\($0.isDOI ? " (DOI)" : "")" }
        #expect(found == [
            "Content/articles/a.md:9:5 https://www.nhs.uk/conditions/sciatica/",
            "Content/articles/a.md:11:1 https://example.org/auto",
            "Content/articles/a.md:6:5 https://doi.org/10.1097/BRS.0b013e318286b7dd (DOI)",
        ], "\(found)")
        var plain = BuildOptions(root: site.root)
        plain.collectExternalLinks = false
        #expect(try SiteBuilder().render(plain).report.externalLinks.isEmpty, "a build never collects them")
    }
}
