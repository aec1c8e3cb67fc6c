/// Draws the maps as inline SVG from the data set: each place's zone is filled with the roots the
/// chosen map variant gives that place (or, in the agreement view, the roots every variant gives
/// it), hatched where a claim is not settled or the maps differ. Interactive maps make each zone a
/// link to its place's page; the same facts are always in the HTML lists and table too.
public struct LegMapRenderer: Sendable {
    public struct Options: Sendable, Equatable {
        /// View ids to draw, in order.
        public var views: [String] = MapView.legIDs
        /// A variant id, or `agreement`; nil is the default variant.
        public var variant: String?
        /// Roots drawn strongly, the others muted; empty draws every root alike.
        public var highlight: [String] = []

        func highlights(_ id: String) -> Bool { highlight.contains { $0.caseInsensitiveEquals(id) } }
        /// One place drawn strongly, the others muted.
        public var place: String?
        public var keyPoints = true
        public var links = true
        public var caption: String?
        /// Standalone charts only: the drawing's licence, or nil when the site states none.
        public var licence: String?

        public init() {}
    }

    public static let agreementID = AtlasMaps.agreementID

    public let atlas: Atlas
    public let baseURL: BaseURL

    public init(atlas: Atlas, baseURL: BaseURL) {
        self.atlas = atlas
        self.baseURL = baseURL
    }

    /// A `<figure>` with the views side by side, a key-point switch, caption and legend.
    /// `id` must be unique on the page.
    public func figure(_ options: Options, id: String) -> String {
        let views = options.views.compactMap(atlas.view)
        let paint = ZonePaint.of(atlas, variant: options.variant)
        var html = "<figure class=\"atlas\" id=\"\(id)\">\n"
        if options.keyPoints && paint.showsKeyPoints {
            html += """
            <p class="atlas__controls"><input type="checkbox" class="atlas__toggle" id="\(id)-dots" checked>\
            <label for="\(id)-dots">Show the test points (black and white dots)</label></p>

            """
        }
        html += "<div class=\"atlas__views atlas__views--\(views.count)\">\n"
        for view in views {
            html += "<div class=\"atlas__view atlas__view--\(view.id)\">\n<p class=\"atlas__view-title\" aria-hidden=\"true\">\(Escape.xml(view.title))</p>\n"
            html += svg(view, options: options, id: "\(id)-\(view.id)", standalone: false, paint: paint)
            html += "</div>\n"
        }
        html += "</div>\n"
        html += MapLegend(atlas: atlas, baseURL: baseURL, paint: paint).html(views: views, options: options)
        html += "<figcaption>\(Escape.xml(options.caption ?? paint.caption(highlight: options.highlight)))</figcaption>\n"
        html += "</figure>\n"
        return html
    }

    /// One view as an `<svg>`. A standalone file carries its own size, styles, heading and source.
    public func svg(_ view: MapView, options: Options, id: String, standalone: Bool) -> String {
        svg(view, options: options, id: id, standalone: standalone, paint: ZonePaint.of(atlas, variant: options.variant))
    }

    private func svg(_ view: MapView, options: Options, id: String, standalone: Bool, paint: ZonePaint) -> String {
        let box = view.viewBox
        let top = standalone ? box.y - 40 : box.y
        let credit = standalone ? creditLines(paint: paint, licence: options.licence, width: box.width) : []
        let height = standalone ? box.height + 56 + 15 * Double(credit.count) : box.height
        let viewBox = [box.x, top, box.width, height].map(SVGNumber.format).joined(separator: " ")
        let interactive = options.links && !standalone
        let title = "\(view.title): \(paint.name)" + (options.highlight.isEmpty ? "" : ", \(options.highlight.joined(separator: " and ")) highlighted")
            + (options.place.flatMap(atlas.place).map { ", \($0.name.lowercased()) highlighted" } ?? "")
        var svg = "<svg"
        // Room for the whole drawing at once (its zones' path data alone are several kilobytes):
        // growing the text as it was written copied it again at each doubling.
        svg.reserveCapacity(4_096 + view.outlinePathData.utf8.count + view.detailsPathData.utf8.count
                            + view.zones.reduce(0) { $0 + $1.pathData.utf8.count + 256 })
        if standalone {
            svg += " xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGNumber.format(box.width))\" height=\"\(SVGNumber.format(height))\""
        }
        svg += " class=\"legmap\" viewBox=\"\(viewBox)\" role=\"\(interactive ? "group" : "img")\""
        svg += " aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        svg += "<title id=\"\(id)-title\">\(Escape.xml(title))</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(Escape.xml(description(view, paint: paint)))</desc>\n"
        svg += paint.patterns(in: view, prefix: id)
        if standalone {
            svg += "<style>\(Self.standaloneStyle)</style>\n"
            svg += "<rect x=\"\(SVGNumber.format(box.x))\" y=\"\(SVGNumber.format(top))\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
            svg += "<text class=\"legmap__heading\" x=\"\(SVGNumber.format(box.x + box.width / 2))\" y=\"\(SVGNumber.format(top + 26))\" text-anchor=\"middle\">\(Escape.xml("Dermatomes: \(view.title.lowercased())"))</text>\n"
            for (index, line) in credit.enumerated() {
                let y = box.y + box.height + 22 + 15 * Double(index)
                svg += "<text class=\"legmap__credit\" x=\"\(SVGNumber.format(box.x + 8))\" y=\"\(SVGNumber.format(y))\">\(Escape.xml(line))</text>\n"
            }
        }
        svg += "<path class=\"legmap__body\" d=\"\(view.outlinePathData)\" fill=\"#f4efe9\" stroke=\"#4c6272\" stroke-width=\"2\"/>\n"
        svg += "<g class=\"legmap__regions\">\n"
        for zone in view.zones {
            guard let place = paint.zone(zone.place) else { continue }
            appendZone(zone, place: place, paint: paint, options: options, prefix: id, interactive: interactive, to: &svg)
        }
        svg += "</g>\n"
        if !view.details.isEmpty {
            svg += "<path class=\"legmap__details\" d=\"\(view.detailsPathData)\" fill=\"none\" stroke=\"#4c6272\" stroke-width=\"1.2\" stroke-linecap=\"round\" aria-hidden=\"true\"/>\n"
        }
        svg += labels(view, paint: paint, options: options)
        if options.keyPoints && paint.showsKeyPoints { svg += keyPoints(view, options: options) }
        svg += sides(view)
        svg += "</svg>\n"
        return svg
    }

    /// Written onto the map's text piece by piece: each zone's path data is long, and building
    /// the element as a string of its own copied it three times.
    private func appendZone(_ zone: MapView.Zone, place: (named: String, urlPath: String), paint: ZonePaint, options: Options,
                            prefix: String, interactive: Bool, to svg: inout String) {
        let roots = paint.roots(of: zone.place)
        let showsHighlighted = roots.contains(where: options.highlights)
        let muted = !options.highlight.isEmpty && !showsHighlighted || options.place.map { $0 != zone.place } ?? false
        let highlighted = options.place == zone.place || showsHighlighted
        var classes = "legmap__region"
        if muted { classes += " is-muted" }
        if highlighted { classes += " is-highlighted" }
        let name = Escape.xml(place.named)
        if interactive {
            svg += "<a class=\"\(classes)\" href=\"\(Escape.xml(baseURL.sitePath(place.urlPath)))\" aria-label=\"\(name)\">"
        } else {
            svg += "<g class=\"\(classes)\"><title>\(name)</title>"
        }
        svg += "<path d=\""
        svg += zone.pathData
        svg += "\" fill=\"\(paint.fill(of: zone.place, prefix: prefix))\""
        if muted { svg += " fill-opacity=\"0.22\"" }
        svg += " stroke=\"#000\" stroke-width=\"\(options.place == zone.place ? 3.5 : 0.8)\" stroke-linejoin=\"round\"/>"
        svg += interactive ? "</a>\n" : "</g>\n"
    }

    /// Each root named once per view, in its largest settled zone on the leg drawn on the left;
    /// a zone too small to hold the name is left to the legend and the zone's own name.
    private func labels(_ view: MapView, paint: ZonePaint, options: Options) -> String {
        let spots = paint.labelSpots(in: view)
        let placeRoots = options.place.map(paint.roots(of:))
        // A name that would sit on a key-point dot moves just above it.
        let dots = options.keyPoints && paint.showsKeyPoints ? spots.dots : []
        var out = "<g class=\"legmap__labels\" aria-hidden=\"true\">\n"
        for root in atlas.roots {
            guard var label = spots.best[root.id] else { continue }
            if dots.contains(where: { abs($0.x - label.at.x) < 16 && abs($0.y - label.at.y) < 12 }) { label.at.y -= 16 }
            let muted = !options.highlight.isEmpty && !options.highlights(root.id)
                || placeRoots.map { !$0.contains(root.id) } ?? false
            out += "<text x=\"\(SVGNumber.format(label.at.x))\" y=\"\(SVGNumber.format(label.at.y))\""
                + (muted ? " class=\"is-muted\" fill-opacity=\"0.55\"" : "")
                + " text-anchor=\"middle\" dominant-baseline=\"central\">\(Escape.xml(root.id))</text>\n"
        }
        return out + "</g>\n"
    }

    /// Square map units; below this a root's name would cover its zone and its neighbours.
    static let smallestLabelledArea = 700.0

    private func keyPoints(_ view: MapView, options: Options) -> String {
        var out = "<g class=\"legmap__keypoints\" aria-hidden=\"true\">\n"
        for root in atlas.roots where options.highlight.isEmpty || options.highlights(root.id) {
            for point in atlas.keyPoints(of: root, in: view) ?? [] {
                out += "<circle cx=\"\(SVGNumber.format(point.x))\" cy=\"\(SVGNumber.format(point.y))\" r=\"5\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2.5\"/>\n"
            }
        }
        return out + "</g>\n"
    }

    /// Whose leg is whose: the front view faces you, so the sides swap.
    private func sides(_ view: MapView) -> String {
        guard MapView.legIDs.contains(view.id) else { return "" }
        let box = view.viewBox
        let (leftText, rightText) = view.id == "anterior" ? ("Your right leg", "Your left leg") : ("Your left leg", "Your right leg")
        let y = SVGNumber.format(box.y + 22)
        return "<g class=\"legmap__sides\" aria-hidden=\"true\"><text x=\"\(SVGNumber.format(box.x + 8))\" y=\"\(y)\">\(leftText)</text>"
            + "<text x=\"\(SVGNumber.format(box.x + box.width - 8))\" y=\"\(y)\" text-anchor=\"end\">\(rightText)</text></g>\n"
    }

    private func description(_ view: MapView, paint: ZonePaint) -> String {
        let parts = view.zones.compactMap { paint.zone($0.place)?.named }
        let side: String
        switch view.id {
        case "anterior": side = "The person faces you, so their right leg is on your left."
        case "posterior": side = "You see the person from behind, so their right leg is on your right."
        default: side = "The area between the legs, seen from below."
        }
        return "\(side) \(paint.drawing). \(parts.joined(separator: "; ")). Borders vary between people."
    }

    /// What the drawing follows and its licence, wrapped to the chart's width: SVG text does not wrap.
    private func creditLines(paint: ZonePaint, licence: String?, width: Double) -> [String] {
        let licence = licence.map { "Licence: \($0)" } ?? "Licence: not stated by the site's owner"
        // About 6 px a character at 11 px: a line may not run past the chart's edge.
        let perLine = max(20, Int((width - 16) / 6.2))
        return [paint.drawing, licence].flatMap { Self.wrap($0, perLine: perLine) }
    }

    static func wrap(_ text: String, perLine: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > perLine {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " \(word)"
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static let standaloneStyle = "text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}"
        + ".legmap__labels text{font-size:17px;font-weight:700;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}"
        + ".legmap__sides text{font-size:14px;fill:#4c6272}.legmap__heading{font-size:20px;font-weight:700;fill:#212b32}"
        + ".legmap__credit{font-size:11px;fill:#4c6272}"
}

extension String {
    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
