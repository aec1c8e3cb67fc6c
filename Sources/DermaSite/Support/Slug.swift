import Foundation

/// URL-safe identifiers for file names, headings and tags.
public enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens. Latin letters with
    /// accents keep their base letter; anything else separates words.
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            guard let ascii = asciiFold(scalar) else {
                pendingHyphen = !out.isEmpty
                continue
            }
            for c in ascii.unicodeScalars {
                let lower = (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32)! : c
                let isAlnum = (lower.value >= 97 && lower.value <= 122) || (lower.value >= 48 && lower.value <= 57)
                if isAlnum {
                    if pendingHyphen { out += "-" }
                    pendingHyphen = false
                    out.unicodeScalars.append(lower)
                } else if c == "'" || c == "\u{2019}" {
                    continue  // "patient's" -> "patients"
                } else {
                    pendingHyphen = !out.isEmpty
                }
            }
        }
        return out
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
