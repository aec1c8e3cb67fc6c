/// The summary table of roots, generated from the data set.
public struct DermatomeTable: Sendable {
    public enum Column: String, Sendable, CaseIterable {
        case root, area, clinical, keyPoint = "key-point", muscle, reflex, disc

        var heading: String {
            switch self {
            case .root: return "Root"
            case .area: return "Skin area"
            case .clinical: return "Clinical description"
            case .keyPoint: return "Where it is tested"
            case .muscle: return "Key muscle"
            case .reflex: return "Reflex"
            case .disc: return "Disc level most often involved"
            }
        }
    }

    public struct Options: Sendable, Equatable {
        public var roots: [String]?
        public var columns: [Column] = [.root, .area, .keyPoint]
        public var caption: String?
        /// Link each root to its page (off on that page itself).
        public var links = true

        public init() {}
    }

    public let atlas: Atlas
    public let baseURL: BaseURL

    public init(atlas: Atlas, baseURL: BaseURL) {
        self.atlas = atlas
        self.baseURL = baseURL
    }

    public func html(_ options: Options) -> String {
        let roots = options.roots.map { ids in ids.compactMap(atlas.root) } ?? atlas.roots
        let caption = options.caption ?? "Leg dermatomes: the skin each nerve root supplies"
        var html = "<div class=\"table-scroll\" role=\"region\" aria-label=\"\(Escape.xml(caption))\" tabindex=\"0\">\n"
        html += "<table class=\"dermatome-table\">\n<caption>\(Escape.xml(caption))</caption>\n<thead><tr>"
        for column in options.columns { html += "<th scope=\"col\">\(column.heading)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for root in roots {
            html += "<tr>"
            for column in options.columns { html += cell(column, root: root, links: options.links) }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    private func cell(_ column: Column, root: Root, links: Bool) -> String {
        switch column {
        case .root:
            let swatch = "<span class=\"swatch\" style=\"background:\(root.colour)\" aria-hidden=\"true\"></span>"
            let name = links ? "<a href=\"\(Escape.xml(baseURL.sitePath(root.urlPath)))\">\(Escape.xml(root.id))</a>" : Escape.xml(root.id)
            return "<th scope=\"row\">\(swatch)\(name)</th>"
        case .area: return td(root.areaPlain, column)
        case .clinical: return td(root.areaClinical, column)
        case .keyPoint: return td(root.keyPoint, column)
        case .muscle: return td(root.keyMuscle ?? "None tested", column)
        case .reflex: return td(root.reflex ?? "None", column)
        case .disc: return td(root.discLevels.isEmpty ? (root.compression ?? "Rarely one disc") : root.discLevels.joined(separator: ", "), column)
        }
    }

    /// On a phone each row stacks into a card, so each cell carries its column's name (hidden
    /// from screen readers, which name the column from the table's header).
    private func td(_ text: String, _ column: Column) -> String {
        "<td><span class=\"cell-label\" aria-hidden=\"true\">\(column.heading)</span>\(Escape.xml(text))</td>"
    }
}
