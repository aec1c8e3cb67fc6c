/// Numbers and path data for SVG, written the same way on every machine.
enum SVGNumber {
    /// At most two decimals, no trailing zeros: `12`, `12.5`, `-0.25`.
    static func format(_ value: Double) -> String {
        let rounded = hundredths(value)
        var bytes: [UInt8] = rounded < 0 ? [UInt8(ascii: "-")] : []
        appendDigits(abs(rounded), leadingZero: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Closed polygons, each `M x y l dx dy … z`; later ones start with a relative `m`.
    static func path(_ polygons: [[Point]]) -> String {
        var writer = PathWriter()
        for points in polygons where !points.isEmpty {
            writer.subpath(points)
            writer.close()
        }
        return writer.text
    }

    /// Open lines, the same way without closing.
    static func lines(_ lines: [[Point]]) -> String {
        var writer = PathWriter()
        for points in lines where !points.isEmpty { writer.subpath(points) }
        return writer.text
    }

    /// Validation keeps map points inside their view box; the guard only keeps a bad value from crashing.
    fileprivate static func hundredths(_ value: Double) -> Int {
        guard value.isFinite, abs(value) < 1e12 else { return 0 }
        return Int((value * 100).rounded())
    }

    /// A magnitude in hundredths as `12`, `12.5`, `0.05`, or without the leading zero `.05`.
    fileprivate static func appendDigits(_ magnitude: Int, leadingZero: Bool, to bytes: inout [UInt8]) {
        let whole = magnitude / 100, fraction = magnitude % 100
        if leadingZero || whole != 0 || fraction == 0 { bytes.appendDecimal(whole) }
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(48 + fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(48 + fraction % 10)) }
        }
    }
}

/// Path data in its short form: the maps' path data is most of a page's bytes, and each step after
/// rendering reads them again. Points after a subpath's first are offsets from the one before, and
/// numbers are joined without a space where the grammar allows (before a minus sign, or a point when
/// the number before already has one). The offsets are taken between points already rounded to
/// hundredths, so the points drawn are exactly those `format` would write, with no drift.
private struct PathWriter {
    /// Bytes, made a String once: appending a String a number at a time cost a few hundred
    /// instructions an append, most of making the map's path data.
    private var bytes: [UInt8] = []
    private var current = (x: 0, y: 0), start = (x: 0, y: 0)
    /// Whether the last number written has a decimal point, so one starting with a point can follow it directly.
    private var lastHasPoint = false
    private var afterCommand = true

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func subpath(_ points: [Point]) {
        let first = (x: SVGNumber.hundredths(points[0].x), y: SVGNumber.hundredths(points[0].y))
        let absolute = bytes.isEmpty
        if absolute {
            command("M"); number(first.x); number(first.y)
        } else {
            command("m"); number(first.x - current.x); number(first.y - current.y)
        }
        current = first
        start = first
        // After an `M` bare pairs would be absolute; after an `m` they are already relative.
        if absolute && points.count > 1 { command("l") }
        for point in points.dropFirst() {
            let next = (x: SVGNumber.hundredths(point.x), y: SVGNumber.hundredths(point.y))
            number(next.x - current.x); number(next.y - current.y)
            current = next
        }
    }

    mutating func close() {
        command("z")
        current = start
    }

    private mutating func command(_ letter: Unicode.Scalar) {
        bytes.append(UInt8(ascii: letter))
        afterCommand = true
    }

    private mutating func number(_ hundredths: Int) {
        let magnitude = abs(hundredths)
        let startsWithPoint = magnitude < 100 && magnitude != 0
        if hundredths < 0 {
            bytes.append(UInt8(ascii: "-"))
        } else if !afterCommand && !(startsWithPoint && lastHasPoint) {
            bytes.append(UInt8(ascii: " "))
        }
        SVGNumber.appendDigits(magnitude, leadingZero: false, to: &bytes)
        lastHasPoint = magnitude % 100 != 0
        afterCommand = false
    }
}
