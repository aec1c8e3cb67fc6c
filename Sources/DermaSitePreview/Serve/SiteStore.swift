import DermaSite
import Foundation

/// The site being served: the last good build's files, each with a validator for conditional
/// requests. Shared by request handlers.
public final class SiteStore: @unchecked Sendable {
    public struct File: Sendable {
        public var bytes: [UInt8]
        public var etag: String
        /// Whole seconds since 1970: HTTP dates have no finer part.
        public var modified: Int
    }

    /// Site path of the base URL, `/` or `/legs/`: the site is served below it.
    public let basePath: String
    private let lock = NSLock()
    private var files: [String: File] = [:]
    private var version = 0
    /// New for each server run, so a browser's cached ETag from an earlier run never matches.
    private let runToken = String(UInt64.random(in: 0...UInt64.max), radix: 36)

    public init(basePath: String) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// Takes in what a successful rebuild changed and removed.
    public func apply(_ outcome: PreviewSession.Outcome, files current: [String: [UInt8]]) {
        let now = Int(Date().timeIntervalSince1970)
        lock.withLock {
            // A failed rebuild changes nothing: the last good site stays served.
            guard outcome.succeeded else { return }
            for path in outcome.changed {
                version += 1
                guard let bytes = current[path] else { continue }
                files[path] = File(bytes: bytes, etag: "\"\(runToken)-\(version)\"", modified: now)
            }
            for path in outcome.removed { files[path] = nil }
        }
    }

    public func file(_ path: String) -> File? { lock.withLock { files[path] } }

    public var fileCount: Int { lock.withLock { files.count } }
}
