/// The values of the pages made from the dermatome data set: the map index, a page per root, the
/// worksheet, the list of places and a page per place.
struct AtlasBody: PageBody {
    var maps: [Map]
    var saddle: String
    var redFlags: String
    var table: String
    var charts: [ChartLink]
    var worksheetURL: String
    var roots: [RootLink]
    var sources: [SourceValues]
    var hasSources: Bool
    var isMedical = true
    var review: ReviewValues

    /// One map of the atlas page, with what it follows; the first is shown when nothing is chosen.
    struct Map: Equatable, Encodable, Sendable {
        var id: String
        var name: String
        var about: String
        var checked: Bool
        var map: String
    }
}

struct RootBody: PageBody {
    var placesByMap: [MapPlaces]
    var placesURL: String
    var root: RootValues
    var map: String
    var sources: [SourceValues]
    var hasSources: Bool
    var neighbours: [RootLink]
    var charts: [ChartLink]
    var hasRedFlags: Bool
    var fullCardOnTop: Bool
    var seeAlso: [SeeAlsoLink]
    var hasSeeAlso: Bool
    var redFlags: String
    var isMedical = true
    var review: ReviewValues
    var hasPrevious: Bool
    var previous: RootLink?
    var hasNext: Bool
    var next: RootLink?

    /// The places a map variant gives this root; `unsettled` where a claim could not be confirmed.
    struct MapPlaces: Equatable, Encodable, Sendable {
        var name: String
        var places: [Place]
        var hasPlaces: Bool

        struct Place: Equatable, Encodable, Sendable {
            var name: String
            var url: String
            var unsettled: Bool
        }
    }

    struct RootValues: Equatable, Encodable, Sendable {
        var id: String
        var name: String
        var segment: String
        var areaPlain: String
        var areaClinical: String
        var summary: String
        var keyPoint: String
        var test: String
        var symptoms: [String]
        var urgent: Bool
        var colour: String
        var keyMuscle: String?
        var reflex: String?
        var discLevels: String?
        var compression: String?
    }
}

struct WorksheetBody: PageBody {
    var rows: [Row]
    var isMedical = true
    var review: ReviewValues

    struct Row: Equatable, Encodable, Sendable {
        var id: String
        /// The plain part of the key point, before its clinical wording in brackets.
        var keyPoint: String
        var keyMuscle: String?
    }
}

struct PlacesBody: PageBody {
    var locator: String
    var groups: [PlaceGroup]
    var redFlags: String
    var fullCardOnTop: Bool
    var isMedical = true
    var review: ReviewValues
}

struct PlaceBody: PageBody {
    var place: PlaceValues
    var agreement: String
    var variants: [Variant]
    var roots: [RootLink]
    var hasRoots: Bool
    var map: String
    var urgent: Bool
    var placesURL: String
    var redFlags: String
    var fullCardOnTop: Bool
    var seeAlso: [SeeAlsoLink]
    var hasSeeAlso: Bool
    var isMedical = true
    var review: ReviewValues

    struct PlaceValues: Equatable, Encodable, Sendable {
        var name: String
        var clinical: String
        var group: String
    }

    /// What one map variant says of the place, claim by claim.
    struct Variant: Equatable, Encodable, Sendable {
        var name: String
        var says: String
        var claims: [Claim]
        var hasClaims: Bool
    }

    struct Claim: Equatable, Encodable, Sendable {
        var root: String
        var confirmed: Bool
        var rootURL: String?
        var passage: String?
        var source: String?
        var unconfirmed: String?
    }
}

struct RootLink: Equatable, Encodable, Sendable {
    var id: String
    var area: String
    var url: String
}

struct ChartLink: Equatable, Encodable, Sendable {
    var title: String
    var url: String
    var last: Bool
}

struct SeeAlsoLink: Equatable, Encodable, Sendable {
    var text: String
    var url: String
}
