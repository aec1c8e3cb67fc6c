import DermaSite
import Foundation

/// One author's editing session: the first build, then a rebuild for each batch of changes,
/// each re-rendering only what the changes affect. Keeps the last good site; a failed rebuild
/// leaves it as it was. Rebuilds run one at a time, from one task.
///
/// Unchecked: its state is touched only by that one rebuild task (RebuildLoop runs rebuilds in
/// turn on its own queue; the first build finishes before the loop starts), so no lock is needed.
public final class PreviewSession: @unchecked Sendable {
    public enum Destination: Sendable {
        /// Kept in memory for the preview server.
        case memory
        /// Written to this output folder, as `dermasite build` writes it.
        case folder(String, displayName: String)
    }

    public private(set) var options: BuildOptions
    public let destination: Destination
    private let builder: SiteBuilder
    private let cache = BuildCache()
    /// The last good site, by output path.
    public private(set) var files: [String: [UInt8]] = [:]
    /// Each file's position in the last build's list, found again when the paths changed.
    private var positions: [String: Int] = [:]
    /// What the last write put in the output folder's manifest (watch mode).
    private var writtenManifest: Manifest?

    public init(options: BuildOptions, destination: Destination, fileSystem: FileSystem = LocalFileSystem()) {
        self.options = options
        self.destination = destination
        builder = SiteBuilder(fileSystem: fileSystem)
    }

    /// The preview's address is known once the server has bound its port: set before the first
    /// rebuild (pages name their own address, in canonical links and the feed).
    public func useBaseURL(_ url: String) {
        options.baseURL = url
    }

    /// What a rebuild did.
    public struct Outcome: Sendable {
        public var report: BuildReport?
        public var failure: BuildFailure?
        /// Output paths that are new or whose bytes changed, sorted.
        public var changed: [String] = []
        public var removed: [String] = []
        /// The bytes these paths had before, for telling what kind of change it was.
        public var previous: [String: [UInt8]] = [:]
        public var seconds: Double = 0
        /// Stopped by `shouldStop` before it finished: the kept site is unchanged, nothing to report.
        public var cancelled = false
        public var succeeded: Bool { failure == nil && !cancelled }
    }

    /// `shouldStop`, asked between render steps, lets a newer save cancel this rebuild; the caller
    /// then rebuilds with these changes merged into the newer ones.
    public func rebuild(_ changes: ChangeSet, shouldStop: (@Sendable () -> Bool)? = nil) -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcome = Outcome()
        var options = self.options
        options.shouldStop = shouldStop
        do {
            let (built, report) = try builder.render(options, cache: cache, changes: changes)
            let firstWrite = files.isEmpty
            if report.samePathsAsLastBuild && !files.isEmpty {
                // Only what was rendered again can differ; the rest is the cache's own bytes.
                // Found by position: the paths are those of the last build, in the same order.
                for path in Set(report.outputsRendered) {
                    guard let at = positions[path], at < built.count, built[at].path == path else { continue }
                    let file = built[at]
                    guard let old = files[file.path], old != file.bytes else { continue }
                    outcome.changed.append(file.path)
                    outcome.previous[file.path] = old
                    files[file.path] = file.bytes
                }
            } else {
                var next: [String: [UInt8]] = [:]
                next.reserveCapacity(built.count)
                for file in built {
                    next[file.path] = file.bytes
                    if let old = files[file.path] {
                        if old != file.bytes {
                            outcome.changed.append(file.path)
                            outcome.previous[file.path] = old
                        }
                    } else {
                        outcome.changed.append(file.path)
                    }
                }
                outcome.removed = files.keys.filter { next[$0] == nil }.sorted()
                files = next
                positions = Dictionary(built.indices.map { (built[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
            }
            outcome.changed.sort()
            if case let .folder(output, name) = destination {
                do {
                    try write(built, to: output, displayName: name, changed: firstWrite ? nil : outcome.changed,
                              warnings: report.diagnostics.warnings)
                } catch {
                    files = [:]  // the folder may now differ from what is kept: compare all next time
                    throw error
                }
            }
            outcome.report = report
        } catch is BuildCancelled {
            outcome.cancelled = true
        } catch let failure as BuildFailure {
            outcome.failure = failure
        } catch {
            outcome.failure = BuildFailure(step: "rebuild", diagnostics: [.error(options.root, "\(error)")])
        }
        let elapsed = clock.now - start
        outcome.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return outcome
    }

    /// `changed` is nil on the first write, when nothing is known about the folder's files.
    private func write(_ built: [OutputFile], to output: String, displayName: String, changed: [String]?,
                       warnings: [Diagnostic]) throws {
        let writer = OutputWriter(fileSystem: builder.fileSystem, output: output, displayName: displayName)
        // After the first write, only the changed files need hashing for the manifest.
        let unchanged = changed.map { Set(built.map(\.path)).subtracting($0) }
        let report = try writer.withLock {
            try writer.write(built, warnings: warnings, unchangedSinceLastWrite: unchanged,
                             previous: changed == nil ? nil : writtenManifest)
        }
        writtenManifest = report.manifest
    }
}
