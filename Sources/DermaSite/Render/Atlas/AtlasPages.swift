/// The atlas index at /dermatomes/, a page per root, and the standalone SVG charts.
struct AtlasPages: Sendable {
    let site: Site
    let atlas: Atlas
    let pages: PageRenderer

    private var baseURL: BaseURL { site.config.baseURL }

    func all() throws -> [OutputFile] {
        let roots = try Parallel.map(atlas.roots) { try page(for: $0) }
        let places = PlacePages(site: site, atlas: atlas, pages: pages)
        return [try index(), try worksheet(), try places.index()] + roots + (try Parallel.map(atlas.places) { try places.page(for: $0) })
    }

    /// A printable sensory-exam record: each root's key point, light touch and pinprick on both
    /// sides scored as ISNCSCI does (0, 1, 2 or NT), and the key muscles.
    func worksheet() throws -> OutputFile {
        let rows = atlas.roots.map { root -> [String: Any] in
            // The plain part of the key point, before its clinical wording in brackets.
            let point = root.keyPoint.components(separatedBy: " (").first ?? root.keyPoint
            var row: [String: Any] = ["id": root.id, "key_point": point]
            row.setOptional("key_muscle", root.keyMuscle.map { $0.components(separatedBy: " (").first ?? $0 })
            return row
        }
        var page: [String: Any] = [
            "kind": "worksheet",
            "title": "Leg sensory exam worksheet",
            "description": "A printable record of a sensory exam of the legs: each root's test point, light touch and pinprick on both sides, and the key muscles.",
            "rows": rows,
        ]
        addReview(to: &page)
        return try pages.page("pages/worksheet", sitePath: SiteLayout.worksheet, page: page)
    }

    func charts() -> [OutputFile] {
        let renderer = LegMapRenderer(atlas: atlas, baseURL: baseURL)
        var options = LegMapRenderer.Options()
        options.links = false
        let licence = site.config.health.mapLicence
        options.licence = licence.isEmpty ? nil : licence
        return AtlasMaps.charts(atlas).map { chart in
            options.variant = chart.map
            let svg = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + renderer.svg(chart.view, options: options, id: "chart-\(chart.view.id)", standalone: true)
            return OutputFile(path: chart.path, text: svg)
        }
    }

    func index() throws -> OutputFile {
        var table = DermatomeTable.Options()
        table.columns = [.root, .area, .keyPoint, .muscle, .reflex, .disc]
        // Every source any root cites, once, in order of first citation.
        var seen = Set<String>()
        let sources = atlas.roots.flatMap(\.sources).filter { seen.insert($0.title).inserted }
        var page: [String: Any] = [
            "kind": "atlas",
            "title": "Leg dermatome map",
            "description": "A map and table of the leg dermatomes, L1 to S4-S5: the skin each nerve root supplies, and where it is tested.",
            "maps": AtlasMaps.ids(atlas).enumerated().map { index, id in variantMap(id, first: index == 0) },
            "saddle": saddleMap(),
            "red_flags": site.filledRedFlags.map { RedFlagsCard.html($0) } ?? "",
            "table": DermatomeTable(atlas: atlas, baseURL: baseURL).html(table),
            "charts": chartLinks(),
            "worksheet_url": baseURL.sitePath(SiteLayout.worksheet),
            "roots": atlas.roots.map { ["id": $0.id, "area": $0.areaPlain, "url": baseURL.sitePath($0.urlPath)] },
            "sources": sources.map(pages.context.source),
            "has_sources": !sources.isEmpty,
        ]
        addReview(to: &page)
        return try pages.page("pages/atlas", sitePath: SiteLayout.atlas, page: page)
    }

    func page(for root: Root) throws -> OutputFile {
        var map = LegMapRenderer.Options()
        map.highlight = [root.id]
        var table = DermatomeTable.Options()
        table.roots = [root.id]
        table.links = false
        let index = atlas.roots.firstIndex { $0.id == root.id }!
        let title = "\(root.id) dermatome: \(root.areaPlain.lowercasedFirst())"
        let review = site.reviews.status(of: SiteReviews.dataSet)
        let description = "Where the \(root.id) nerve root gives feeling to the skin, where it is tested, and what trouble with it can feel like."
        let places = atlas.variants.map { variant -> [String: Any] in
            let list = atlas.places(of: root.id, in: variant).map { place -> [String: Any] in
                let coverage = atlas.coverage(of: place.id, in: variant)
                return ["name": place.name, "url": baseURL.sitePath(place.urlPath),
                        "unsettled": coverage.unconfirmed.contains(root.id)]
            }
            return ["name": variant.name, "places": list, "has_places": !list.isEmpty]
        }
        var page: [String: Any] = [
            "kind": "root",
            "places_by_map": places,
            "places_url": baseURL.sitePath(SiteLayout.places),
            "title": title,
            "description": description,
            "json_ld": StructuredData.root(root, site: site, review: review, title: title, description: description),
            "root": rootValues(root),
            "map": LegMapRenderer(atlas: atlas, baseURL: baseURL).figure(map, id: "root-map"),
            "sources": root.sources.map(pages.context.source),
            "has_sources": !root.sources.isEmpty,
            "neighbours": root.neighbours.compactMap(atlas.root).map(link),
            "charts": chartLinks(),
            "has_red_flags": root.urgent && site.redFlags != nil,
            "full_card_on_top": root.urgent && site.redFlags != nil,
            "see_also": root.seeAlso.map(seeAlso),
            "has_see_also": !root.seeAlso.isEmpty,
            "red_flags": root.urgent ? site.filledRedFlags.map { RedFlagsCard.html($0) } ?? "" : "",
        ]
        addReview(to: &page)
        page["has_previous"] = index > 0
        page["previous"] = index > 0 ? link(atlas.roots[index - 1]) : [:]
        page["has_next"] = index + 1 < atlas.roots.count
        page["next"] = index + 1 < atlas.roots.count ? link(atlas.roots[index + 1]) : [:]
        return try pages.page("pages/root", sitePath: root.urlPath, page: page)
    }

    /// The data set's review, which every page built from it shows.
    private func addReview(to page: inout [String: Any]) {
        ReviewContext.add(site.reviews.status(of: SiteReviews.dataSet), to: &page)
    }

    func seeAlso(_ item: SeeAlso) -> [String: Any] {
        ["text": item.text, "url": baseURL.sitePath(item.link)]
    }

    private func chartLinks() -> [[String: Any]] {
        let charts = AtlasMaps.charts(atlas)
        return charts.enumerated().map { index, chart in
            ["title": "\(AtlasMaps.name(chart.map, in: atlas)), \(chart.view.title.lowercasedFirst())",
             "url": baseURL.sitePath(chart.path), "last": index == charts.count - 1]
        }
    }

    /// One map of the atlas page, with what it follows; the first is shown when nothing is chosen.
    private func variantMap(_ id: String, first: Bool) -> [String: Any] {
        var options = LegMapRenderer.Options()
        options.variant = id
        let variant = atlas.variant(id)
        return [
            "id": id,
            "name": AtlasMaps.name(id, in: atlas),
            "about": variant?.about ?? "This view is not a published map. The site computes it from the maps above: a place is coloured only where every map that describes it gives it the same roots, and cross-hatched where they differ or a claim could not be confirmed. This follows the idea of Lee, McPhee and Stringer (2008) to show only the consistent areas; the drawing is not theirs.",
            "checked": first,
            "map": LegMapRenderer(atlas: atlas, baseURL: baseURL).figure(options, id: "map-\(id)"),
        ]
    }

    private func saddleMap() -> String {
        guard atlas.view("saddle") != nil else { return "" }
        var options = LegMapRenderer.Options()
        options.views = ["saddle"]
        options.keyPoints = false
        options.caption = "The saddle area: the skin that would touch a saddle. New numbness here is an emergency."
        return LegMapRenderer(atlas: atlas, baseURL: baseURL).figure(options, id: "saddle-map")
    }

    private func link(_ root: Root) -> [String: Any] {
        ["id": root.id, "area": root.areaPlain, "url": baseURL.sitePath(root.urlPath)]
    }

    private func rootValues(_ root: Root) -> [String: Any] {
        var values: [String: Any] = [
            "id": root.id,
            "name": root.name,
            "segment": root.segment.rawValue,
            "area_plain": root.areaPlain,
            "area_clinical": root.areaClinical,
            "summary": root.summary,
            "key_point": root.keyPoint,
            "test": root.test,
            "symptoms": root.symptoms,
            "urgent": root.urgent,
            "colour": root.colour,
        ]
        values.setOptional("key_muscle", root.keyMuscle)
        values.setOptional("reflex", root.reflex)
        values.setOptional("disc_levels", root.discLevels.isEmpty ? nil : root.discLevels.joined(separator: ", "))
        values.setOptional("compression", root.compression)
        return values
    }
}
