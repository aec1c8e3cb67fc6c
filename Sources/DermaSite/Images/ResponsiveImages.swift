/// What the build knows of one photo or drawing in Content/: its size, for `width` and `height`
/// (so the page does not jump as it loads), and the widths of the smaller WebP copies a phone
/// loads instead of the original.
public struct ImageInfo: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Bytes of the file as given.
    public var bytes: Int
    /// Of the file's bytes: in the copies' names, so a changed image gets new addresses.
    public var hash: String
    /// Widths of the WebP copies, smallest first.
    public var variantWidths: [Int]
    /// The file's metadata says where it was taken: the copies drop it, the original keeps it.
    public var hasGPS = false

    /// `images/leg.jpg` -> `images/leg-jpg.3f2a9c1d0b4e-480.webp`: the extension is kept, so
    /// `leg.jpg` and `leg.png` with the same bytes do not share a copy's name.
    public static func variantPath(_ file: String, hash: String, width: Int) -> String {
        let (stem, ext) = FilePath.splitExtension(file)
        return "\(stem)-\(ext).\(hash)-\(width).webp"
    }

    public func variants(of file: String) -> [(width: Int, path: String)] {
        variantWidths.map { ($0, Self.variantPath(file, hash: hash, width: $0)) }
    }
}

public enum ResponsiveImages {
    /// Files libvips turns into WebP copies; SVG and others are copied as they are.
    public static let extensions: Set<String> = ["jpg", "jpeg", "png", "webp"]
    /// A phone, a tablet or a laptop column, a large screen; never wider than the original.
    static let widths = [480, 960, 1600]
    /// Wider than any screen a page shows a photo on.
    static let largest = 2400
    static let quality = 75

    public static func isResizable(_ file: String) -> Bool {
        extensions.contains(FilePath.splitExtension(file).ext.lowercased())
    }

    /// Reads the image's header: its size and the copies it gets.
    public static func info(bytes: [UInt8]) throws -> ImageInfo {
        let (width, height, hasGPS) = try ImageCodec.size(of: bytes)
        let copies = widths.filter { $0 < width } + [min(width, largest)]
        return ImageInfo(width: width, height: height, bytes: bytes.count, hash: String(ContentHash.hex(bytes).prefix(12)),
                         variantWidths: Array(Set(copies)).sorted(), hasGPS: hasGPS)
    }

    /// One WebP copy of the image.
    public static func copy(of bytes: [UInt8], width: Int) throws -> [UInt8] {
        try ImageCodec.webp(bytes, width: width, quality: quality)
    }

    /// A whole WebP file: its RIFF header gives its own length, so a cut-off file is caught.
    static func isWholeWebP(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 12, Array(bytes[0..<4]) == Array("RIFF".utf8), Array(bytes[8..<12]) == Array("WEBP".utf8) else { return false }
        let size = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
        return size + 8 == bytes.count
    }
}
