import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client over a loopback socket, so tests see exactly what the server sends
/// (raw paths, status lines, headers) with nothing rewritten on the way.
enum HTTPTestClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A connected socket to 127.0.0.1:port with send and receive timeouts.
    static func connect(port: Int, timeout: Double = 5) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect: \(errno)")
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: \(errno)") }
            sent += n
        }
    }

    /// One request on a new connection, read until the server closes it.
    static func request(port: Int, _ method: String = "GET", _ target: String, headers: [String: String] = [:]) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        try send(fd, text + "\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 { throw Failure(description: "recv: \(errno)") }
            if n == 0 { break }
            data += buffer[0..<n]
        }
        return try parse(data, method: method)
    }

    static func parse(_ data: [UInt8], method: String) throws -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...(max(0, data.count - 4))).first(where: { Array(data[$0..<min($0 + 4, data.count)]) == separator }) else {
            throw Failure(description: "no header end in \(data.count) bytes")
        }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" { body = unchunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func unchunk(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], i = 0
        while i < data.count {
            guard let lineEnd = (i..<(data.count - 1)).first(where: { data[$0] == 13 && data[$0 + 1] == 10 }),
                  let size = Int(String(decoding: data[i..<lineEnd], as: UTF8.self), radix: 16), size > 0 else { break }
            out += data[(lineEnd + 2)..<min(lineEnd + 2 + size, data.count)]
            i = lineEnd + 2 + size + 2
        }
        return out
    }
}

/// A live-reload client: reads the event stream on a thread of its own and keeps every event.
final class SSETestClient: @unchecked Sendable {
    struct Event: Sendable {
        var name: String
        var data: String
    }

    private let fd: Int32
    private let lock = NSLock()
    private var events: [Event] = []
    private var closed = false
    private var thread: Thread?

    init(port: Int) throws {
        fd = try HTTPTestClient.connect(port: port, timeout: 0.2)
        try HTTPTestClient.send(fd, "GET /__dermasite/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let thread = Thread { [self] in read() }
        self.thread = thread
        thread.start()
    }

    private func read() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !lock.withLock({ closed }) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { break }
            if n < 0 { if errno == EAGAIN || errno == EWOULDBLOCK { continue } else { break } }
            // Bytes, not String: a String takes "\r\n" as one character, which hides the "\n\n"
            // that ends an event when the HTTP chunk framing follows it.
            pending += buffer[0..<n].filter { $0 != 13 }
            while let end = (0..<max(0, pending.count - 1)).first(where: { pending[$0] == 10 && pending[$0 + 1] == 10 }) {
                let block = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeFirst(end + 2)
                var name = "message", data: [String] = []
                // Chunk-size lines of the HTTP framing are not SSE fields, so they fall through.
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                }
                if !data.isEmpty { lock.withLock { events.append(Event(name: name, data: data.joined(separator: "\n"))) } }
            }
        }
        lock.withLock { closed = true }
    }

    var received: [Event] { lock.withLock { events } }
    var isClosed: Bool { lock.withLock { closed } }

    /// Waits for an event after the first `after` events that matches; nil on timeout.
    /// Sleeps as a task, not a thread: the server under test runs on the same small task pool.
    func wait(for name: String, after: Int = 0, timeout: Double = 10, where matches: (String) -> Bool = { _ in true }) async -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let event = received.dropFirst(after).first(where: { $0.name == name && matches($0.data) }) { return event }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    func waitUntilClosed(timeout: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if isClosed { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return isClosed
    }

    func close() {
        lock.withLock { closed = true }
        shutdown(fd, Int32(SHUT_RDWR))
        Glibc.close(fd)
    }
}
