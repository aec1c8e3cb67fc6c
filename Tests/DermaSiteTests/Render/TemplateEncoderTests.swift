@testable import DermaSite
import Testing

/// Typed values become what Mustache reads in one place; these pin its rules, and a template
/// rendered from them shows what the old dictionaries showed.
@Suite struct TemplateEncoderTests {
    struct Link: Encodable {
        var title: String
        var url: String?
    }

    struct Values: Encodable {
        var headTitle: String
        var jsonLD: String
        var count: Int
        var isDraft: Bool
        var links: [Link]
        var previous: Link?
        var summary: String?
        var description: String?
        /// Set by the type itself: wins over the flag `description` would give.
        var hasDescription: Bool
        var names: [String: String]
    }

    let sample = Values(headTitle: "A | Site", jsonLD: "{}", count: 3, isDraft: false,
                        links: [Link(title: "One", url: nil), Link(title: "Two", url: "/two/")], previous: nil,
                        summary: "", description: "Said", hasDescription: false, names: ["style_css": "/s.css", "Logo_SVG": "/l.svg"])

    @Test func namesAreSnakeCaseAndAcronymsStayWhole() {
        let cases = ["headTitle": "head_title", "jsonLD": "json_ld", "hasJsonLD": "has_json_ld", "dateISO": "date_iso",
                     "nextReviewISO": "next_review_iso", "searchIndexURL": "search_index_url", "kind": "kind", "has_x": "has_x"]
        for (name, expected) in cases { #expect(TemplateEncoder.snakeCase(name) == expected, "\(name)") }
    }

    @Test func optionalsAreAlwaysSetWithAFlag() throws {
        let values = TemplateEncoder.values(sample).mapValues(\.mustache)
        #expect(values["head_title"] as? String == "A | Site")
        #expect(values["count"] as? Int == 3)
        #expect(values["is_draft"] as? Bool == false)
        // A missing text is "" and a present but empty one is not "had" either.
        #expect(values["summary"] as? String == "")
        #expect(values["has_summary"] as? Bool == false)
        // A missing value is false, so Mustache does not look it up in the enclosing page.
        #expect(values["previous"] as? Bool == false)
        #expect(values["has_previous"] as? Bool == false)
        #expect(values["description"] as? String == "Said")
        #expect(values["has_description"] as? Bool == false, "the type's own flag wins")
        let links = try #require(values["links"] as? [Any])
        let first = try #require(links.first as? TemplateObject).values.mapValues(\.mustache)
        #expect(first["url"] as? String == "")
        #expect(first["has_url"] as? Bool == false)
        #expect((links.last as? TemplateObject)?.values["has_url"]?.mustache as? Bool == true)
        // Names made from file names are kept as they are.
        #expect((values["names"] as? [String: String])?["Logo_SVG"] == "/l.svg")
    }

    @Test func aTemplateReadsTheEncodedValues() throws {
        let text = "{{head_title}}|{{#links}}{{title}}{{#has_url}}={{url}}{{/has_url}};{{/links}}|{{#previous}}P{{/previous}}{{^has_summary}}no summary{{/has_summary}}"
        let files = TemplateSet.required.map { TemplateSource.File(name: $0, path: "\($0).mustache", text: "") }
            + [TemplateSource.File(name: "t", path: "t.mustache", text: text)]
        let set = try #require(TemplateSet.compile(TemplateSource(files: files)).0)
        #expect(set.render(.object(TemplateObject(TemplateEncoder.values(sample))), template: "t") == "A | Site|One;Two=/two/;|no summary")
    }

    /// Menus kept once encoded give what encoding each gives, past the number kept as well.
    @Test func menusEncodedOnceAreTheMenusEncoded() {
        let kept = EncodedValues<[MenuLink]>()
        let items = (0..<40).map { SiteConfig.MenuItem(title: "Item \($0)", url: "/s\($0)/") }
        for round in 0..<2 {
            for page in ["", "s3/", "s3/a/", "s39/", "elsewhere/"] + (0..<40).map({ "s\($0)/x/" }) {
                let menu = MenuLink.links(items, current: page, baseURL: BaseURL("https://example.org/sub/")!)
                #expect(kept.encoded(menu) == TemplateEncoder.box(menu), "round \(round), page \(page)")
            }
        }
    }
}
