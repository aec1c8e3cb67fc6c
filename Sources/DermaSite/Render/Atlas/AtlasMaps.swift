/// The maps the atlas shows: each variant in the data set's order, then the computed agreement
/// view; and the standalone chart each has per leg view. The one list the pages, the chart files
/// and the clash check all read.
enum AtlasMaps {
    static let agreementID = "agreement"
    static let agreementName = "Where the maps agree"

    struct Chart {
        var map: String
        var view: MapView
        var path: String
    }

    static func ids(_ atlas: Atlas) -> [String] { atlas.variants.map(\.id) + [agreementID] }

    static func name(_ id: String, in atlas: Atlas) -> String { atlas.variant(id)?.name ?? agreementName }

    static func charts(_ atlas: Atlas) -> [Chart] {
        ids(atlas).flatMap { map in
            atlas.views.filter { MapView.legIDs.contains($0.id) }.map { view in
                Chart(map: map, view: view, path: SiteLayout.chart(view.id, variant: map))
            }
        }
    }
}
