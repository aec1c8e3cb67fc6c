import CImageCodec

/// libvips through the small C wrapper: image sizes, and smaller WebP copies.
enum ImageCodec {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// As shown: an EXIF rotation of a quarter turn swaps width and height.
    static func size(of bytes: [UInt8]) throws -> (width: Int, height: Int, hasGPS: Bool) {
        var width: Int32 = 0, height: Int32 = 0, gps: Int32 = 0
        let status = bytes.withUnsafeBytes { dermasite_image_size($0.baseAddress, $0.count, &width, &height, &gps) }
        guard status == 0 else { throw Failure(description: lastError()) }
        return (Int(width), Int(height), gps != 0)
    }

    /// Scaled down to `width` pixels wide (never up), metadata dropped, as WebP.
    static func webp(_ bytes: [UInt8], width: Int, quality: Int) throws -> [UInt8] {
        var out: UnsafeMutableRawPointer?
        var length = 0
        let status = bytes.withUnsafeBytes { dermasite_image_webp($0.baseAddress, $0.count, Int32(width), Int32(quality), &out, &length) }
        guard status == 0, let out else { throw Failure(description: lastError()) }
        defer { dermasite_image_free(out) }
        return Array(UnsafeRawBufferPointer(start: out, count: length))
    }

    private static func lastError() -> String {
        String(cString: dermasite_image_error()).trimmingWhitespace().split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}
