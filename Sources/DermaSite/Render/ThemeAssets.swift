/// The theme colour of site.yml applied to the theme's assets: a small stylesheet that sets the
/// colour variables, and the icon drawn in the colour instead of the default blue.
enum ThemeAssets {
    /// The colour the bundled stylesheet and icon are drawn in; SVG assets using it take the theme's.
    static let defaultColour = "#005eb8"
    static let stylesheet = "assets/theme.css"

    static func apply(_ theme: ThemeSettings, to assets: [ThemeAsset]) -> [ThemeAsset] {
        guard theme.colour != nil || theme.darkColour != nil else { return assets }
        var out = assets.map { asset -> ThemeAsset in
            guard let colour = theme.colour, asset.sourcePath.hasSuffix(".svg"),
                  let text = String(validating: asset.bytes, as: UTF8.self) else { return asset }
            let recoloured = text.replacingOccurrences(of: defaultColour, with: colour.lowercased(), options: .caseInsensitive)
            return ThemeAsset(sourcePath: asset.sourcePath, bytes: Array(recoloured.utf8))
        }
        var css = "/* Made from the theme in Content/site.yml. */\n"
        // Links take the colour on light pages only; dark pages keep their light link colour.
        if let colour = theme.colour {
            css += ":root { --brand: \(colour); }\n@media (prefers-color-scheme: light) { :root { --link: \(colour); } }\n"
        }
        if let dark = theme.darkColour { css += "@media (prefers-color-scheme: dark) { :root { --brand: \(dark); } }\n" }
        out.append(ThemeAsset(sourcePath: stylesheet, bytes: Array(css.utf8)))
        return out
    }
}

import Foundation
