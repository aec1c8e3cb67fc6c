import DermaSite

/// What `--explain` prints: the route table, and why outputs were made again.
enum RouteExplainer {
    static func table(_ report: BuildReport) -> String {
        guard let routes = report.routes else { return "" }
        let width = min(60, routes.all.map(\.file.count).max() ?? 0)
        let sourceWidth = min(50, routes.all.map { $0.source?.count ?? 1 }.max() ?? 0)
        var lines = ["Routes: \(routes.all.count) files (output file, what makes it, source, why it was made)"]
        for route in routes.all {
            let file = route.file.padding(toLength: max(width, route.file.count), withPad: " ", startingAt: 0)
            let kind = route.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            let why = report.renderReasons[route.file].map { "made: \($0)" } ?? "reused from the last build"
            let source = (route.source ?? "-").padding(toLength: max(sourceWidth, route.source?.count ?? 1), withPad: " ", startingAt: 0)
            lines.append("  \(file)  \(kind)  \(source)  \(why)")
        }
        return lines.joined(separator: "\n")
    }

    static func reasons(_ report: BuildReport) -> String {
        report.outputsRendered.map { "  \($0): \(report.renderReasons[$0] ?? "made again")" }.joined(separator: "\n")
    }
}
