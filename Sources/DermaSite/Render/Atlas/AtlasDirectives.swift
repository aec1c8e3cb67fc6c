/// The `dermatome-map` and `dermatome-table` directives an article can use.
public enum AtlasDirectives {
    public static let mapOptions = ["view", "variant", "highlight", "key-points", "caption", "links"]
    public static let tableOptions = ["roots", "columns", "caption"]

    public static func handlers(atlas: Atlas?, baseURL: BaseURL) -> [String: DirectiveHandler] {
        guard let atlas else {
            let missing: DirectiveHandler = { directive in
                DirectiveOutput(html: "", diagnostics: [directive.error(nil,
                    "'\(directive.name)' needs the dermatome data set: \(AtlasLoader.paths.joined(separator: ", "))")])
            }
            return ["dermatome-map": missing, "dermatome-table": missing]
        }
        return [
            "dermatome-map": { map($0, atlas: atlas, baseURL: baseURL) },
            "dermatome-table": { table($0, atlas: atlas, baseURL: baseURL) },
        ]
    }

    static func map(_ directive: Directive, atlas: Atlas, baseURL: BaseURL) -> DirectiveOutput {
        var options = LegMapRenderer.Options()
        var problems: [Diagnostic] = []
        for option in directive.options {
            switch option.key {
            case "view":
                switch option.value.lowercased() {
                case "both": options.views = MapView.legIDs
                case "anterior", "front": options.views = ["anterior"]
                case "posterior", "back": options.views = ["posterior"]
                case "saddle": options.views = ["saddle"]
                default: problems.append(directive.error(option, "'view' must be anterior, posterior, both or saddle"))
                }
            case "variant":
                let ids = AtlasMaps.ids(atlas)
                if ids.contains(option.value) { options.variant = option.value } else {
                    problems.append(directive.error(option, "unknown map variant '\(option.value)' (variants: \(ids.joined(separator: ", ")))"))
                }
            case "highlight":
                // Several roots at once (`L4, L5`): a disc between them can press on either.
                for id in list(option.value) {
                    if let root = atlas.root(id) {
                        if !options.highlight.contains(root.id) { options.highlight.append(root.id) }
                    } else {
                        problems.append(directive.error(option, unknownRoot(id, atlas)))
                    }
                }
            case "key-points": flag(option, directive, &problems).map { options.keyPoints = $0 }
            case "links": flag(option, directive, &problems).map { options.links = $0 }
            case "caption": options.caption = option.value
            default: problems.append(directive.error(option, unknownOption(option.key, mapOptions, directive.name)))
            }
        }
        guard problems.isEmpty else { return DirectiveOutput(html: "", diagnostics: problems) }
        let html = LegMapRenderer(atlas: atlas, baseURL: baseURL).figure(options, id: "dermatome-map-\(directive.index)")
        return DirectiveOutput(html: html)
    }

    static func table(_ directive: Directive, atlas: Atlas, baseURL: BaseURL) -> DirectiveOutput {
        var options = DermatomeTable.Options()
        var problems: [Diagnostic] = []
        for option in directive.options {
            switch option.key {
            case "roots":
                if option.value.lowercased() == "all" { continue }
                var ids: [String] = []
                for id in list(option.value) {
                    if let root = atlas.root(id) { ids.append(root.id) } else {
                        problems.append(directive.error(option, unknownRoot(id, atlas)))
                    }
                }
                if Set(ids).count != ids.count { problems.append(directive.error(option, "a root is listed twice")) }
                options.roots = ids
            case "columns":
                var columns: [DermatomeTable.Column] = []
                for name in list(option.value) {
                    if let column = DermatomeTable.Column(rawValue: name.lowercased()) { columns.append(column) } else {
                        let names = DermatomeTable.Column.allCases.map(\.rawValue)
                        problems.append(directive.error(option, "unknown column '\(name)'; columns are \(names.joined(separator: ", "))"))
                    }
                }
                if Set(columns).count != columns.count { problems.append(directive.error(option, "a column is listed twice")) }
                if !columns.contains(.root) { problems.append(directive.error(option, "the columns must include 'root'")) }
                options.columns = columns
            case "caption": options.caption = option.value
            default: problems.append(directive.error(option, unknownOption(option.key, tableOptions, directive.name)))
            }
        }
        guard problems.isEmpty else { return DirectiveOutput(html: "", diagnostics: problems) }
        return DirectiveOutput(html: DermatomeTable(atlas: atlas, baseURL: baseURL).html(options))
    }

    private static func flag(_ option: Directive.Option, _ directive: Directive, _ problems: inout [Diagnostic]) -> Bool? {
        switch option.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            problems.append(directive.error(option, "'\(option.key)' must be true or false"))
            return nil
        }
    }

    private static func list(_ value: String) -> [String] {
        value.trimmingBrackets().split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    private static func unknownRoot(_ id: String, _ atlas: Atlas) -> String {
        let ids = atlas.roots.map(\.id)
        let hint = Suggestion.closestRoot(to: id, in: ids).map { "; did you mean \($0)?" } ?? ""
        return "unknown root '\(id)'\(hint) (roots: \(ids.joined(separator: ", ")))"
    }

    private static func unknownOption(_ key: String, _ known: [String], _ name: String) -> String {
        let hint = Suggestion.closest(to: key, in: known).map { "; did you mean '\($0)'?" } ?? ""
        return "unknown option '\(key)' for \(name)\(hint) (options: \(known.joined(separator: ", ")))"
    }
}

extension String {
    func trimmingBrackets() -> String {
        let set = "[]"
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
