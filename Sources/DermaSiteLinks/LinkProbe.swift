import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

    public func probe(_ address: String, session: URLSession) async -> ProbeResult {
        var current = address
        var seen: Set<String> = [address]
        var hops: [ProbeResult.Hop] = []
        while true {
            guard let url = URL(string: current) else {
                return ProbeResult(ending: .failed, redirects: hops, finalURL: current, detail: "not a valid address")
            }
            let answer: (HTTPURLResponse?, String?)
            let head = await request(url, method: "HEAD", session: session)
            if let response = head.0, [403, 405, 501].contains(response.statusCode) {
                answer = await request(url, method: "GET", session: session)  // some servers refuse HEAD only
            } else {
                answer = head
            }
            guard let response = answer.0 else {
                let timedOut = answer.1 == "timed out"
                return ProbeResult(ending: timedOut ? .timedOut : .failed, redirects: hops, finalURL: current, detail: answer.1)
            }
            let status = response.statusCode
            guard (300...399).contains(status), status != 304, let location = response.value(forHTTPHeaderField: "Location"),
                  let next = URL(string: location, relativeTo: url)?.absoluteString else {
                let wait = response.value(forHTTPHeaderField: "Retry-After").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                return ProbeResult(ending: .answered, status: status, redirects: hops, finalURL: current, retryAfter: wait)
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

    private func request(_ url: URL, method: String, session: URLSession) async -> (HTTPURLResponse?, String?) {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        return await withCheckedContinuation { continuation in
            session.dataTask(with: request) { _, response, error in
                if let response = response as? HTTPURLResponse {
                    continuation.resume(returning: (response, nil))
                } else if let error = error as? URLError, error.code == .timedOut {
                    continuation.resume(returning: (nil, "timed out"))
                } else {
                    continuation.resume(returning: (nil, error.map { "\($0.localizedDescription)" } ?? "no answer"))
                }
            }.resume()
        }
    }

    /// A session that hands every redirect back instead of following it.
    public static func makeSession(timeout: Double) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        // The request's own timeout is only an idle limit on Linux: the resource limit bounds the whole answer.
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = 1
        configuration.urlCache = nil
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }
}

/// Stops URLSession following redirects, so the probe sees (and reports) each hop.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
