@testable import DermaSite
import Testing
import Yams

/// Coordinates are read on a fast path for plain decimals; every other way of writing a number
/// must still mean what Yams reads it as, and what is not a number must still be an error.
@Suite struct YAMLNumberTests {
    func read(_ yaml: String) -> (Double?, [Diagnostic]) {
        var reader = YAMLReader(file: "data.yml", lineOffset: 0)
        guard let node = reader.compose("x: \(yaml)\n"), let value = node["x"] else { return (nil, reader.diagnostics) }
        let number = reader.number(value, key: "x")
        return (number, reader.diagnostics)
    }

    @Test(arguments: [("12", 12.0), ("-3.5", -3.5), ("+4", 4.0), ("0.25", 0.25), ("1_000", 1000.0), ("1e3", 1000.0),
                      ("1:30", 90.0), ("007", 7.0)])
    func numbersMeanWhatTheySay(text: String, value: Double) {
        let (number, diagnostics) = read(text)
        #expect(number == value)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: ["'12'", "\"3.5\"", ".inf", "-.inf", ".nan", "1.2.3", "+-", "twelve", "[1, 2]"])
    func whatIsNotAFiniteNumberIsAnError(text: String) {
        let (number, diagnostics) = read(text)
        #expect(number == nil)
        #expect(diagnostics.map(\.message) == ["'x' must be a number"])
    }
}
