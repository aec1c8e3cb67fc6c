import DermaSite
import Foundation

/// A request as the file responder needs it, free of the HTTP library.
public struct PreviewRequest: Sendable {
    public var method: String
    /// The request target as sent: path and query, still percent-encoded.
    public var target: String
    /// Header names in lower case.
    public var headers: [String: String]

    public init(method: String, target: String, headers: [String: String] = [:]) {
        self.method = method
        self.target = target
        self.headers = headers
    }
}

public struct PreviewResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// Answers requests from the site store as a static web server would: `index.html` for folders,
/// the site's own 404 page with status 404, validators and 304s, HEAD; no directory listings, and
/// no path that climbs out of the site (`..`, also percent-encoded, is refused).
public struct StaticResponder: Sendable {
    public let store: SiteStore
    /// Added to every HTML page served, before `</head>`: the live-reload script.
    public let injection: String

    public init(store: SiteStore, injection: String) {
        self.store = store
        self.injection = injection
    }

    public func respond(to request: PreviewRequest) -> PreviewResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return plain(405, "Method not allowed\n", extra: [("Allow", "GET, HEAD")])
        }
        let (rawPath, query) = split(request.target)
        guard rawPath.hasPrefix("/") else { return plain(400, "Bad request\n") }
        guard let segments = Self.decode(rawPath) else { return plain(403, "Forbidden\n") }
        let decoded = "/" + segments.joined(separator: "/")
        guard decoded.hasPrefix(store.basePath) else {
            if decoded == "/" || decoded + "/" == store.basePath { return redirect(store.basePath) }
            return notFound(request)
        }
        var inner = String(decoded.dropFirst(store.basePath.count))
        if inner.isEmpty || inner.hasSuffix("/") { inner += "index.html" }
        if let file = store.file(inner) { return serve(file, path: inner, request: request, status: 200) }
        // A folder asked for without its slash: send the browser to the slashed address, so the
        // page's relative links resolve as they will when published.
        if store.file(inner + "/index.html") != nil {
            // Repeated slashes collapse: `//articles/x` must not become a link to the host "articles".
            var path = rawPath
            while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
            return redirect(path + "/" + (query.map { "?" + $0 } ?? ""))
        }
        return notFound(request)
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

    private func split(_ target: String) -> (String, String?) {
        let noFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        guard let mark = noFragment.firstIndex(of: "?") else { return (noFragment, nil) }
        return (String(noFragment[..<mark]), String(noFragment[noFragment.index(after: mark)...]))
    }

    private func serve(_ file: SiteStore.File, path: String, request: PreviewRequest, status: Int) -> PreviewResponse {
        var headers: [(String, String)] = [
            ("Content-Type", MediaType.of(path)),
            ("ETag", file.etag),
            ("Last-Modified", HTTPDate.format(file.modified)),
            // The preview changes under the browser: it must ask again every time.
            ("Cache-Control", "no-cache"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        if status == 200, notModified(file, request) {
            return PreviewResponse(status: 304, headers: headers, body: [])
        }
        let body = path.hasSuffix(".html") ? inject(file.bytes) : file.bytes
        headers.append(("Content-Length", String(body.count)))
        return PreviewResponse(status: status, headers: headers, body: request.method == "HEAD" ? [] : body)
    }

    private func notModified(_ file: SiteStore.File, _ request: PreviewRequest) -> Bool {
        if let tags = request.headers["if-none-match"] {
            return tags == "*" || tags.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == file.etag
                || $0.trimmingCharacters(in: .whitespaces) == "W/" + file.etag }
        }
        if let since = request.headers["if-modified-since"].flatMap(HTTPDate.parse) { return file.modified <= since }
        return false
    }

    private func notFound(_ request: PreviewRequest) -> PreviewResponse {
        if let page = store.file("404.html") { return serve(page, path: "404.html", request: request, status: 404) }
        if store.fileCount == 0 {
            // The first build failed: a page that carries the live-reload script, so the browser
            // shows the errors and loads the site by itself once a save fixes them.
            let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title>"
                + injection + "</head><body><h1>The site has not been built yet</h1>"
                + "<p>The first build failed. Fix the problems dermasite lists, save, and this page reloads.</p></body></html>"
            let body = Array(page.utf8)
            return PreviewResponse(status: 503, headers: [("Content-Type", "text/html; charset=utf-8"),
                                                          ("Content-Length", String(body.count)), ("Cache-Control", "no-store")],
                                   body: request.method == "HEAD" ? [] : body)
        }
        return plain(404, "Not found\n")
    }

    private func redirect(_ location: String) -> PreviewResponse {
        PreviewResponse(status: 301, headers: [("Location", location), ("Content-Length", "0"), ("Cache-Control", "no-cache")], body: [])
    }

    private func plain(_ status: Int, _ text: String, extra: [(String, String)] = []) -> PreviewResponse {
        let body = Array(text.utf8)
        return PreviewResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8"),
                                                         ("Content-Length", String(body.count))] + extra, body: body)
    }

    /// The page with the injection before `</head>`, or at its start when it has no head.
    func inject(_ page: [UInt8]) -> [UInt8] {
        let marker = Array("</head>".utf8)
        let tag = Array(injection.utf8)
        if let at = firstIndex(of: marker, in: page) { return Array(page[..<at]) + tag + Array(page[at...]) }
        return tag + page
    }

    private func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// IMF-fixdate, the one date format HTTP/1.1 servers send.
enum HTTPDate {
    nonisolated(unsafe) private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()
    private static let lock = NSLock()

    static func format(_ seconds: Int) -> String {
        lock.withLock { formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))) }
    }

    static func parse(_ text: String) -> Int? {
        lock.withLock { formatter.date(from: text).map { Int($0.timeIntervalSince1970) } }
    }
}
