import Mustache

/// A value as templates read it: what TemplateEncoder makes of typed page values. Typed so the
/// compiled renderer looks names up without a dynamic cast; `mustache` is the same value as
/// swift-mustache reads it, for templates the compiled renderer does not take.
enum TemplateValue: Equatable, Sendable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case object(TemplateObject)
    case list([TemplateValue])
    /// Names made from file names (`style_css`), not from properties.
    case names([String: String])

    var mustache: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .object(let object): object
        case .list(let items): items.map(\.mustache)
        case .names(let names): names
        }
    }

    /// A hand-written context (tests, the fuzzer): dictionaries become objects, arrays lists;
    /// anything else is shown as its description.
    init(any value: Any) {
        switch value {
        case let value as TemplateValue: self = value
        case let text as String: self = .text(text)
        case let flag as Bool: self = .flag(flag)
        case let number as Int: self = .number(number)
        case let object as TemplateObject: self = .object(object)
        case let names as [String: String]: self = .names(names)
        case let values as [String: Any]: self = .object(TemplateObject(values.mapValues(TemplateValue.init(any:))))
        case let items as [Any]: self = .list(items.map(TemplateValue.init(any:)))
        default: self = .text(String(describing: value))
        }
    }

    /// The value a name gives inside this one, if this is an object (or names).
    func child(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let object): object.values[name]
        case .names(let names): names[name].map(TemplateValue.text)
        default: nil
        }
    }
}

/// An encoded struct: its values by name. A final class, because swift-mustache asks every value
/// it looks into which of its protocols it conforms to, and answering that for a plain class is
/// cheaper than for a dictionary.
final class TemplateObject: MustacheParent, Equatable, Sendable {
    let values: [String: TemplateValue]

    static func == (a: TemplateObject, b: TemplateObject) -> Bool { a === b || a.values == b.values }

    init(_ values: [String: TemplateValue]) { self.values = values }

    func child(named name: String) -> Any? { values[name]?.mustache }
}
