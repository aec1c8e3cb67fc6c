/// Draws the leg maps as inline SVG: regions filled and outlined, labelled directly, key points as
/// dots. Interactive maps make each region a link to its root's page; the same facts are always
/// in the HTML table too.
public struct LegMapRenderer: Sendable {
    public struct Options: Sendable, Equatable {
        /// View ids to draw, in order.
        public var views: [String] = MapView.knownIDs
        /// One root drawn strongly, the others muted.
        public var highlight: String?
        public var keyPoints = true
        public var links = true
        public var caption: String?

        public init() {}
    }

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
        var html = "<figure class=\"atlas\" id=\"\(id)\">\n"
        if options.keyPoints {
            html += """
            <p class="atlas__controls"><input type="checkbox" class="atlas__toggle" id="\(id)-dots" checked>\
            <label for="\(id)-dots">Show the test points (black and white dots)</label></p>

            """
        }
        html += "<div class=\"atlas__views\">\n"
        for view in views {
            html += "<div class=\"atlas__view\">\n<p class=\"atlas__view-title\" aria-hidden=\"true\">\(Escape.xml(view.title))</p>\n"
            html += svg(view, options: options, id: "\(id)-\(view.id)", standalone: false)
            html += "</div>\n"
        }
        html += "</div>\n"
        let caption = options.caption ?? defaultCaption(options)
        html += legend(views: views, options: options)
        html += "<figcaption>\(Escape.xml(caption))</figcaption>\n"
        html += "</figure>\n"
        return html
    }

    /// One view as an `<svg>`. A standalone file carries its own size, styles and heading.
    public func svg(_ view: MapView, options: Options, id: String, standalone: Bool) -> String {
        let box = view.viewBox
        let top = standalone ? box.y - 40 : box.y
        let height = standalone ? box.height + 40 : box.height
        let viewBox = [box.x, top, box.width, height].map(SVGNumber.format).joined(separator: " ")
        let interactive = options.links && !standalone
        let title = "\(view.title): dermatome map" + (options.highlight.map { ", \($0) highlighted" } ?? "")
        var svg = "<svg"
        if standalone {
            svg += " xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGNumber.format(box.width))\" height=\"\(SVGNumber.format(height))\""
        }
        svg += " class=\"legmap\" viewBox=\"\(viewBox)\" role=\"\(interactive ? "group" : "img")\""
        svg += " aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        svg += "<title id=\"\(id)-title\">\(Escape.xml(title))</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(Escape.xml(description(view)))</desc>\n"
        if standalone {
            svg += "<style>\(Self.standaloneStyle)</style>\n"
            svg += "<rect x=\"\(SVGNumber.format(box.x))\" y=\"\(SVGNumber.format(top))\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
            svg += "<text class=\"legmap__heading\" x=\"\(SVGNumber.format(box.x + box.width / 2))\" y=\"\(SVGNumber.format(top + 26))\" text-anchor=\"middle\">\(Escape.xml("Leg dermatomes: \(view.title.lowercased())"))</text>\n"
        }
        svg += "<path class=\"legmap__body\" d=\"\(SVGNumber.path(view.outline.map(\.points)))\" fill=\"#f4efe9\" stroke=\"#4c6272\" stroke-width=\"2\"/>\n"
        svg += "<g class=\"legmap__regions\">\n"
        for region in view.regions {
            guard let root = atlas.root(region.root) else { continue }
            svg += regionElement(region, root: root, options: options, interactive: interactive)
        }
        svg += "</g>\n"
        if !view.details.isEmpty {
            svg += "<path class=\"legmap__details\" d=\"\(SVGNumber.lines(view.details))\" fill=\"none\" stroke=\"#4c6272\" stroke-width=\"1.2\" stroke-linecap=\"round\" aria-hidden=\"true\"/>\n"
        }
        svg += labels(view, options: options)
        if options.keyPoints { svg += keyPoints(view, options: options) }
        svg += sides(view)
        svg += "</svg>\n"
        return svg
    }

    private func regionElement(_ region: MapView.Region, root: Root, options: Options, interactive: Bool) -> String {
        let muted = options.highlight.map { !$0.caseInsensitiveEquals(root.id) } ?? false
        let highlighted = options.highlight.map { $0.caseInsensitiveEquals(root.id) } ?? false
        var classes = "legmap__region"
        if muted { classes += " is-muted" }
        if highlighted { classes += " is-highlighted" }
        let path = "<path d=\"\(SVGNumber.path(region.polygons.map(\.points)))\" fill=\"\(root.colour)\""
            + (muted ? " fill-opacity=\"0.22\"" : "")
            + " stroke=\"#000\" stroke-width=\"\(highlighted ? 3 : 1.5)\" stroke-linejoin=\"round\"/>"
        let name = Escape.xml("\(root.id): \(root.areaPlain)")
        if interactive {
            return "<a class=\"\(classes)\" href=\"\(Escape.xml(baseURL.sitePath(root.urlPath)))\" aria-label=\"\(name)\">\(path)</a>\n"
        }
        return "<g class=\"\(classes)\">\(path)</g>\n"
    }

    private func labels(_ view: MapView, options: Options) -> String {
        var out = "<g class=\"legmap__labels\" aria-hidden=\"true\">\n"
        for label in view.labels {
            let muted = options.highlight.map { !$0.caseInsensitiveEquals(label.root) } ?? false
            out += "<text x=\"\(SVGNumber.format(label.at.x))\" y=\"\(SVGNumber.format(label.at.y))\""
                + (muted ? " class=\"is-muted\" fill-opacity=\"0.55\"" : "")
                + " text-anchor=\"middle\" dominant-baseline=\"central\">\(Escape.xml(label.root))</text>\n"
        }
        return out + "</g>\n"
    }

    private func keyPoints(_ view: MapView, options: Options) -> String {
        var out = "<g class=\"legmap__keypoints\" aria-hidden=\"true\">\n"
        for point in view.keyPoints where options.highlight.map({ $0.caseInsensitiveEquals(point.root) }) ?? true {
            out += "<circle cx=\"\(SVGNumber.format(point.at.x))\" cy=\"\(SVGNumber.format(point.at.y))\" r=\"5\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2.5\"/>\n"
        }
        return out + "</g>\n"
    }

    /// "Right" and "Left" over the legs: the front view faces you, so the sides swap.
    private func sides(_ view: MapView) -> String {
        let box = view.viewBox
        let (leftText, rightText) = view.id == "anterior" ? ("Right", "Left") : ("Left", "Right")
        let y = SVGNumber.format(box.y + 22)
        return "<g class=\"legmap__sides\" aria-hidden=\"true\"><text x=\"\(SVGNumber.format(box.x + 8))\" y=\"\(y)\">\(leftText)</text>"
            + "<text x=\"\(SVGNumber.format(box.x + box.width - 8))\" y=\"\(y)\" text-anchor=\"end\">\(rightText)</text></g>\n"
    }

    private func description(_ view: MapView) -> String {
        let parts = view.regions.compactMap { region in atlas.root(region.root).map { "\($0.id), \($0.areaPlain.lowercasedFirst())" } }
        let side = view.id == "anterior" ? "The person faces you, so their right leg is on your left." :
            "You see the person from behind, so their right leg is on your right."
        return "\(side) Coloured areas show the skin each nerve root supplies: \(parts.joined(separator: "; ")). Borders vary between people."
    }

    private func defaultCaption(_ options: Options) -> String {
        if let id = options.highlight, let root = atlas.root(id) {
            return "The \(root.id) dermatome (strong colour) among the other leg dermatomes. Borders vary from person to person."
        }
        return "Leg dermatomes, front and back. Each colour is the skin one nerve root supplies. Borders vary from person to person."
    }

    private func legend(views: [MapView], options: Options) -> String {
        let shown = Set(views.flatMap { $0.regions.map(\.root) })
        var html = "<ul class=\"atlas__legend\">\n"
        for root in atlas.roots where shown.contains(root.id) {
            let current = options.highlight.map { $0.caseInsensitiveEquals(root.id) } ?? false
            html += "<li><span class=\"swatch\" style=\"background:\(root.colour)\" aria-hidden=\"true\"></span>"
            let text = "<b>\(Escape.xml(root.id))</b> \(Escape.xml(root.areaPlain))"
            html += options.links && !current
                ? "<a href=\"\(Escape.xml(baseURL.sitePath(root.urlPath)))\">\(text)</a>"
                : "<span\(current ? " aria-current=\"page\"" : "")>\(text)</span>"
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    static let standaloneStyle = "text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}"
        + ".legmap__labels text{font-size:17px;font-weight:700;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}"
        + ".legmap__sides text{font-size:14px;fill:#4c6272}.legmap__heading{font-size:20px;font-weight:700;fill:#212b32}"
}

extension String {
    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
