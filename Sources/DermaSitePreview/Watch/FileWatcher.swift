import DermaSite
import Foundation

/// Watches a site's Content/ and Templates/ and reports what changed, in batches: one save can
/// fire several events (write, truncate, rename), so events are collected until the folder has
/// been quiet for `quietPeriod`, and reported at the latest `maxDelay` after the first.
public protocol FileWatcher: Sendable {
    /// Calls `onChange` with paths relative to the site root, until `stop` is called.
    func start(onChange: @escaping @Sendable (ChangeSet) -> Void) throws
    func stop()
}

public struct WatchSettings: Sendable {
    public var root: String
    public var folders = [ContentLoader.contentFolder, TemplateLoader.folder]
    /// A save is a burst of events within a millisecond or two (write, close, rename).
    public var quietPeriod: Duration = .milliseconds(4)
    public var maxDelay: Duration = .milliseconds(150)
    /// How often the polling watcher looks at every file.
    public var pollInterval: Duration = .milliseconds(300)

    public init(root: String) { self.root = root }
}

/// The best watcher for this system: inotify on Linux, polling where that is not available.
public func makeFileWatcher(_ settings: WatchSettings, polling: Bool = false) -> any FileWatcher {
    #if os(Linux)
    if !polling, let watcher = InotifyWatcher(settings) { return watcher }
    #endif
    return PollingWatcher(settings)
}

/// Collects paths and decides when a batch is due.
struct Debouncer {
    let quiet: Duration
    let maxDelay: Duration
    private(set) var pending = Set<String>()
    private var overflowed = false
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?

    init(quiet: Duration, maxDelay: Duration) {
        self.quiet = quiet
        self.maxDelay = maxDelay
    }

    mutating func add(_ path: String, at now: ContinuousClock.Instant) {
        pending.insert(path)
        if first == nil { first = now }
        last = now
    }

    /// The kernel dropped events: the next batch must be "everything".
    mutating func overflow(at now: ContinuousClock.Instant) {
        overflowed = true
        if first == nil { first = now }
        last = now
    }

    /// How long until a batch is due; nil when nothing is waiting.
    func wait(at now: ContinuousClock.Instant) -> Duration? {
        guard let first, let last else { return nil }
        let dueQuiet = last + quiet, dueMax = first + maxDelay
        let due = dueQuiet < dueMax ? dueQuiet : dueMax
        return due <= now ? .zero : due - now
    }

    mutating func take() -> ChangeSet {
        defer {
            pending = []
            overflowed = false
            first = nil
            last = nil
        }
        return overflowed ? .everything : .paths(pending)
    }
}
