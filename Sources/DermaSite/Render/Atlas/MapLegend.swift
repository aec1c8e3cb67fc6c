/// The key under a map: each root drawn, with a link to its page, and what the patterns mean.
struct MapLegend {
    let atlas: Atlas
    let baseURL: BaseURL
    let paint: ZonePaint

    func html(views: [MapView], options: LegMapRenderer.Options) -> String {
        // A map of one place explains only what that place shows.
        let places = options.place.map { [$0] } ?? views.flatMap { $0.zones.map(\.place) }
        let looks = places.map(paint.look)
        var shown = Set<String>()
        for look in looks {
            switch look {
            case .root(let id): shown.insert(id)
            case .stripes(let ids): shown.formUnion(ids)
            default: break
            }
        }
        var html = "<ul class=\"atlas__legend\">\n"
        for root in atlas.roots where shown.contains(root.id) {
            let current = options.highlights(root.id)
            html += "<li><span class=\"swatch\" style=\"background:\(root.colour)\" aria-hidden=\"true\"></span>"
            let text = "<b>\(Escape.xml(root.id))</b> \(Escape.xml(root.areaPlain))"
            html += options.links && !current
                ? "<a href=\"\(Escape.xml(baseURL.sitePath(root.urlPath)))\">\(text)</a>"
                : "<span\(current ? " aria-current=\"page\"" : "")>\(text)</span>"
            html += "</li>\n"
        }
        if looks.contains(where: { if case .stripes = $0 { return true } else { return false } }) {
            html += "<li><span class=\"swatch swatch--stripes\" aria-hidden=\"true\"></span>Stripes: two roots share this place</li>\n"
        }
        if looks.contains(where: { if case .notSettled = $0 { return true } else { return false } }) {
            html += "<li><span class=\"swatch swatch--unsettled\" aria-hidden=\"true\"></span>Grey lines: not settled (no source read here confirms a root)</li>\n"
        }
        if looks.contains(.differ) {
            html += "<li><span class=\"swatch swatch--differ\" aria-hidden=\"true\"></span>Cross-hatched: the maps differ here</li>\n"
        }
        return html + "</ul>\n"
    }
}
