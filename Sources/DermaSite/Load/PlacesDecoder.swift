import Yams

/// places.yml: the sources claims cite, the named places of the body, and the map variants with
/// their claims ("under this map, root R supplies these places, as read in this passage").
enum PlacesDecoder {
    struct Decoded {
        var sources: [KeyedSource] = []
        var places: [Place] = []
        var variants: [MapVariant] = []
    }

    static func decode(_ node: Node, reader: inout YAMLReader) -> Decoded {
        var out = Decoded()
        for (key, _, value) in reader.fields(of: node, known: ["sources", "places", "variants"], context: "the places file") {
            guard case let .sequence(items) = value else {
                reader.report(.error, at: value, "'\(key)' must be a list of '- ...' entries")
                continue
            }
            switch key {
            case "sources": out.sources = items.compactMap { source($0, reader: &reader) }
            case "places": out.places = items.compactMap { place($0, reader: &reader) }
            default: out.variants = items.compactMap { variant($0, reader: &reader) }
            }
        }
        if out.places.isEmpty { reader.report(.error, at: node, "missing 'places:', the list of named places of the body") }
        if out.variants.isEmpty { reader.report(.error, at: node, "missing 'variants:', the map variants and their claims") }
        return out
    }

    private static func source(_ node: Node, reader: inout YAMLReader) -> KeyedSource? {
        guard case let .mapping(mapping) = node,
              let keyNode = mapping.first(where: { $0.key.scalar?.string == "key" })?.value,
              let key = reader.string(keyNode, key: "key") else {
            reader.report(.error, at: node, "a source here needs a 'key' that claims cite")
            return nil
        }
        var rest = mapping
        rest["key"] = nil
        let sources = FrontMatterDecoder.sources(items: [.mapping(rest)], reader: &reader)
        return sources.first.map { KeyedSource(key: key, source: $0, position: reader.position(of: keyNode)) }
    }

    private static func place(_ node: Node, reader: inout YAMLReader) -> Place? {
        var values: [String: Node] = [:]
        for (key, _, value) in reader.fields(of: node, known: ["id", "name", "clinical", "group", "words", "urgent", "see_also"], context: "a place") {
            values[key] = value
        }
        let missing = ["id", "name", "clinical", "group"].filter { values[$0] == nil }
        if !missing.isEmpty {
            reader.report(.error, at: node, "a place is missing \(missing.map { "'\($0)'" }.joined(separator: ", "))")
            return nil
        }
        guard let id = reader.string(values["id"]!, key: "id"), let name = reader.string(values["name"]!, key: "name"),
              let clinical = reader.string(values["clinical"]!, key: "clinical"),
              let group = reader.string(values["group"]!, key: "group") else { return nil }
        if Slug.make(id) != id {
            reader.report(.error, at: values["id"], "a place id must be lower case words joined by '-', such as big-toe")
        }
        let words = values["words"].map { reader.strings($0, key: "words") } ?? []
        let urgent = values["urgent"].flatMap { reader.bool($0, key: "urgent") } ?? false
        let seeAlso = values["see_also"].map { SeeAlsoDecoder.decode($0, reader: &reader) } ?? []
        return Place(id: id, name: name, clinical: clinical, group: group, words: words.map { $0.lowercased() },
                     urgent: urgent, seeAlso: seeAlso, position: reader.position(of: values["id"]))
    }

    private static func variant(_ node: Node, reader: inout YAMLReader) -> MapVariant? {
        var values: [String: Node] = [:]
        for (key, _, value) in reader.fields(of: node, known: ["id", "name", "drawing", "about", "claims"], context: "a map variant") {
            values[key] = value
        }
        guard let idNode = values["id"], let id = reader.string(idNode, key: "id"),
              let name = values["name"].flatMap({ reader.string($0, key: "name") }),
              let drawing = values["drawing"].flatMap({ reader.string($0, key: "drawing") }) else {
            reader.report(.error, at: node, "a map variant needs 'id', 'name' and 'drawing' (what the drawing follows)")
            return nil
        }
        var claims: [PlaceClaim] = []
        if let list = values["claims"] {
            if case let .sequence(items) = list {
                claims = items.compactMap { claim($0, reader: &reader) }
            } else {
                reader.report(.error, at: list, "'claims' must be a list of '- root: ...' entries")
            }
        }
        let about = values["about"].flatMap { reader.string($0, key: "about") } ?? ""
        return MapVariant(id: id, name: name, drawing: drawing, about: about, claims: claims, position: reader.position(of: idNode))
    }

    private static func claim(_ node: Node, reader: inout YAMLReader) -> PlaceClaim? {
        var values: [String: Node] = [:]
        let known = ["root", "places", "source", "read", "unconfirmed"]
        for (key, _, value) in reader.fields(of: node, known: known, context: "a claim") { values[key] = value }
        guard let rootNode = values["root"], let root = reader.string(rootNode, key: "root"),
              let placesNode = values["places"] else {
            reader.report(.error, at: node, "a claim needs 'root' and 'places'")
            return nil
        }
        var places: [String] = [], positions: [SourcePosition] = []
        if case let .sequence(items) = placesNode {
            for item in items {
                if let id = reader.string(item, key: "places") {
                    places.append(id)
                    positions.append(reader.position(of: item))
                }
            }
        } else {
            reader.report(.error, at: placesNode, "'places' must be a list, such as [big-toe, top-of-foot]")
        }
        var claim = PlaceClaim(root: root, places: places, placePositions: positions, position: reader.position(of: rootNode))
        claim.source = values["source"].flatMap { reader.string($0, key: "source") }
        claim.passage = values["read"].flatMap { reader.string($0, key: "read") }
        claim.unconfirmed = values["unconfirmed"].flatMap { reader.string($0, key: "unconfirmed") }
        if claim.unconfirmed == nil && (claim.source == nil || claim.passage == nil) {
            reader.report(.error, at: node, "a claim needs 'source' and 'read' (the passage it was read in), or 'unconfirmed' with the reason")
        }
        if claim.unconfirmed != nil && claim.source != nil && claim.passage != nil {
            reader.report(.error, at: values["unconfirmed"], "a claim is either read in a source or unconfirmed, not both")
        }
        return claim
    }
}
