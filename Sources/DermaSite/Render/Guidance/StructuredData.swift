/// schema.org JSON-LD for search engines and health-information tools: articles and root pages
/// are MedicalWebPages with review dates, reviewer, audience, citations and publisher.
enum StructuredData {
    static func article(_ article: Article, config: SiteConfig, review: ReviewStatus) -> String {
        let meta = article.meta
        var page = webPage(config: config, sitePath: article.urlPath, name: meta.title, description: meta.description)
        if !article.isListed {
            page["@type"] = "WebPage"
            page["audience"] = nil
        }
        page["datePublished"] = meta.date.map { .string($0.iso) }
        page["dateModified"] = (meta.updated ?? meta.date).map { .string($0.iso) }
        claim(review, on: &page)
        page["citation"] = meta.sources.isEmpty ? nil : .array(meta.sources.map(citation))
        page["keywords"] = meta.tags.isEmpty ? nil : .string(meta.tags.joined(separator: ", "))
        page["about"] = meta.tags.isEmpty ? nil : .array(meta.tags.map { ["@type": "Thing", "name": .string($0)] })
        return encode(page)
    }

    static func root(_ root: Root, config: SiteConfig, review: ReviewStatus, title: String, description: String) -> String {
        var page = webPage(config: config, sitePath: root.urlPath, name: title, description: description)
        page["about"] = [
            "@type": "Nerve",
            "name": .string("\(root.name) (\(root.id))"),
            "sensoryUnit": ["@type": "SuperficialAnatomy", "name": .string("\(root.id) dermatome"), "description": .string(root.areaClinical)],
        ]
        page["citation"] = root.sources.isEmpty ? nil : .array(root.sources.map(citation))
        claim(review, on: &page)
        return encode(page)
    }

    /// A review is claimed only by a named person, and only for the content they checked.
    static func claim(_ review: ReviewStatus, on page: inout [String: JSONValue]) {
        guard let review = review.claimable else { return }
        page["lastReviewed"] = .string(review.reviewed.iso)
        page["reviewedBy"] = ["@type": "Person", "name": .string(review.reviewer), "jobTitle": .string(review.role)]
    }

    static func website(config: SiteConfig) -> String {
        var value: [String: JSONValue] = [
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": .string(config.title),
            "url": .string(config.baseURL.absolute(SiteLayout.home)),
            "inLanguage": .string(config.language),
        ]
        if !config.description.isEmpty { value["description"] = .string(config.description) }
        if !config.publisher.isEmpty { value["publisher"] = ["@type": "Organization", "name": .string(config.publisher)] }
        return encode(value)
    }

    private static func webPage(config: SiteConfig, sitePath: String, name: String, description: String) -> [String: JSONValue] {
        var page: [String: JSONValue] = [
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": .string(name),
            "headline": .string(name),
            "url": .string(config.baseURL.absolute(sitePath)),
            "inLanguage": .string(config.language),
            "audience": ["@type": "MedicalAudience", "audienceType": "Patient"],
            "isPartOf": ["@type": "WebSite", "name": .string(config.title), "url": .string(config.baseURL.absolute(SiteLayout.home))],
        ]
        if !description.isEmpty { page["description"] = .string(description) }
        if !config.publisher.isEmpty { page["publisher"] = ["@type": "Organization", "name": .string(config.publisher)] }
        return page
    }

    private static func citation(_ source: Source) -> JSONValue {
        var value: [String: JSONValue] = ["@type": "CreativeWork", "name": .string(source.title)]
        value["author"] = source.authors.map(JSONValue.string)
        value["publisher"] = source.publisher.map(JSONValue.string)
        value["datePublished"] = source.year.map { .string(String($0)) }
        value["url"] = source.link.map(JSONValue.string)
        if let doi = source.doi { value["identifier"] = ["@type": "PropertyValue", "propertyID": "DOI", "value": .string(doi)] }
        return .object(value)
    }

    /// Sorted keys keep builds identical; `<`, `>` and `&` are escaped so the JSON can never close
    /// its `<script>` element or open another. (Written here because Foundation's JSONSerialization
    /// was a tenth of a large build's time.)
    static func encode(_ value: [String: JSONValue]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(.object(value), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case let .string(text): writeString(text, into: &out)
        case let .object(object):
            out.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(object[key]!, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case let .array(array):
            out.append(UInt8(ascii: "["))
            for (index, item) in array.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// Runs that need no escape are copied whole: appending byte by byte was most of writing a block.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                let escape: [UInt8]
                switch byte {
                case UInt8(ascii: "\""): escape = [92, 34]
                case 92: escape = [92, 92]
                case 10: escape = [92, UInt8(ascii: "n")]
                case 13: escape = [92, UInt8(ascii: "r")]
                case 9: escape = [92, UInt8(ascii: "t")]
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                    escape = [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: escape)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// What a JSON-LD block holds: text, lists and objects (dates and years are written as text).
enum JSONValue: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
