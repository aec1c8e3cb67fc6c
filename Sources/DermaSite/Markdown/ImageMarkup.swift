import CCmarkGFM

/// Images in Markdown as health pages need them: alt text required (or marked decorative), width
/// and height from the file so the page does not jump, smaller WebP copies for phones, lazy
/// loading after the first, and a figure with a caption from the image's title.
struct ImageMarkup {
    struct Found {
        let node: OpaquePointer
        /// As written in the Markdown, for messages.
        let written: String
        /// As published (base path added).
        let url: String
        /// Below Content/, when the image is one of the site's files.
        let file: String?
        let line: Int
        let column: Int
    }

    /// Alt text that marks an image as decoration: written out as `alt=""`.
    static let decorative = "decorative"
    /// The page's text column: a phone shows the image full width, a wider screen at most this.
    static let sizes = "(max-width: 45rem) 100vw, 45rem"

    let images: [String: ImageInfo]
    let baseURL: BaseURL?
    let file: String

    func replace(_ found: [Found], in document: CMarkDocument) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, image) in found.enumerated() {
            let alt = image.node.plainText.trimmingWhitespace()
            if alt.isEmpty {
                diagnostics.append(.error(file, line: image.line, column: image.column,
                    "image '\(image.written)' has no alt text: say what it shows for readers who cannot see it, as in ![Numb area on the top of the foot](\(image.written)), or write ![\(Self.decorative)](\(image.written)) if it is only decoration"))
            }
            let title = cmark_node_get_title(image.node).map { String(cString: $0) }?.trimmingWhitespace() ?? ""
            let html = markup(image, alt: alt.lowercased() == Self.decorative ? "" : alt, eager: index == 0)
            // An image alone in its paragraph, with a title, is a figure and the title its caption.
            if !title.isEmpty, let paragraph = image.node.parent, paragraph.type == CMARK_NODE_PARAGRAPH,
               cmark_node_first_child(paragraph) == image.node, cmark_node_last_child(paragraph) == image.node {
                document.replace(paragraph, withHTML: "<figure class=\"figure\">\n\(html)\n<figcaption>\(Escape.html(title))</figcaption>\n</figure>\n")
            } else {
                document.replace(image.node, withHTML: html, inline: true)
            }
        }
        return diagnostics
    }

    /// Schemes that run code or smuggle a page in: dropped as cmark-gfm's own renderer drops them.
    static func isSafe(_ url: String) -> Bool {
        let scheme = url.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
            .filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
        return !url.contains(":") || !["javascript", "vbscript", "file", "data"].contains(scheme)
    }

    private func markup(_ image: Found, alt: String, eager: Bool) -> String {
        let src = Self.isSafe(image.url) ? image.url : ""
        var img = "<img src=\"\(Escape.html(src))\" alt=\"\(Escape.html(alt))\""
        let info = image.file.flatMap { images[$0] }
        if let info { img += " width=\"\(info.width)\" height=\"\(info.height)\"" }
        // The first image may be on the first screen; later ones load as the reader nears them.
        img += eager ? " decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">"
        guard let info, let file = image.file, let baseURL else { return img }
        // A space or comma in an address would split a srcset entry: they are percent-encoded.
        let srcset = info.variants(of: file).map { variant in
            let address = baseURL.sitePath(variant.path).replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: ",", with: "%2C")
            return "\(Escape.html(address)) \(variant.width)w"
        }.joined(separator: ", ")
        return "<picture><source type=\"image/webp\" srcset=\"\(srcset)\" sizes=\"\(Self.sizes)\">\(img)</picture>"
    }
}

import Foundation
