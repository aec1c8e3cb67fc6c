/// WCAG 2 contrast between two `#RRGGBB` colours, for checking a theme colour before it is used.
public enum Contrast {
    public static func isHexColour(_ text: String) -> Bool {
        text.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// 1 (the same) to 21 (black on white).
    public static func ratio(_ a: String, _ b: String) -> Double? {
        guard let x = luminance(a), let y = luminance(b) else { return nil }
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static func luminance(_ hex: String) -> Double? {
        guard isHexColour(hex), let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : Double.pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
}

private extension Double {
    static func pow(_ base: Double, _ exponent: Double) -> Double { Foundation.pow(base, exponent) }
}

import Foundation
