/// One file of the built site, held in memory until the write step.
public struct OutputFile: Sendable, Equatable {
    /// Relative to the output folder: `articles/x/index.html`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
