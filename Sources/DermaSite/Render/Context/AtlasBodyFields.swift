/// The place pages' values written by hand (see TemplateFields): Codable's encoding of them was
/// 1.3 % of a bundled build. TemplateFieldsTests compares the two on every bundled page.
extension PlaceBody: TemplateFieldsWriting {
    var fieldsWriter: TemplateFieldsWriting? { self }

    func write(to fields: inout TemplateFields) {
        fields.set("place", place.templateValue)
        fields.set("agreement", agreement)
        fields.set("variants", variants)
        fields.set("roots", roots)
        fields.set("has_roots", hasRoots)
        fields.set("map", map)
        fields.set("urgent", urgent)
        fields.set("places_url", placesURL)
        fields.set("red_flags", redFlags)
        fields.set("full_card_on_top", fullCardOnTop)
        fields.set("see_also", seeAlso)
        fields.set("has_see_also", hasSeeAlso)
        fields.set("is_medical", isMedical)
        fields.set("review", review.templateValue)
    }
}

extension PlaceBody.PlaceValues: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("name", name)
        fields.set("clinical", clinical)
        fields.set("group", group)
    }
}

extension PlaceBody.Variant: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("name", name)
        fields.set("says", says)
        fields.set("claims", claims)
        fields.set("has_claims", hasClaims)
    }
}

extension PlaceBody.Claim: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("root", root)
        fields.set("confirmed", confirmed)
        fields.set("root_url", has: "has_root_url", rootURL)
        fields.set("passage", has: "has_passage", passage)
        fields.set("source", has: "has_source", source)
        fields.set("unconfirmed", has: "has_unconfirmed", unconfirmed)
    }
}

extension RootLink: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("id", id)
        fields.set("area", area)
        fields.set("url", url)
    }
}

extension SeeAlsoLink: TemplateFieldsWriting {
    func write(to fields: inout TemplateFields) {
        fields.set("text", text)
        fields.set("url", url)
    }
}
