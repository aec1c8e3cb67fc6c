import DermaSite
import Foundation

/// What a browser showing the preview must do after a rebuild, sent as one Server-Sent Event.
public struct ReloadEvent: Codable, Sendable, Equatable {
    public struct StylesheetSwap: Codable, Sendable, Equatable {
        public var from: String
        public var to: String
    }

    /// Addresses of the pages that changed, as the browser shows them (`/articles/x/`), or `*`
    /// when a file that any page may use changed.
    public var reload: [String]
    /// Stylesheets that were renamed; a page whose only change is the new name swaps the sheet
    /// in place instead of reloading.
    public var stylesheets: [StylesheetSwap]
    public var milliseconds: Int
    /// When the rebuilt site was in place, in seconds since 1970: lets a client on the same
    /// machine measure save-to-output time (the benchmark does).
    public var finished: Double

    /// Works out the event from a successful rebuild.
    public init(_ outcome: PreviewSession.Outcome, basePath: String, files: [String: [UInt8]]) {
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        let url = { (path: String) in base + path }
        let newSheets = outcome.changed.filter { $0.hasSuffix(".css") }
        let oldSheets = outcome.removed.filter { $0.hasSuffix(".css") }
        func stem(_ path: String) -> String {
            // `assets/style.3f2a9c1d0b4e.css` -> `assets/style`; an unfingerprinted name is its own stem.
            let parts = path.split(separator: ".")
            return parts.count >= 3 ? parts.dropLast(2).joined(separator: ".") : String(path.dropLast(4))
        }
        var swaps: [StylesheetSwap] = []
        for sheet in newSheets {
            if let old = oldSheets.first(where: { stem($0) == stem(sheet) }) {
                swaps.append(StylesheetSwap(from: url(old), to: url(sheet)))
            } else if outcome.previous[sheet] != nil {
                swaps.append(StylesheetSwap(from: url(sheet), to: url(sheet)))  // same name, new bytes
            }
        }
        stylesheets = swaps
        milliseconds = Int((outcome.seconds * 1000).rounded())
        finished = Date().timeIntervalSince1970
        let everyPage = outcome.changed.contains { path in
            // Data a page reads when asked (the search index) needs no reload.
            !(path.hasSuffix(".html") || path.hasSuffix(".css") || path.hasSuffix(".xml") || path.hasSuffix(".txt")
              || path.hasSuffix(".json"))
        } || outcome.removed.contains { !$0.hasSuffix(".html") && !$0.hasSuffix(".css") }
        if everyPage {
            reload = ["*"]
            return
        }
        var pages: [String] = []
        for path in outcome.changed where path.hasSuffix(".html") {
            if let old = outcome.previous[path], let new = files[path], Self.differsOnlyIn(swaps, old: old, new: new, base: base) {
                continue
            }
            pages.append(Self.address(of: path, base: base))
        }
        reload = pages + outcome.removed.filter { $0.hasSuffix(".html") }.map { Self.address(of: $0, base: base) }
    }

    /// `articles/x/index.html` -> `/articles/x/`; the browser shows folders by their slash.
    static func address(of path: String, base: String) -> String {
        if path == "index.html" { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }

    private static func differsOnlyIn(_ swaps: [StylesheetSwap], old: [UInt8], new: [UInt8], base: String) -> Bool {
        let renames = swaps.filter { $0.from != $0.to }
        guard !renames.isEmpty else { return false }
        var text = String(decoding: old, as: UTF8.self)
        for swap in renames { text = text.replacingOccurrences(of: swap.from, with: swap.to) }
        return Array(text.utf8) == new
    }

    /// The event as sent on the wire.
    public var serverSentEvent: String {
        let json = (try? JSONEncoder.sorted.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: built\ndata: \(json)\n\n"
    }
}

/// A failed rebuild, for the browser's error overlay.
public struct FailureEvent: Codable, Sendable, Equatable {
    public struct Problem: Codable, Sendable, Equatable {
        public var location: String
        public var severity: String
        public var message: String
    }

    public var step: String
    public var problems: [Problem]

    public init(_ failure: BuildFailure) {
        step = failure.step
        // Errors first: the overlay is for what stops the build.
        let ordered = failure.diagnostics.errors + failure.diagnostics.warnings
        problems = ordered.prefix(200).map { Problem(location: $0.location, severity: $0.severity.rawValue, message: $0.message) }
    }

    public var serverSentEvent: String {
        let json = (try? JSONEncoder.sorted.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: failed\ndata: \(json)\n\n"
    }
}

extension JSONEncoder {
    /// Sorted keys, on one line (an SSE `data:` field ends at a newline; strings escape theirs).
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
