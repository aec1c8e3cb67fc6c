import DermaSite
import Foundation

/// Looks at every file's size and modification time at a fixed interval: for systems without
/// inotify, and file systems that do not report changes (some network and container mounts).
public final class PollingWatcher: FileWatcher, @unchecked Sendable {
    private let settings: WatchSettings
    private let fileSystem = LocalFileSystem()
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    public init(_ settings: WatchSettings) {
        self.settings = settings
    }

    public func start(onChange: @escaping @Sendable (ChangeSet) -> Void) throws {
        var previous = snapshot()
        let interval = settings.pollInterval
        let task = Task.detached { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                let current = snapshot()
                let changed = Set(current.keys).union(previous.keys).filter { current[$0] != previous[$0] }
                previous = current
                if !changed.isEmpty { onChange(.paths(changed)) }
            }
        }
        lock.withLock { self.task = task }
    }

    public func stop() {
        lock.withLock { task }?.cancel()
    }

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
