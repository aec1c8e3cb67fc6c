import DermaSite
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Answers requests from the site store as a static web server would. Hummingbird's FileMiddleware
/// serves the files (validators, 304s, ranges, HEAD); around it is what a static host adds: the
/// slashed address for a folder, the site's own 404 page with status 404, no directory listings,
/// and no path that climbs out of the site (`..`, also percent-encoded, is refused).
struct StaticResponder: Sendable {
    let store: SiteStore
    private let files: FileMiddleware<BasicRequestContext, StoreFileProvider>

    init(store: SiteStore) {
        self.store = store
        files = FileMiddleware(fileProvider: StoreFileProvider(store: store),
                               urlBasePath: store.basePath == "/" ? nil : store.basePath)
    }

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Method not allowed\n", extra: [.allow: "GET, HEAD"])
        }
        let (rawPath, query) = Self.split(request.head.path ?? "/")
        guard rawPath.hasPrefix("/") else { return plain(.badRequest, "Bad request\n") }
        guard let segments = Self.decode(rawPath) else { return plain(.forbidden, "Forbidden\n") }
        // Repeated slashes collapse, by a redirect: `//articles/x` must never reach a Location
        // header, where it would be a link to the host "articles".
        if rawPath.contains("//") { return redirect(Self.collapsed(rawPath) + query) }
        let decoded = "/" + segments.joined(separator: "/")
        guard decoded.hasPrefix(store.basePath) else {
            if decoded == "/" || decoded + "/" == store.basePath { return redirect(store.basePath) }
            return notFound(request)
        }
        let inner = StoreFileProvider.filePath(String(decoded.dropFirst(store.basePath.count)))
        var response: Response
        do {
            response = try await files.handle(request, context: context) { _, _ in throw HTTPError(.notFound) }
        } catch let error as HTTPError where error.status == .notFound {
            // A folder asked for without its slash: the slashed address, so the page's relative
            // links resolve as they will when published.
            if store.file(inner + "/index.html") != nil { return redirect(rawPath + "/" + query) }
            return notFound(request)
        }
        // By the file's own name: FileMiddleware sees only the address, which for a folder has none.
        response.headers[.contentType] = MediaType.of(inner)
        response.headers[.xContentTypeOptions] = "nosniff"
        // The preview changes under the browser: it must ask again every time.
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    /// Path segments, percent-decoded; nil when any is `.` or `..`, holds a slash, a backslash or
    /// a NUL once decoded, or is not valid UTF-8.
    static func decode(_ path: String) -> [String]? {
        var segments: [String] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, part) in parts.enumerated() {
            guard let segment = String(part).removingPercentEncoding else { return nil }
            if segment == "." || segment == ".." { return nil }
            if segment.contains("/") || segment.contains("\\") || segment.contains("\0") { return nil }
            if segment.isEmpty && index != parts.count - 1 { continue }  // `//` collapses
            segments.append(segment)
        }
        return segments
    }

    static func collapsed(_ path: String) -> String {
        var path = path
        while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
        return path
    }

    /// Path and `?query` (empty when none), without a fragment.
    static func split(_ target: String) -> (String, String) {
        let noFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        guard let mark = noFragment.firstIndex(of: "?") else { return (noFragment, "") }
        return (String(noFragment[..<mark]), String(noFragment[mark...]))
    }

    private func notFound(_ request: Request) -> Response {
        if let page = store.file("404.html") { return page404(page.bytes, status: .notFound, request) }
        if store.fileCount == 0 {
            // The first build failed: a page that carries the live-reload script, so the browser
            // shows the errors and loads the site by itself once a save fixes them.
            let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title>"
                + store.pageInjection + "</head><body><h1>The site has not been built yet</h1>"
                + "<p>The first build failed. Fix the problems dermasite lists, save, and this page reloads.</p></body></html>"
            return page404(Array(page.utf8), status: .serviceUnavailable, request)
        }
        return plain(.notFound, "Not found\n")
    }

    private func page404(_ body: [UInt8], status: HTTPResponse.Status, _ request: Request) -> Response {
        let headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .contentLength: String(body.count),
                                   .cacheControl: "no-store", .xContentTypeOptions: "nosniff"]
        return Response(status: status, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: request.method == .head ? [] : body)))
    }

    private func redirect(_ location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location, .contentLength: "0", .cacheControl: "no-cache"])
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count)]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
