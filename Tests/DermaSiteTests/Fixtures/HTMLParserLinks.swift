import Foundation

/// The href and src values (and the ids) of every HTML page under a folder, read by Python's html.parser: an
/// HTML tokenizer independent of the generator (any quoting, entities decoded), so a test does not
/// share a blind spot with the code it checks.
enum HTMLParserLinks {
    static let script = """
    import html.parser, json, os, sys
    class Links(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.values = []
            self.ids = []
        def handle_starttag(self, tag, attrs):
            self.values += [v for k, v in attrs if k in ("href", "src") and v is not None]
            self.ids += [v for k, v in attrs if k == "id" and v is not None]
        handle_startendtag = handle_starttag
    out = {}
    root = sys.argv[1]
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                parser = Links()
                parser.feed(open(path, encoding="utf-8").read())
                out[os.path.relpath(path, root)] = {"links": parser.values, "ids": parser.ids}
    json.dump(out, sys.stdout)
    """

    struct Page: Decodable {
        var links: [String]
        var ids: [String]
    }

    static func read(folder: String) throws -> [String: Page] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return try JSONDecoder().decode([String: Page].self, from: data)
    }
}
