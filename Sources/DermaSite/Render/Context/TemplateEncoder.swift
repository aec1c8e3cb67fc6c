/// The one place typed page values become what Mustache reads. A struct becomes a dictionary
/// keyed by its property names in snake_case (`headTitle` is `head_title`), a list an array.
///
/// Mustache looks a missing key up in the enclosing contexts (a source without `url` would show
/// the page's `url`) and treats an empty text as true. So an optional is always set: a missing
/// text is `""`, any other missing value `false`, and each optional `x` also gives `has_x` (false
/// for a missing or empty text) unless the type sets `has_x` itself.
enum TemplateEncoder {
    static func values<T: Encodable>(_ value: T) -> [String: TemplateValue] {
        guard case .object(let object) = box(value) else { return [:] }
        return object.values
    }

    /// A page's values with `site` already encoded (it is the same on every page). The names
    /// are PageValues' own; TemplateEncoderTests checks this gives what `values(_:)` gives.
    static func values<Body>(_ page: PageValues<Body>, site: TemplateValue) -> [String: TemplateValue] {
        values(page, site: site, menu: box(page.menu), footer: box(page.footer))
    }

    /// The same with the menu and footer encoded already (PageRenderer keeps those it has seen).
    static func values<Body>(_ page: PageValues<Body>, site: TemplateValue, menu: TemplateValue,
                             footer: TemplateValue) -> [String: TemplateValue] {
        ["site": site, "assets": .names(page.assets), "menu": menu, "footer": footer, "page": page.page.handWritten ?? box(page.page)]
    }

    static func box<T: Encodable>(_ value: T) -> TemplateValue {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .number(number)
        // Names made from file names (`style_css`), not from properties: kept as they are.
        case let names as [String: String]: return .names(names)
        default:
            let encoder = Encoding()
            do { try value.encode(to: encoder) } catch { return .text("") }
            return encoder.result
        }
    }

    /// `headTitle` → `head_title`, `jsonLD` → `json_ld`.
    static func snakeCase(_ name: String) -> String {
        guard name.utf8.contains(where: isUpper) else { return name }
        let bytes = Array(name.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        for (index, byte) in bytes.enumerated() {
            if isUpper(byte) {
                let previous = index > 0 ? bytes[index - 1] : nil
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                let wordStart = previous.map { !isUpper($0) && $0 != 95 } ?? false
                let acronymEnd = previous.map(isUpper) == true && next.map { !isUpper($0) && $0 != 95 } == true
                if index > 0, wordStart || acronymEnd { out.append(95) }
                out.append(byte + 32)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }

    /// A struct's values, and the `has_x` flag of each optional `x`: flags are added when the
    /// object is finished, only where the type did not set `has_x` itself.
    final class Object {
        var values: [String: TemplateValue] = [:]
        private var flags: [(name: String, present: Bool)] = []

        func set(_ key: String, _ value: TemplateValue) { values[key] = value }

        func optional(_ key: String, _ value: TemplateValue, present: Bool) {
            values[key] = value
            flags.append(("has_" + key, present))
        }

        func finished() -> [String: TemplateValue] {
            for flag in flags where values[flag.name] == nil { values[flag.name] = .flag(flag.present) }
            flags.removeAll()
            return values
        }
    }

    final class List {
        var values: [TemplateValue] = []
    }

    final class Encoding: Encoder {
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]
        private var object: Object?
        private var list: List?
        var single: TemplateValue = .object(TemplateObject([:]))

        var result: TemplateValue {
            object.map { .object(TemplateObject($0.finished())) } ?? list.map { .list($0.values) } ?? single
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            // A page encodes its common head and its kind's values into one object.
            let target = object ?? Object()
            object = target
            return KeyedEncodingContainer(Keyed<Key>(object: target))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let target = list ?? List()
            list = target
            return Unkeyed(list: target)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: Object
        var codingPath: [any CodingKey] { [] }

        private func name(_ key: Key) -> String { TemplateEncoder.snakeCase(key.stringValue) }

        mutating func encodeNil(forKey key: Key) { object.optional(name(key), .flag(false), present: false) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { object.set(name(key), TemplateEncoder.box(value)) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) {
            object.optional(name(key), .text(value ?? ""), present: !(value ?? "").isEmpty)
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
            if let value { object.optional(name(key), TemplateEncoder.box(value), present: true) } else { encodeNil(forKey: key) }
        }

        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
            preconditionFailure("template values do not use nested containers")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("template values do not use nested containers")
        }
        mutating func superEncoder() -> any Encoder { preconditionFailure("template values do not use super encoders") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("template values do not use super encoders") }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let list: List
        var codingPath: [any CodingKey] { [] }
        var count: Int { list.values.count }

        mutating func encodeNil() { list.values.append(.flag(false)) }
        mutating func encode<T: Encodable>(_ value: T) { list.values.append(TemplateEncoder.box(value)) }
        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedEncodingContainer<Nested> {
            preconditionFailure("template values do not use nested containers")
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("template values do not use nested containers")
        }
        mutating func superEncoder() -> any Encoder { preconditionFailure("template values do not use super encoders") }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: Encoding
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { encoder.single = .flag(false) }
        mutating func encode<T: Encodable>(_ value: T) { encoder.single = TemplateEncoder.box(value) }
    }
}
