@testable import DermaSite
import DermaSiteTestSupport
import Foundation
import Testing

/// The index is made in Swift and queried in the browser: both must make the same terms of the
/// same words, or a reader's word misses the page that has it. Node runs the browser's script
/// (Templates/assets/search.js) on every word of the bundled site and on awkward cases.
@Suite struct SearchParityTests {
    static let awkward = [
        "Can't", "don\u{2019}t", "naïve", "Fuß", "ÉLAN", "L5/S1", "S4-S5", "anaesthesia", "oedema", "diarrhoea",
        "colour", "tumours", "paralysed", "organisation", "hospitalised", "slipped", "bleeding", "toes", "feet",
        "calves", "herniation", "numbness", "tingly", "ﬁne", "x²", "١٢٣", "日本語", "한국어", "Ωmega", "a\u{00A0}b",
        "pins—and–needles", "… ellipsis", "2nd", "C-section", "A&E", "it's", "sciatica's", "ies", "sses", "aches", "ΟΔΟΣ", "οδός", "rise", "rising", "paralysing",
    ]

    @Test func theScriptMakesTheSameTermsAsTheIndex() throws {
        var lines = Self.awkward
        let content = ProjectFolder.path + "/Content"
        let files = try FileManager.default.subpathsOfDirectory(atPath: content).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }
        for file in files.sorted() {
            let text = try String(contentsOfFile: content + "/" + file, encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init)
        }
        let script = """
        const search = require(process.argv[1]);
        const lines = require("fs").readFileSync(0, "utf8").split("\\n");
        const head = { stop: \(JSON.strings(SearchWords.stopWords)) };
        process.stdout.write(lines.map(l => search.terms(head, l).join(" ")).join("\\n"));
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "-e", script, ProjectFolder.path + "/Templates/assets/search.js"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(lines.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "node could not run the search script (is nodejs installed?)")
        let fromScript = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        try #require(fromScript.count == lines.count)
        var differ: [String] = []
        for (line, scripted) in zip(lines, fromScript) where SearchWords.terms(line).joined(separator: " ") != scripted {
            differ.append("\(line): Swift \(SearchWords.terms(line)) script \(scripted)")
        }
        #expect(differ.isEmpty, "\(differ.prefix(10))")
        #expect(lines.count > 1000, "the word list is the bundled site's text")
    }
}
