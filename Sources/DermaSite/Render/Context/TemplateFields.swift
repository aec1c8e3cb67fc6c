/// Values that write what templates read of them by hand, on the pages' hot path: encoding
/// through Codable cost as much as rendering a page. Each gives exactly what TemplateEncoder's
/// Codable encoding gives (snake_case names, `has_x` for each optional `x`); TemplateFieldsTests
/// compares the two on every bundled page.
protocol TemplateFieldsWriting {
    func write(to fields: inout TemplateFields)
}

extension TemplateFieldsWriting {
    var templateValue: TemplateValue {
        var fields = TemplateFields()
        write(to: &fields)
        return fields.finished()
    }
}

/// One object's values as TemplateEncoder.Object builds them.
struct TemplateFields {
    private var values: [String: TemplateValue] = [:]
    private var flags: [(name: String, present: Bool)] = []

    init() { values.reserveCapacity(24) }

    mutating func set(_ name: String, _ value: String) { values[name] = .text(value) }
    mutating func set(_ name: String, _ value: Bool) { values[name] = .flag(value) }
    mutating func set(_ name: String, _ value: TemplateValue) { values[name] = value }
    mutating func set<Item: TemplateFieldsWriting>(_ name: String, _ items: [Item]) {
        values[name] = .list(items.map(\.templateValue))
    }

    /// An optional text: `""` when missing, and `has_<name>` false when missing or empty.
    mutating func set(_ name: String, has: String, _ value: String?) {
        values[name] = .text(value ?? "")
        flags.append((has, !(value ?? "").isEmpty))
    }

    /// Any other optional: `false` when missing, and `has_<name>`.
    mutating func set<Value: TemplateFieldsWriting>(_ name: String, has: String, _ value: Value?) {
        set(name, has: has, value: value?.templateValue)
    }

    /// An optional number or flag: Codable's own encodeIfPresent, which TemplateEncoder does
    /// not override for these, writes nothing when it is missing, and no `has_` flag.
    mutating func setIfPresent(_ name: String, _ value: TemplateValue?) {
        if let value { values[name] = value }
    }

    mutating func set(_ name: String, has: String, value: TemplateValue?) {
        values[name] = value ?? .flag(false)
        flags.append((has, value != nil))
    }

    /// The object, each `has_x` added where the type did not set it itself.
    func finished() -> TemplateValue {
        var values = values
        for flag in flags where values[flag.name] == nil { values[flag.name] = .flag(flag.present) }
        return .object(TemplateObject(values))
    }
}

extension PageBody {
    /// The body's values written by hand, for the kinds of page that do (the rest are encoded
    /// by Codable). A requirement, not a cast: a failed cast to a protocol scans every
    /// conformance in the program the first time for each type.
    var fieldsWriter: TemplateFieldsWriting? { nil }
}

/// A page's values as PageRenderer gives them, for tests and `--explain`.
protocol PageValuesEncoding {
    var templateValues: [String: TemplateValue] { get }
}

extension PageValues: PageValuesEncoding {
    var templateValues: [String: TemplateValue] { TemplateEncoder.values(self, site: TemplateEncoder.box(site)) }
}

extension Page {
    /// The `page` object, head and body in one, when the body writes its own values.
    var handWritten: TemplateValue? {
        guard let body = body.fieldsWriter else { return nil }
        var fields = TemplateFields()
        head.write(to: &fields)
        body.write(to: &fields)
        return fields.finished()
    }
}

extension PageHead: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("kind", kind)
        fields.set("title", title)
        fields.set("description", description)
        fields.set("url", url)
        fields.set("canonical", canonical)
        fields.set("head_title", headTitle)
        fields.set("json_ld", jsonLD)
        fields.set("has_json_ld", hasJsonLD)
        fields.set("og_type", ogType)
        fields.set("is_draft", isDraft)
    }
}

extension ArticleBody: TemplateFieldsWriting {
    var fieldsWriter: TemplateFieldsWriting? { self }

    func write(to fields: inout TemplateFields) {
        fields.set("content", content)
        fields.set("toc", toc)
        fields.set("has_toc", hasToc)
        fields.set("tags", tags)
        fields.set("has_tags", hasTags)
        fields.set("sources", sources)
        fields.set("has_sources", hasSources)
        fields.set("has_description", hasDescription)
        fields.set("date_iso", has: "has_date_iso", dateISO)
        fields.set("date_long", has: "has_date_long", dateLong)
        fields.set("updated_iso", has: "has_updated_iso", updatedISO)
        fields.set("updated_long", has: "has_updated_long", updatedLong)
        fields.set("is_medical", isMedical)
        fields.set("review", has: "has_review", review)
    }
}

extension ArticleBody.TocEntry: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("id", id)
        fields.set("text", text)
        fields.set("subs", subs)
        fields.set("has_subs", hasSubs)
    }
}

extension ArticleBody.TocEntry.Sub: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("id", id)
        fields.set("text", text)
    }
}

extension TagLink: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("name", name)
        fields.set("url", url)
    }
}

extension SourceValues: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("title", title)
        fields.set("authors", has: "has_authors", authors)
        fields.set("publisher", has: "has_publisher", publisher)
        fields.set("year", has: "has_year", year)
        fields.set("url", has: "has_url", url)
        fields.set("doi", has: "has_doi", doi)
        fields.set("checked_long", has: "has_checked_long", checkedLong)
        fields.set("checked_iso", has: "has_checked_iso", checkedISO)
    }
}

extension ReviewValues: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("is_reviewed", isReviewed)
        fields.set("is_changed", isChanged)
        fields.set("is_unreviewed", isUnreviewed)
        fields.set("reviewer", has: "has_reviewer", reviewer)
        fields.set("role", has: "has_role", role)
        fields.set("reviewed_iso", has: "has_reviewed_iso", reviewedISO)
        fields.set("reviewed_long", has: "has_reviewed_long", reviewedLong)
        fields.set("next_review_iso", has: "has_next_review_iso", nextReviewISO)
        fields.set("next_review_long", has: "has_next_review_long", nextReviewLong)
    }
}

extension ListItem: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("title", title)
        fields.set("url", url)
        fields.set("description", has: "has_description", description)
        fields.set("date_iso", has: "has_date_iso", dateISO)
        fields.set("date_long", has: "has_date_long", dateLong)
        fields.set("is_draft", isDraft)
    }
}

extension ListBody: TemplateFieldsWriting {
    var fieldsWriter: TemplateFieldsWriting? { self }

    func write(to fields: inout TemplateFields) {
        fields.set("items", items)
        fields.set("pagination", pagination.templateValue)
    }
}

extension Pagination: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("has_pages", hasPages)
        fields.set("current", .number(current))
        fields.set("total", .number(total))
        fields.set("has_prev", hasPrev)
        fields.set("has_next", hasNext)
        fields.set("prev_url", has: "has_prev_url", prevURL)
        fields.set("next_url", has: "has_next_url", nextURL)
        fields.set("pages", pages)
    }
}

extension Pagination.Link: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.setIfPresent("number", number.map { .number($0) })
        fields.set("url", has: "has_url", url)
        fields.setIfPresent("is_current", isCurrent.map { .flag($0) })
        fields.set("is_gap", isGap)
    }
}
