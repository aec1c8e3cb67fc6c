import DermaSite
import Foundation
import Synchronization

/// Looks at every file's size and modification time at a fixed interval: for systems without
/// inotify, and file systems that do not report changes (some network and container mounts).
public final class PollingWatcher: FileWatcher, Sendable {
    private let settings: WatchSettings
    private let fileSystem = LocalFileSystem()
    private let stopped = Atomic(false)

    public init(_ settings: WatchSettings) {
        self.settings = settings
    }

    /// Polls on a thread of its own, so a busy task pool never delays it.
    public func start(onChange: @escaping @Sendable (ChangeSet) -> Void) throws {
        // Taken before start returns, so a save right after it is a change.
        let first = snapshot()
        let interval = settings.pollInterval
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) * 1e-18
        let thread = Thread { [self] in
            var lastSnapshot = first
            while !isStopped {
                Thread.sleep(forTimeInterval: seconds)
                if isStopped { break }
                let current = snapshot(), previous = lastSnapshot
                let changed = Set(current.keys).union(previous.keys).filter { current[$0] != previous[$0] }
                lastSnapshot = current
                if !changed.isEmpty { onChange(.paths(changed)) }
            }
        }
        thread.name = "dermasite-poll"
        thread.start()
    }

    public func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
    }

    private var isStopped: Bool { stopped.load(ordering: .sequentiallyConsistent) }

    /// Every file below the watched folders with its size and time; a folder that is missing
    /// counts as a file that is not there.
    func snapshot() -> [String: String] {
        var files: [String: String] = [:]
        for folder in settings.folders {
            let base = FilePath.join(settings.root, folder)
            guard let tree = try? fileSystem.walk(base) else {
                files[folder] = "missing"
                continue
            }
            for file in tree.files + tree.links {
                let full = FilePath.join(base, file)
                files["\(folder)/\(file)"] = "\(fileSystem.fileSize(full) ?? -1) \(fileSystem.modificationTime(full) ?? -1)"
            }
        }
        return files
    }
}
