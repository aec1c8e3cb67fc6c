/// Plain-language definitions the articles can point at with `[word](glossary:id)`.
public struct Glossary: Sendable {
    public struct Term: Sendable, Equatable {
        public var id: String
        public var term: String
        public var definition: String
        public var position: SourcePosition
    }

    public var terms: [Term]

    public init(terms: [Term]) { self.terms = terms }

    public func term(_ id: String) -> Term? { terms.first { $0.id == id } }
}

/// The urgent warning signs (cauda equina syndrome): one card that every page needing it shows.
/// Texts may say `{call}`, `{go_to}` and `{urgent_line}`: the numbers and services come from
/// site.yml's `emergency:` settings.
public struct RedFlags: Sendable, Equatable {
    public var title: String
    public var intro: String
    public var signs: [String]
    public var advice: String
    public var why: String
    /// The signs in one short sentence, for the emergency box on every page.
    public var summary: String
    /// Other emergencies a reader with these symptoms can have, each with how fast to act.
    public var others: [OtherEmergency]
    public var sources: [Source]

    public init(title: String, intro: String, signs: [String], advice: String, why: String, summary: String = "",
                others: [OtherEmergency] = [], sources: [Source]) {
        self.title = title
        self.intro = intro
        self.signs = signs
        self.advice = advice
        self.why = why
        self.summary = summary
        self.others = others
        self.sources = sources
    }

    /// The same texts with the site's numbers and services in place of the placeholders.
    public func filled(with emergency: EmergencySettings) -> RedFlags {
        var out = self
        out.title = emergency.fill(title)
        out.intro = emergency.fill(intro)
        out.signs = signs.map(emergency.fill)
        out.advice = emergency.fill(advice)
        out.why = emergency.fill(why)
        out.summary = emergency.fill(summary)
        out.others = others.map { OtherEmergency(level: $0.level, name: $0.name, text: emergency.fill($0.text)) }
        return out
    }
}

/// How fast to act, in the three levels of NHS care cards. Each has its own heading words, so
/// colour is never the only cue.
public enum CareLevel: String, Sendable, CaseIterable {
    case emergency, urgent, nonUrgent = "non-urgent"

    /// The words that open a card of this level.
    public var heading: String {
        switch self {
        case .emergency: "Emergency: act now"
        case .urgent: "Urgent: get help today"
        case .nonUrgent: "Not urgent: see a doctor or physiotherapist"
        }
    }

    public var tag: String {
        switch self {
        case .emergency: "Emergency"
        case .urgent: "Urgent"
        case .nonUrgent: "Not urgent"
        }
    }
}

public struct OtherEmergency: Sendable, Equatable {
    public var level: CareLevel
    /// "A stroke", "Spinal cord compression".
    public var name: String
    public var text: String

    public init(level: CareLevel, name: String, text: String) {
        self.level = level
        self.name = name
        self.text = text
    }
}
