import Foundation
import Hummingbird
import NIOCore

/// The site store as Hummingbird's FileMiddleware reads files, so the framework does validators,
/// 304s, ranges and HEAD. A file's identifier is the file itself: a rebuild between the size being
/// read and the body being sent cannot make the two disagree.
struct StoreFileProvider: FileProvider {
    struct Attributes: FileMiddlewareFileAttributes {
        var isFolder: Bool { false }
        var size: Int
        var modificationDate: Date
    }

    let store: SiteStore

    /// `path` is below the base path and percent-decoded; a folder's address means its index.html.
    func getFileIdentifier(_ path: String) -> SiteStore.File? {
        store.file(Self.filePath(path))
    }

    func getAttributes(id: SiteStore.File) async throws -> Attributes? {
        Attributes(size: id.bytes.count, modificationDate: id.modified)
    }

    func loadFile(id: SiteStore.File, context: some RequestContext) async throws -> ResponseBody {
        ResponseBody(byteBuffer: ByteBuffer(bytes: id.bytes))
    }

    func loadFile(id: SiteStore.File, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        let upper = min(range.upperBound, id.bytes.count - 1)
        guard range.lowerBound <= upper else { return ResponseBody() }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: id.bytes[range.lowerBound...upper]))
    }

    /// The store's key for a request path below the base: `/` and `/a/` are folders' index pages.
    static func filePath(_ path: String) -> String {
        var inner = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if inner.isEmpty || inner.hasSuffix("/") { inner += "index.html" }
        return inner
    }
}
