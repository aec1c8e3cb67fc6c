import Foundation

/// URL-safe identifiers for file names, headings and tags.
public enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens. Latin letters with
    /// accents keep their base letter; anything else separates words.
    public static func make(_ text: String) -> String {
        // Written as bytes: most text is ASCII, and making a String of each scalar to fold it was
        // most of making a heading's id.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func add(_ c: UInt8) {
            let lower = c >= 65 && c <= 90 ? c + 32 : c
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                if pendingHyphen { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(lower)
            } else if c != UInt8(ascii: "'") {  // "patient's" -> "patients"
                pendingHyphen = !out.isEmpty
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                add(UInt8(scalar.value))
            } else if let ascii = asciiFold(scalar) {
                for c in ascii.utf8 { add(c) }
            } else {
                pendingHyphen = !out.isEmpty
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func asciiFold(_ scalar: Unicode.Scalar) -> String? {
        if scalar.isASCII { return String(scalar) }
        if scalar == "\u{2019}" { return "'" }
        // Decompose (é -> e + ́) and keep the ASCII base letter, if any.
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
        let base = decomposed.unicodeScalars.filter { $0.isASCII }
        if base.isEmpty {
            switch scalar {
            case "ß": return "ss"
            case "æ", "Æ": return "ae"
            case "ø", "Ø": return "o"
            case "œ", "Œ": return "oe"
            default: return nil
            }
        }
        return String(String.UnicodeScalarView(base))
    }
}

/// Hands out unique slugs: the first `intro` stays `intro`, then `intro-1`, `intro-2`.
public struct SlugAllocator: Sendable {
    private var used: Set<String>
    /// The next number to try for each base: 20,000 headings with the same text stay linear.
    private var nextNumber: [String: Int] = [:]
    private let reservedPrefixes: [String]

    public init(reserved: Set<String> = [], reservedPrefixes: [String] = []) {
        used = reserved
        self.reservedPrefixes = reservedPrefixes
    }

    public mutating func allocate(_ text: String, fallback: String = "section") -> String {
        var base = Slug.make(text)
        if base.isEmpty { base = fallback }
        if reservedPrefixes.contains(where: { base.hasPrefix($0) }) { base = "\(fallback)-\(base)" }
        var candidate = base
        var n = nextNumber[base] ?? 1
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        nextNumber[base] = n
        used.insert(candidate)
        return candidate
    }
}
