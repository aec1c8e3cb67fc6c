import Synchronization

/// Template values already encoded, by the typed value they came from. Every article page has
/// the same menu and footer (only the current page's link differs, and few pages are linked),
/// and encoding them through Codable was a fifth of encoding a page. Encoding is a function of
/// the value, so which thread encoded it first does not matter.
final class EncodedValues<Value: Equatable & Encodable & Sendable>: Sendable {
    private let seen = Mutex<[(value: Value, encoded: TemplateValue)]>([])
    /// Enough for the menu's and footer's pages and sections; others are encoded each time.
    private static var limit: Int { 32 }

    func encoded(_ value: Value) -> TemplateValue {
        if let found = seen.withLock({ $0.first { $0.value == value }?.encoded }) { return found }
        let encoded = TemplateEncoder.box(value)
        seen.withLock { if $0.count < Self.limit { $0.append((value, encoded)) } }
        return encoded
    }
}
