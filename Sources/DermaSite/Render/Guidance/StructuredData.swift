import Foundation

/// schema.org JSON-LD for search engines and health-information tools: articles and root pages
/// are MedicalWebPages with review dates, reviewer, audience, citations and publisher.
enum StructuredData {
    static func article(_ article: Article, site: Site) -> String {
        let meta = article.meta
        var page = webPage(site: site, sitePath: article.urlPath, name: meta.title, description: meta.description)
        page["datePublished"] = meta.date?.iso
        page["dateModified"] = (meta.updated ?? meta.date)?.iso
        page["lastReviewed"] = meta.reviewed?.iso
        page["reviewedBy"] = meta.reviewer.map { ["@type": "Organization", "name": $0] }
        page["citation"] = meta.sources.isEmpty ? nil : meta.sources.map(citation)
        page["keywords"] = meta.tags.isEmpty ? nil : meta.tags.joined(separator: ", ")
        page["about"] = meta.tags.isEmpty ? nil : meta.tags.map { ["@type": "Thing", "name": $0] }
        return encode(page)
    }

    static func root(_ root: Root, site: Site, review: Atlas.Review, title: String, description: String) -> String {
        var page = webPage(site: site, sitePath: root.urlPath, name: title, description: description)
        page["about"] = [
            "@type": "Nerve",
            "name": "\(root.name) (\(root.id))",
            "sensoryUnit": ["@type": "SuperficialAnatomy", "name": "\(root.id) dermatome", "description": root.areaClinical],
        ] as [String: Any]
        page["citation"] = root.sources.isEmpty ? nil : root.sources.map(citation)
        page["lastReviewed"] = review.reviewed?.iso
        page["reviewedBy"] = review.reviewer.map { ["@type": "Organization", "name": $0] }
        return encode(page)
    }

    static func website(site: Site) -> String {
        var value: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.config.title,
            "url": site.config.baseURL.absolute(SiteURLs.home),
            "inLanguage": site.config.language,
        ]
        if !site.config.description.isEmpty { value["description"] = site.config.description }
        if !site.config.publisher.isEmpty { value["publisher"] = ["@type": "Organization", "name": site.config.publisher] }
        return encode(value)
    }

    private static func webPage(site: Site, sitePath: String, name: String, description: String) -> [String: Any] {
        var page: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": name,
            "headline": name,
            "url": site.config.baseURL.absolute(sitePath),
            "inLanguage": site.config.language,
            "audience": ["@type": "MedicalAudience", "audienceType": "Patient"],
            "isPartOf": ["@type": "WebSite", "name": site.config.title, "url": site.config.baseURL.absolute(SiteURLs.home)],
        ]
        if !description.isEmpty { page["description"] = description }
        if !site.config.publisher.isEmpty { page["publisher"] = ["@type": "Organization", "name": site.config.publisher] }
        return page
    }

    private static func citation(_ source: Source) -> [String: Any] {
        var value: [String: Any] = ["@type": "CreativeWork", "name": source.title]
        value["author"] = source.authors
        value["publisher"] = source.publisher
        value["datePublished"] = source.year.map(String.init)
        value["url"] = source.url
        return value
    }

    /// Sorted keys keep builds identical; `<`, `>` and `&` are escaped so the JSON can never close
    /// its `<script>` element or open another.
    static func encode(_ value: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]),
              let json = String(data: data, encoding: .utf8) else { return "{}" }
        return json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
