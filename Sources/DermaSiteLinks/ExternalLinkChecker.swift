import DermaSite
import Foundation

/// `dermasite check --external`: asks every external address the site links to or cites, one
/// host at a time with a pause between requests, several hosts at once, and reports each problem
/// at the line where the address is written. Results are kept in the link cache, so a second run
/// within `recheck_after_days` asks nothing.
public struct ExternalLinkChecker: Sendable {
    public var settings: ExternalLinkSettings
    public var today: Day
    /// How many hosts are asked at the same time.
    public var hostsAtOnce = 4

    public init(settings: ExternalLinkSettings, today: Day) {
        self.settings = settings
        self.today = today
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var addresses = 0
        public var asked = 0
        public var fromCache = 0
        public var skipped = 0
    }

    public func check(_ uses: [ExternalLinkUse], cache: inout LinkCache) async -> Report {
        var report = Report()
        var byAddress: [String: [ExternalLinkUse]] = [:]
        for use in uses { byAddress[use.url, default: []].append(use) }
        report.addresses = byAddress.count
        var results: [String: ProbeResult] = [:]
        var toAsk: [String: [String]] = [:]  // host -> addresses
        for address in byAddress.keys.sorted() {
            let host = URL(string: address)?.host?.lowercased() ?? ""
            if settings.skipHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
                report.skipped += 1
                continue
            }
            if let stored = cache.fresh(address, today: today, maxAge: settings.recheckAfterDays) {
                results[address] = stored
                report.fromCache += 1
            } else {
                toAsk[host, default: []].append(address)
            }
        }
        let asked = await ask(toAsk)
        for (address, result) in asked {
            results[address] = result
            cache.store(address, result, today: today)
        }
        report.asked = asked.count
        for (address, result) in results {
            guard let (severity, message) = verdict(result, address: address, isDOI: byAddress[address]!.contains(where: \.isDOI)) else {
                continue
            }
            for use in byAddress[address]! {
                report.diagnostics.append(Diagnostic(severity, use.file, line: use.line, column: use.column, message))
            }
        }
        report.diagnostics = report.diagnostics.sortedForReport()
        return report
    }

    /// Each host's addresses in turn with a pause between them; `hostsAtOnce` hosts at a time.
    private func ask(_ byHost: [String: [String]]) async -> [String: ProbeResult] {
        let probe = LinkProbe(timeout: settings.timeoutSeconds)
        let pause = UInt64(settings.delayMilliseconds) * 1_000_000
        var results: [String: ProbeResult] = [:]
        var hosts = byHost.keys.sorted()[...]
        await withTaskGroup(of: [(String, ProbeResult)].self) { group in
            func start(_ host: String) {
                let addresses = byHost[host]!
                group.addTask {
                    var found: [(String, ProbeResult)] = []
                    for (index, address) in addresses.enumerated() {
                        if index > 0 { try? await Task.sleep(nanoseconds: pause) }
                        found.append((address, await probe.probe(address)))
                    }
                    return found
                }
            }
            for _ in 0..<hostsAtOnce { if let host = hosts.popFirst() { start(host) } }
            for await found in group {
                for (address, result) in found { results[address] = result }
                if let host = hosts.popFirst() { start(host) }
            }
        }
        return results
    }

    /// What a result means for the reader of the page; nil when the link works.
    func verdict(_ result: ProbeResult, address: String, isDOI: Bool) -> (Diagnostic.Severity, String)? {
        let chain = result.redirects.map { "\($0.status) to \($0.location)" }.joined(separator: ", then ")
        switch result.ending {
        case .redirectLoop:
            return (.error, "link to '\(address)' goes round in a loop of redirects (\(chain))")
        case .tooManyRedirects:
            return (.error, "link to '\(address)' is redirected more than \(result.redirects.count) times (\(chain))")
        case .timedOut:
            return (.warning, "could not check '\(address)': no answer within \(Int(settings.timeoutSeconds)) s; it may be slow or down")
        case .failed:
            return (.warning, "could not check '\(address)': \(result.detail ?? "no answer")")
        case .answered:
            break
        }
        let status = result.status ?? 0
        if (200...299).contains(status) || settings.acceptStatuses.contains(status) {
            // A permanent move is worth updating, except for DOIs, which always redirect.
            if !isDOI, let moved = result.redirects.first(where: { [301, 308].contains($0.status) }) {
                return (.warning, "link to '\(address)' has moved permanently (\(moved.status)); use '\(result.finalURL)' (\(chain))")
            }
            return nil
        }
        let via = chain.isEmpty ? "" : " after redirects (\(chain))"
        switch status {
        case 404, 410:
            return (.error, "link to '\(address)' is broken: the site answers \(status) \(Self.reason(status))\(via)")
        case 401, 403, 429:
            let wait = result.retryAfter.map { ", and asks to wait \($0) s" } ?? ""
            return (.warning, "could not check '\(address)': the site refused the check (\(status) \(Self.reason(status))\(wait)); check it in a browser, or list its host in external_links: skip_hosts")
        case 500...599:
            return (.warning, "could not check '\(address)': the site had a problem (\(status) \(Self.reason(status)))\(via); try again later")
        default:
            return (.error, "link to '\(address)' does not work: the site answers \(status) \(Self.reason(status))\(via)")
        }
    }

    /// The status's reason phrase as the HTTP standards give it (RFC 9110; 429 from RFC 6585, 451
    /// from RFC 7725), or its class for a code they do not name.
    static func reason(_ status: Int) -> String {
        if let phrase = reasons[status] { return phrase }
        switch status {
        case 300...399: return "Redirection"
        case 400...499: return "Client Error"
        case 500...599: return "Server Error"
        default: return "Unknown Status"
        }
    }

    private static let reasons: [Int: String] = [
        300: "Multiple Choices", 305: "Use Proxy", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required",
        403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
        407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
        412: "Precondition Failed", 413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type",
        416: "Range Not Satisfiable", 417: "Expectation Failed", 421: "Misdirected Request", 422: "Unprocessable Content",
        426: "Upgrade Required", 429: "Too Many Requests", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]
}
