import Crypto
import Yams

/// Reads the review record, Content/data/reviews.yml (optional), and fingerprints what each entry
/// reviewed as it is now, so a later edit shows.
public enum ReviewLoader {
    public static let path = "Content/data/reviews.yml"
    static let entryKeys = ["file", "reviewer", "role", "reviewed", "next_review", "sha256"]

    public static func load(root: String, fileSystem: FileSystem) -> (SiteReviews, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var reviews = SiteReviews()
        if fileSystem.exists(FilePath.join(root, path)) {
            reviews.entries = YAMLFile.read(path, root: root, fileSystem: fileSystem, diagnostics: &diagnostics) { node, reader in
                decode(node, reader: &reader)
            } ?? []
        }
        for entry in reviews.entries where reviews.currentDigests[entry.subject] == nil {
            let files = self.files(of: entry.subject)
            guard files.allSatisfy({ fileSystem.exists(FilePath.join(root, $0)) }) else {
                diagnostics.append(.error(path, line: entry.position.line, column: entry.position.column,
                    "'\(entry.subject)' does not exist: a review names a file of Content/, such as articles/leg-dermatomes.md"))
                continue
            }
            reviews.currentDigests[entry.subject] = digest(files.map { ($0, (try? fileSystem.readBytes(FilePath.join(root, $0))) ?? []) })
        }
        return (reviews, diagnostics)
    }

    /// The files a subject covers, relative to the site root. The data set is reviewed as one:
    /// its pages show the facts, the claims and the drawing together.
    public static func files(of subject: String) -> [String] {
        subject == SiteReviews.dataSet ? AtlasLoader.paths : ["\(ContentLoader.contentFolder)/\(subject)"]
    }

    /// SHA-256 over each file's path and bytes, in order.
    public static func digest(_ files: [(path: String, bytes: [UInt8])]) -> String {
        var hasher = SHA256()
        for file in files {
            hasher.update(data: Array(file.path.utf8) + [0])
            hasher.update(data: Array(String(file.bytes.count).utf8) + [0])
            hasher.update(data: file.bytes)
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func decode(_ node: Node, reader: inout YAMLReader) -> [ClinicalReview] {
        let top = reader.fields(of: node, known: ["reviews"], context: "the review record")
        guard let list = top.first(where: { $0.key == "reviews" })?.value else {
            reader.report(.error, at: node, "missing 'reviews:', the list of clinical reviews")
            return []
        }
        guard case let .sequence(items) = list else {
            if !YAMLReader.isNull(list) { reader.report(.error, at: list, "'reviews' must be a list of entries") }
            return []
        }
        return items.compactMap { entry(of: $0, reader: &reader) }
    }

    private static func entry(of item: Node, reader: inout YAMLReader) -> ClinicalReview? {
        var text: [String: String] = [:]
        var days: [String: (Day, SourcePosition)] = [:]
        let problemsBefore = reader.diagnostics.count
        for (key, _, value) in reader.fields(of: item, known: entryKeys, context: "a review") {
            if key == "reviewed" || key == "next_review" {
                if let day = reader.day(value, key: key) { days[key] = (day, reader.position(of: value)) }
            } else if let value = reader.string(value, key: key)?.trimmingWhitespace(), !value.isEmpty {
                text[key] = value
            }
        }
        let missing = entryKeys.filter { text[$0] == nil && days[$0] == nil }
        if !missing.isEmpty {
            if reader.diagnostics.count == problemsBefore {
                reader.report(.error, at: item, "a review needs \(missing.map { "'\($0)'" }.joined(separator: ", ")): record reviews with 'dermasite review'")
            }
            return nil
        }
        let subject = text["file"]!
        guard isSubject(subject) else {
            reader.report(.error, at: item, "'\(subject)' cannot be reviewed on its own: name an article (articles/NAME.md), \(SiteReviews.dataSet) for the dermatome data set (with places.yml and leg-map.yml), or \(SiteReviews.glossary)")
            return nil
        }
        let digest = text["sha256"]!
        guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            reader.report(.error, at: item, "'sha256' must be the 64 hex digits 'dermasite review' writes")
            return nil
        }
        let (reviewed, _) = days["reviewed"]!, (next, nextAt) = days["next_review"]!
        guard reviewed < next else {
            reader.report(.error, at: item, "'next_review' (\(next.iso)) must come after 'reviewed' (\(reviewed.iso))")
            return nil
        }
        return ClinicalReview(subject: subject, reviewer: text["reviewer"]!, role: text["role"]!, reviewed: reviewed,
                              nextReview: next, digest: digest, position: reader.position(of: item), nextReviewPosition: nextAt)
    }

    static func isSubject(_ subject: String) -> Bool {
        if subject == SiteReviews.dataSet || subject == SiteReviews.glossary { return true }
        let name = subject.dropFirst("articles/".count)
        return subject.hasPrefix("articles/") && subject.hasSuffix(".md") && name.count > 3
            && !subject.contains("..")
    }
}
