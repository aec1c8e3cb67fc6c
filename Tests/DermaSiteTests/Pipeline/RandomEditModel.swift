import Foundation

/// A small seeded generator (SplitMix64): the same seed gives the same edits on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// An article as fields, written out as Markdown with front matter. Edits change a field and
/// write the whole file again, so a broken article can be mended by a later edit.
struct ArticleModel {
    var file: String
    var title: String
    var date = 10
    var updated: Int?
    var tags: [String] = []
    var order: Int?
    var slug: String?
    var draft = false
    /// An old address, sometimes one that clashes with another article's alias.
    var alias: String?
    var paragraphs = ["Your skin has strips. Each strip has one nerve."]
    /// Front matter that does not parse: the build must fail the same way both times.
    var broken = false
    /// A page of Content/pages (not listed, at /<slug>/) instead of an article.
    var isPage = false
    /// `search:` in the front matter: nil (found), false (left out of search) or a weight.
    var search: String?

    var path: String { "Content/\(isPage ? "pages" : "articles")/\(file).md" }

    var text: String {
        var lines = ["---", "title: \"\(title)\"", "description: \"About \(title.lowercased()).\""]
        lines.append("date: 2026-01-\(String(format: "%02d", date))")
        if let updated { lines.append("updated: 2026-02-\(String(format: "%02d", updated))") }
        if !tags.isEmpty { lines.append("tags: [\(tags.joined(separator: ", "))]") }
        if let order { lines.append("order: \(order)") }
        if let slug { lines.append("slug: \(slug)") }
        if draft { lines.append("draft: true") }
        if let alias { lines.append("aliases: [\(alias)]") }
        if let search { lines.append("search: \(search)") }
        if broken { lines.append("tags: [unclosed") }
        lines += ["sources:", "  - {title: \"A test source\", year: 2020, url: \"https://example.org/source\"}", "---", ""]
        return (lines + paragraphs.flatMap { [$0, ""] }).joined(separator: "\n")
    }
}

/// The whole fixture site as a model, and the random edits a sequence applies to it.
struct RandomEditModel {
    var articles: [ArticleModel]
    var siteTitle = "Test Site"
    /// Small pages, so edits move articles between the pages of the lists.
    var perPage = 2
    var rootSummary = "Summary of L4."
    var placeName = "Inner shin"
    var glossaryDefinition = "A strip of skin that one nerve root supplies."
    var footerExtra = ""
    var stylesheetExtra = ""
    /// Content/data/search.yml, when there is one.
    var synonyms = ""
    private var made = 0

    static let tagPool = ["sciatica", "nerve roots", "feet", "Back Pain", "sciatica "]
    static let sentences = [
        "The nerve can get pressed. Then the skin may feel numb.",
        "See the [stable page](stable.md) for more.",
        "Read about the [heel](/where/heel/) and [L5](/dermatomes/l5/).",
        "A [word](glossary:dermatome) to know.",
        "```dermatome-map\nview: front\n```",
        "## A new part\n\nShort words help. They are easy to read.",
        "Go to [the list](/articles/) or [a tag](/tags/sciatica/).",
        "An [old address](/old-second/) still works.",
    ]

    init() {
        articles = [
            ArticleModel(file: "stable", title: "Stable page", tags: ["sciatica"]),
            ArticleModel(file: "second", title: "Second page", date: 12),
            ArticleModel(file: "third", title: "Third page", date: 14, tags: ["feet"]),
        ]
    }

    /// Every file of the site as it stands.
    var files: [String: String] {
        var files: [String: String] = [
            "Content/site.yml": FixtureSite.config.replacingOccurrences(of: "Test Site", with: siteTitle)
                + "articles_per_page: \(perPage)\n",
            "Content/data/dermatomes.yml": AtlasFixture.roots.replacingOccurrences(of: "Summary of L4.", with: rootSummary),
            "Content/data/places.yml": AtlasFixture.places.replacingOccurrences(of: "name: \"Inner shin\"", with: "name: \"\(placeName)\""),
            "Content/data/leg-map.yml": AtlasFixture.map,
            "Content/data/red-flags.yml": GuidanceTests.redFlags,
            "Content/data/glossary.yml": GuidanceTests.glossary.replacingOccurrences(
                of: "A strip of skin that one nerve root supplies.", with: glossaryDefinition),
        ]
        for article in articles { files[article.path] = article.text }
        if !synonyms.isEmpty { files["Content/data/search.yml"] = synonyms }
        return files
    }

    /// One random edit: returns what it did (for the failure message) and the files it touched.
    /// Only files are written here; `removed` lists files to delete.
    mutating func edit(_ random: inout SeededRandom) -> (what: String, changed: [String], removed: [String]) {
        let kinds = ["body", "body", "title", "date", "updated", "tags", "order", "slug", "draft", "new", "delete", "alias",
                     "break", "data", "places", "glossary", "partial", "stylesheet", "site", "page", "search", "synonyms"]
        let kind = random.pick(kinds)
        let index = random.below(articles.count)
        let editable = index > 0 || !["slug", "draft", "delete", "break", "page"].contains(kind)
        var article = articles[index]
        switch kind {
        case "body" where editable:
            if random.chance(30), article.paragraphs.count > 1 { article.paragraphs.removeLast() } else {
                article.paragraphs.append(random.pick(Self.sentences))
            }
        case "title": article.title = random.pick(["Stable page", "Numb feet", "Back pain", "Zebra page", "Another page"])
        case "date": article.date = random.below(28) + 1
        case "updated": article.updated = random.chance(25) ? nil : random.below(28) + 1
        case "tags": article.tags = Self.tagPool.filter { _ in random.chance(35) }
        case "order": article.order = random.chance(40) ? nil : random.below(3)
        case "slug" where editable: article.slug = random.chance(40) ? nil : random.pick(["moved", "second", "sensory"])
        case "draft" where editable: article.draft.toggle()
        case "alias":
            // Mostly an address of its own; now and then one another page may have too (a clash).
            article.alias = random.chance(30) ? nil : random.pick(["/old-\(article.file)/", "/old-\(article.file).html", "/shared-old/"])
        case "break" where editable: article.broken.toggle()
        case "search": article.search = random.pick([nil, "false", "2", "0.5"])
        case "synonyms":
            synonyms = random.pick(["synonyms: []\n", "synonyms:\n  - words: [numb bum]\n    find: [skin]\n", "urgent: [both legs]\n"])
            return ("search words: '\(synonyms)'", ["Content/data/search.yml"], [])
        case "page" where editable:
            // Moving the file between Content/articles and Content/pages lists or unlists it.
            let old = article.path
            article.isPage.toggle()
            articles[index] = article
            return ("move \(article.file) to \(article.isPage ? "pages" : "articles")", [article.path], [old])
        case "delete" where editable:
            articles.remove(at: index)
            return ("delete \(article.file)", [], [article.path])
        case "new":
            made += 1
            let new = ArticleModel(file: "new-\(made)", title: "New page \(made)", date: random.below(28) + 1,
                                   tags: random.chance(50) ? ["feet"] : [])
            articles.append(new)
            return ("new \(new.file)", [new.path], [])
        case "data":
            rootSummary = random.pick(["Summary of L4.", "The inner shin.", "A new summary."])
            return ("data set: L4 summary '\(rootSummary)'", ["Content/data/dermatomes.yml"], [])
        case "places":
            placeName = random.pick(["Inner shin", "Shin, inner side", "Inside of the shin"])
            return ("places: '\(placeName)'", ["Content/data/places.yml"], [])
        case "glossary":
            glossaryDefinition = random.pick(["A strip of skin that one nerve root supplies.", "Skin one root feels with."])
            return ("glossary: '\(glossaryDefinition)'", ["Content/data/glossary.yml"], [])
        case "partial":
            footerExtra = random.pick(["", "<p>Footer note.</p>", "<p>Another note.</p>"])
            return ("partial: '\(footerExtra)'", ["Templates/partials/footer.mustache"], [])
        case "stylesheet":
            stylesheetExtra = random.pick(["", ".x { color: red; }", ".y { margin: 0; }"])
            return ("stylesheet: '\(stylesheetExtra)'", ["Templates/assets/style.css"], [])
        case "site":
            siteTitle = random.pick(["Test Site", "Leg Help", "Numb Legs"])
            perPage = random.pick([1, 2, 3, 20])
            return ("site title '\(siteTitle)', \(perPage) per page", ["Content/site.yml"], [])
        default:
            return ("nothing (\(kind) on the stable page)", [], [])
        }
        articles[index] = article
        return ("\(kind) of \(article.file)", [article.path], [])
    }
}
