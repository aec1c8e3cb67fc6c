import DermaSite
import Foundation
import Synchronization

/// The site being served: the last good build's files, as the browser gets them (pages carry the
/// live-reload script). Shared by request handlers.
public final class SiteStore: Sendable {
    public struct File: Sendable {
        public var bytes: [UInt8]
        /// When this build of the file was taken in; with the size it makes the file's validator.
        public var modified: Date
    }

    /// Site path of the base URL, `/` or `/legs/`: the site is served below it.
    public let basePath: String
    /// Added to every HTML page before `</head>`: the live-reload script.
    public let pageInjection: String
    private let served = Mutex<[String: File]>([:])

    public init(basePath: String, pageInjection: String = LiveReloadScript.tag) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
        self.pageInjection = pageInjection
    }

    /// Takes in what a successful rebuild changed and removed.
    public func apply(_ outcome: PreviewSession.Outcome, files current: [String: [UInt8]]) {
        // A failed rebuild changes nothing: the last good site stays served.
        guard outcome.succeeded else { return }
        let now = Date()
        var taken: [String: File] = [:]
        for path in outcome.changed {
            guard let bytes = current[path] else { continue }
            taken[path] = File(bytes: path.hasSuffix(".html") ? inject(bytes) : bytes, modified: now)
        }
        served.withLock { served in
            served.merge(taken) { _, new in new }
            for path in outcome.removed { served[path] = nil }
        }
    }

    public func file(_ path: String) -> File? { served.withLock { $0[path] } }

    public var fileCount: Int { served.withLock { $0.count } }

    /// The page with the injection before `</head>`, or at its start when it has no head.
    func inject(_ page: [UInt8]) -> [UInt8] {
        let tag = Array(pageInjection.utf8)
        guard !tag.isEmpty else { return page }
        if let at = Self.firstIndex(of: Array("</head>".utf8), in: page) { return Array(page[..<at]) + tag + Array(page[at...]) }
        return tag + page
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
