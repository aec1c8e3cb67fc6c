@testable import DermaSite
import Testing
import Yams

/// YAML is read without guessing each key's type (YAMLReader.compose): flags and whole numbers
/// must still mean what they did, and a key written twice must still be an error.
@Suite struct YAMLFlagsAndKeysTests {
    func read(_ yaml: String) -> (node: Yams.Node?, reader: YAMLReader) {
        var reader = YAMLReader(file: "data.yml", lineOffset: 0)
        let node = reader.compose(yaml)
        return (node, reader)
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), ("yes", true), ("Yes", true), ("on", true),
                      ("false", false), ("False", false), ("no", false), ("NO", false), ("off", false), ("Off", false)])
    func flagsMeanWhatTheySay(text: String, value: Bool) {
        var (node, reader) = read("x: \(text)\n")
        #expect(node?["x"].flatMap { reader.bool($0, key: "x") } == value)
        #expect(reader.diagnostics.isEmpty)
    }

    @Test(arguments: ["'true'", "\"yes\"", "maybe", "1", "[true]", "!!str true"])
    func whatIsNotAFlagIsAnError(text: String) {
        var (node, reader) = read("x: \(text)\n")
        #expect(node?["x"].flatMap { reader.bool($0, key: "x") } == nil)
        #expect(reader.diagnostics.map(\.message) == ["'x' must be true or false"])
    }

    @Test func wholeNumbersAreReadAndQuotedOnesAreNot() {
        var (node, reader) = read("a: 12\nb: 1_000\nc: '12'\n")
        #expect(node?["a"].flatMap { reader.int($0, key: "a") } == 12)
        #expect(node?["b"].flatMap { reader.int($0, key: "b") } == 1000)
        #expect(node?["c"].flatMap { reader.int($0, key: "c") } == nil)
        #expect(reader.diagnostics.map(\.message) == ["'c' must be a whole number"])
    }

    @Test(arguments: ["title: a\ntitle: b\n", "1: a\n'1': b\n", "true: a\n\"true\": b\n", "x:\n  k: 1\n  k: 2\n"])
    func aKeyWrittenTwiceIsAnError(yaml: String) {
        let (node, reader) = read(yaml)
        #expect(node == nil)
        #expect(reader.diagnostics.count == 1)
        #expect(reader.diagnostics.first?.message.hasPrefix("duplicate key") == true)
    }

    @Test func differentKeysAreNotDuplicates() {
        let (node, reader) = read("a: 1\nA: 2\n'a ': 3\nb:\n  a: 4\n")
        #expect(node != nil)
        #expect(reader.diagnostics.isEmpty)
    }
}
