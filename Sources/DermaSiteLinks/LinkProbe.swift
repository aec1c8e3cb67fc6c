import CLinkRequest
import Dispatch
import Foundation

/// What asking one address found: each hop of its redirects, and how it ended.
public struct ProbeResult: Sendable, Equatable, Codable {
    public enum Ending: String, Sendable, Codable {
        /// A final answer with a status (2xx, 4xx, 5xx).
        case answered
        case redirectLoop
        case tooManyRedirects
        case timedOut
        case failed
    }

    public var ending: Ending
    /// The last status seen (the final answer's, or the last redirect's).
    public var status: Int?
    /// Each redirect followed: its status and where it pointed.
    public var redirects: [Hop] = []
    public var finalURL: String
    /// Seconds a 429 or 503 asked the client to wait.
    public var retryAfter: Int?
    public var detail: String?

    /// It says nothing about the link itself: no answer, a refusal, or a server in trouble.
    public var isInconclusive: Bool {
        switch ending {
        case .timedOut, .failed: return true
        case .redirectLoop, .tooManyRedirects: return false
        case .answered: return [401, 403, 429].contains(status ?? 0) || (500...599).contains(status ?? 0)
        }
    }

    public struct Hop: Sendable, Equatable, Codable {
        public var status: Int
        public var location: String
    }
}

/// Asks one address the polite way: HEAD first, GET when HEAD is not allowed; redirects followed
/// one hop at a time so each can be reported; a timeout on every request.
public struct LinkProbe: Sendable {
    public var timeout: Double
    public var maxRedirects = 10
    public var userAgent = "dermasite-link-check/1 (+checks the links of a patient-education site)"

    public init(timeout: Double) { self.timeout = timeout }

    public func probe(_ address: String) async -> ProbeResult {
        var current = address
        var seen: Set<String> = [address]
        var hops: [ProbeResult.Hop] = []
        while true {
            guard let url = URL(string: current) else {
                return ProbeResult(ending: .failed, redirects: hops, finalURL: current, detail: "not a valid address")
            }
            var answer = await request(current, method: "HEAD")
            if case let .answered(status, _, _) = answer, [403, 405, 501].contains(status) {
                answer = await request(current, method: "GET")  // some servers refuse HEAD only
            }
            let status: Int, location: String?, retryAfter: String?
            switch answer {
            case let .none(timedOut, why):
                return ProbeResult(ending: timedOut ? .timedOut : .failed, redirects: hops, finalURL: current, detail: why)
            case let .answered(code, at, wait):
                (status, location, retryAfter) = (code, at, wait)
            }
            guard (300...399).contains(status), status != 304, let location,
                  let next = URL(string: location, relativeTo: url)?.absoluteString else {
                return ProbeResult(ending: .answered, status: status, redirects: hops, finalURL: current, retryAfter: retryAfter.flatMap { Int($0) })
            }
            hops.append(.init(status: status, location: next))
            if !seen.insert(next).inserted {
                return ProbeResult(ending: .redirectLoop, status: status, redirects: hops, finalURL: next)
            }
            if hops.count >= maxRedirects {
                return ProbeResult(ending: .tooManyRedirects, status: status, redirects: hops, finalURL: next)
            }
            current = next
        }
    }

    private enum Answer {
        case answered(status: Int, location: String?, retryAfter: String?)
        case none(timedOut: Bool, why: String)
    }

    /// One request, on a thread of its own: libcurl blocks until the answer or the timeout.
    private func request(_ address: String, method: String) async -> Answer {
        let (agent, milliseconds) = (userAgent, Int(timeout * 1000))
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var answer = dermasite_link_answer()
                let asked = dermasite_link_request(address, method, agent, milliseconds, &answer)
                func text<T>(_ field: inout T) -> String {
                    withUnsafeBytes(of: &field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                }
                if asked == 0 {
                    let location = text(&answer.location), wait = text(&answer.retry_after)
                    continuation.resume(returning: .answered(status: answer.status, location: location.isEmpty ? nil : location,
                                                             retryAfter: wait.isEmpty ? nil : wait))
                } else {
                    continuation.resume(returning: .none(timedOut: answer.timed_out != 0, why: text(&answer.error)))
                }
            }
        }
    }
}
