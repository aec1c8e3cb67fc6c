import Foundation

/// The href and src values of every HTML page under a folder, read by Python's html.parser: an
/// HTML tokenizer independent of the generator (any quoting, entities decoded), so a test does not
/// share a blind spot with the code it checks.
enum HTMLParserLinks {
    static let script = """
    import html.parser, json, os, sys
    class Links(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.values = []
        def handle_starttag(self, tag, attrs):
            self.values += [v for k, v in attrs if k in ("href", "src") and v is not None]
        handle_startendtag = handle_starttag
    out = {}
    root = sys.argv[1]
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                parser = Links()
                parser.feed(open(path, encoding="utf-8").read())
                out[os.path.relpath(path, root)] = parser.values
    json.dump(out, sys.stdout)
    """

    static func read(folder: String) throws -> [String: [String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return try JSONDecoder().decode([String: [String]].self, from: data)
    }
}
