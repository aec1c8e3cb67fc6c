import DermaSite
import Foundation
import Synchronization

/// The site being served: the last good build's files, each with a validator for conditional
/// requests. Shared by request handlers.
public final class SiteStore: Sendable {
    public struct File: Sendable {
        public var bytes: [UInt8]
        public var etag: String
        /// Whole seconds since 1970: HTTP dates have no finer part.
        public var modified: Int
    }

    /// Site path of the base URL, `/` or `/legs/`: the site is served below it.
    public let basePath: String
    private struct Served {
        var files: [String: File] = [:]
        var version = 0
    }

    private let served = Mutex(Served())
    /// New for each server run, so a browser's cached ETag from an earlier run never matches.
    private let runToken = String(UInt64.random(in: 0...UInt64.max), radix: 36)

    public init(basePath: String) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// Takes in what a successful rebuild changed and removed.
    public func apply(_ outcome: PreviewSession.Outcome, files current: [String: [UInt8]]) {
        let now = Int(Date().timeIntervalSince1970)
        let runToken = self.runToken
        served.withLock { served in
            // A failed rebuild changes nothing: the last good site stays served.
            guard outcome.succeeded else { return }
            for path in outcome.changed {
                served.version += 1
                guard let bytes = current[path] else { continue }
                served.files[path] = File(bytes: bytes, etag: "\"\(runToken)-\(served.version)\"", modified: now)
            }
            for path in outcome.removed { served.files[path] = nil }
        }
    }

    public func file(_ path: String) -> File? { served.withLock { $0.files[path] } }

    public var fileCount: Int { served.withLock { $0.files.count } }
}
