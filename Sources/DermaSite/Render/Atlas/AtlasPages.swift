/// The atlas index at /dermatomes/, a page per root, and the standalone SVG charts.
struct AtlasPages: Sendable {
    let site: Site
    let atlas: Atlas
    let pages: PageRenderer

    private var baseURL: BaseURL { site.config.baseURL }

    /// Every page made from the data set, in one pass over the cores (and rendered in one more):
    /// the index and the locator page draw several maps each, and are made beside the pages of
    /// the roots and places rather than on one core before them.
    func all() -> [AnyPageSpec] {
        let places = PlacePages(site: site, atlas: atlas, pages: pages)
        enum Page: Sendable { case index, worksheet, places, root(Root), place(Place) }
        let list: [Page] = [.index, .worksheet, .places] + atlas.roots.map(Page.root) + atlas.places.map(Page.place)
        return Parallel.map(list) { page in
            switch page {
            case .index: AnyPageSpec(index())
            case .worksheet: AnyPageSpec(worksheet())
            case .places: AnyPageSpec(places.index())
            case .root(let root): AnyPageSpec(self.page(for: root))
            case .place(let place): AnyPageSpec(places.page(for: place))
            }
        }
    }

    private var review: ReviewValues { ReviewValues(site.reviews.status(of: SiteReviews.dataSet)) }

    /// A printable sensory-exam record: each root's key point, light touch and pinprick on both
    /// sides scored as ISNCSCI does (0, 1, 2 or NT), and the key muscles.
    func worksheet() -> PageSpec<WorksheetBody> {
        let rows = atlas.roots.map { root in
            WorksheetBody.Row(id: root.id, keyPoint: root.keyPoint.components(separatedBy: " (").first ?? root.keyPoint,
                              keyMuscle: root.keyMuscle.map { $0.components(separatedBy: " (").first ?? $0 })
        }
        let values = pages.frame.values(WorksheetBody(rows: rows, review: review), kind: "worksheet", title: "Leg sensory exam worksheet",
            description: "A printable record of a sensory exam of the legs: each root's test point, light touch and pinprick on both sides, and the key muscles.",
            sitePath: SiteLayout.worksheet)
        return PageSpec(template: "pages/worksheet", sitePath: SiteLayout.worksheet, values: values)
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

    func index() -> PageSpec<AtlasBody> {
        var table = DermatomeTable.Options()
        table.columns = [.root, .area, .keyPoint, .muscle, .reflex, .disc]
        // Every source any root cites, once, in order of first citation.
        var seen = Set<String>()
        let sources = atlas.roots.flatMap(\.sources).filter { seen.insert($0.title).inserted }
        let body = AtlasBody(
            maps: AtlasMaps.ids(atlas).enumerated().map { index, id in variantMap(id, first: index == 0) },
            saddle: saddleMap(), redFlags: site.filledRedFlags.map { RedFlagsCard.html($0) } ?? "",
            table: DermatomeTable(atlas: atlas, baseURL: baseURL).html(table), charts: chartLinks(),
            worksheetURL: baseURL.sitePath(SiteLayout.worksheet), roots: atlas.roots.map(link),
            sources: sources.map(SourceValues.init), hasSources: !sources.isEmpty, review: review)
        let values = pages.frame.values(body, kind: "atlas", title: "Leg dermatome map",
            description: "A map and table of the leg dermatomes, L1 to S4-S5: the skin each nerve root supplies, and where it is tested.",
            sitePath: SiteLayout.atlas)
        return PageSpec(template: "pages/atlas", sitePath: SiteLayout.atlas, values: values)
    }

    func page(for root: Root) -> PageSpec<RootBody> {
        var map = LegMapRenderer.Options()
        map.highlight = [root.id]
        var table = DermatomeTable.Options()
        table.roots = [root.id]
        table.links = false
        let index = atlas.roots.firstIndex { $0.id == root.id }!
        let title = "\(root.id) dermatome: \(root.areaPlain.lowercasedFirst())"
        let review = site.reviews.status(of: SiteReviews.dataSet)
        let description = "Where the \(root.id) nerve root gives feeling to the skin, where it is tested, and what trouble with it can feel like."
        let places = atlas.variants.map { variant in
            let list = atlas.places(of: root.id, in: variant).map { place in
                RootBody.MapPlaces.Place(name: place.name, url: baseURL.sitePath(place.urlPath),
                                         unsettled: atlas.coverage(of: place.id, in: variant).unconfirmed.contains(root.id))
            }
            return RootBody.MapPlaces(name: variant.name, places: list, hasPlaces: !list.isEmpty)
        }
        let body = RootBody(
            placesByMap: places, placesURL: baseURL.sitePath(SiteLayout.places), root: rootValues(root),
            map: LegMapRenderer(atlas: atlas, baseURL: baseURL).figure(map, id: "root-map"),
            sources: root.sources.map(SourceValues.init), hasSources: !root.sources.isEmpty,
            neighbours: root.neighbours.compactMap(atlas.root).map(link), charts: chartLinks(),
            hasRedFlags: root.urgent && site.redFlags != nil, fullCardOnTop: root.urgent && site.redFlags != nil,
            seeAlso: root.seeAlso.map(seeAlso), hasSeeAlso: !root.seeAlso.isEmpty,
            redFlags: root.urgent ? site.filledRedFlags.map { RedFlagsCard.html($0) } ?? "" : "",
            review: ReviewValues(review),
            hasPrevious: index > 0, previous: index > 0 ? link(atlas.roots[index - 1]) : nil,
            hasNext: index + 1 < atlas.roots.count, next: index + 1 < atlas.roots.count ? link(atlas.roots[index + 1]) : nil)
        let values = pages.frame.values(body, kind: "root", title: title, description: description,
            jsonLD: StructuredData.root(root, config: site.config, review: review, title: title, description: description),
            sitePath: root.urlPath)
        return PageSpec(template: "pages/root", sitePath: root.urlPath, values: values)
    }

    func seeAlso(_ item: SeeAlso) -> SeeAlsoLink { SeeAlsoLink(text: item.text, url: baseURL.sitePath(item.link)) }

    private func chartLinks() -> [ChartLink] {
        let charts = AtlasMaps.charts(atlas)
        return charts.enumerated().map { index, chart in
            ChartLink(title: "\(AtlasMaps.name(chart.map, in: atlas)), \(chart.view.title.lowercasedFirst())",
                      url: baseURL.sitePath(chart.path), last: index == charts.count - 1)
        }
    }

    private func variantMap(_ id: String, first: Bool) -> AtlasBody.Map {
        var options = LegMapRenderer.Options()
        options.variant = id
        let variant = atlas.variant(id)
        return AtlasBody.Map(
            id: id,
            name: AtlasMaps.name(id, in: atlas),
            about: variant?.about ?? "This view is not a published map. The site computes it from the maps above: a place is coloured only where every map that describes it gives it the same roots, and cross-hatched where they differ or a claim could not be confirmed. This follows the idea of Lee, McPhee and Stringer (2008) to show only the consistent areas; the drawing is not theirs.",
            checked: first,
            map: LegMapRenderer(atlas: atlas, baseURL: baseURL).figure(options, id: "map-\(id)"))
    }

    private func saddleMap() -> String {
        guard atlas.view("saddle") != nil else { return "" }
        var options = LegMapRenderer.Options()
        options.views = ["saddle"]
        options.keyPoints = false
        options.caption = "The saddle area: the skin that would touch a saddle. New numbness here is an emergency."
        return LegMapRenderer(atlas: atlas, baseURL: baseURL).figure(options, id: "saddle-map")
    }

    private func link(_ root: Root) -> RootLink { RootLink(id: root.id, area: root.areaPlain, url: baseURL.sitePath(root.urlPath)) }

    private func rootValues(_ root: Root) -> RootBody.RootValues {
        RootBody.RootValues(
            id: root.id, name: root.name, segment: root.segment.rawValue, areaPlain: root.areaPlain,
            areaClinical: root.areaClinical, summary: root.summary, keyPoint: root.keyPoint, test: root.test,
            symptoms: root.symptoms, urgent: root.urgent, colour: root.colour, keyMuscle: root.keyMuscle, reflex: root.reflex,
            discLevels: root.discLevels.isEmpty ? nil : root.discLevels.joined(separator: ", "), compression: root.compression)
    }
}
