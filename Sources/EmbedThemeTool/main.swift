import Foundation

// Writes a Swift file with one enum per `Name=path` argument: every file of the folder (or the one
// file) as its path and base64 bytes, sorted by path so the output is the same on every machine.
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedThemeTool OUTPUT.swift Name=FOLDER_OR_FILE...\n".utf8))
    exit(2)
}

func files(at location: URL) throws -> [(String, Data)] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isFolder) else { return [] }
    guard isFolder.boolValue else { return [(location.lastPathComponent, try Data(contentsOf: location))] }
    var found: [(String, Data)] = []
    let root = location.standardizedFileURL
    if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) {
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            found.append((String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)), try Data(contentsOf: url)))
        }
    }
    return found.sorted { $0.0 < $1.0 }
}

var source = "// Generated at build time by the EmbedTheme plugin; not checked in.\n"
for argument in arguments.dropFirst(2) {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { exit(2) }
    source += "enum \(parts[0]) {\n    /// Each file: its path and its bytes in base64.\n"
    source += "    static let files: [(path: String, base64: String)] = [\n"
    for (path, data) in try files(at: URL(fileURLWithPath: parts[1])) {
        source += "        (\"\(path)\", \"\(data.base64EncodedString())\"),\n"
    }
    source += "    ]\n}\n"
}
try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[1]), options: .atomic)
