import Yams

/// site.yml's `emergency:` block and the feedback address.
enum HealthSettingsDecoder {
    static let emergencyKeys = ["call", "go_to", "urgent_line", "help_page"]

    static func emergency(_ node: Node, reader: inout YAMLReader) -> EmergencySettings? {
        guard case .mapping = node else {
            reader.report(.error, at: node, "'emergency' must set 'call:' (such as 999) and 'go_to:' (such as A&E)")
            return nil
        }
        var values: [String: String] = [:]
        for (key, _, value) in reader.fields(of: node, known: emergencyKeys, context: "the emergency settings") {
            guard let text = reader.string(value, key: key)?.trimmingWhitespace(), !text.isEmpty else { continue }
            if key == "help_page", !(text.hasPrefix("/") && text.hasSuffix("/") && isPlain(text)) {
                reader.report(.error, at: value, "'help_page' must be a page of this site such as /articles/when-to-get-urgent-help/")
                continue
            }
            if key == "call", !text.allSatisfy({ $0.isNumber || $0 == " " }) {
                reader.report(.error, at: value, "'call' must be the number to dial, such as 999, 911 or 112")
                continue
            }
            values[key] = text
        }
        guard let call = values["call"], let goTo = values["go_to"] else {
            reader.report(.error, at: node, "'emergency' needs 'call:' (the number to dial, such as 999) and 'go_to:' (where to go, such as A&E)")
            return nil
        }
        return EmergencySettings(call: call, goTo: goTo, urgentLine: values["urgent_line"], helpPage: values["help_page"])
    }

    static func feedback(_ node: Node, reader: inout YAMLReader) -> String {
        guard let text = reader.string(node, key: "feedback")?.trimmingWhitespace() else { return "" }
        let mail = text.hasPrefix("mailto:") && text.contains("@") && isPlain(text)
        guard mail || (FrontMatterDecoder.isWebAddress(text) && isPlain(text)) else {
            reader.report(.error, at: node, "'feedback' must be a web address (https://...) or an email link (mailto:name@example.org)")
            return ""
        }
        return text
    }

    private static func isPlain(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.isWhitespace || "\"'<>\\`".unicodeScalars.contains($0) }
    }

    static func externalLinks(_ node: Node, reader: inout YAMLReader) -> ExternalLinkSettings {
        var settings = ExternalLinkSettings()
        guard case .mapping = node else {
            reader.report(.error, at: node, "'external_links' must be a set of keys such as 'skip_hosts:' and 'recheck_after_days:'")
            return settings
        }
        let known = ["skip_hosts", "accept_statuses", "recheck_after_days", "timeout_seconds", "delay_milliseconds"]
        for (key, _, value) in reader.fields(of: node, known: known, context: "the external link settings") {
            switch key {
            case "skip_hosts": settings.skipHosts = reader.strings(value, key: key).map { $0.lowercased() }
            case "accept_statuses":
                guard case let .sequence(items) = value else {
                    reader.report(.error, at: value, "'accept_statuses' must be a list of HTTP statuses such as [403]")
                    continue
                }
                for item in items {
                    if let status = reader.int(item, key: key), (100...599).contains(status) {
                        settings.acceptStatuses.append(status)
                    } else {
                        reader.report(.error, at: item, "'accept_statuses' entries must be HTTP statuses from 100 to 599")
                    }
                }
            case "recheck_after_days":
                if let days = reader.int(value, key: key), days >= 0 { settings.recheckAfterDays = days } else {
                    reader.report(.error, at: value, "'recheck_after_days' must be a whole number of days, such as 7")
                }
            case "timeout_seconds":
                if let seconds = reader.number(value, key: key), seconds > 0 { settings.timeoutSeconds = seconds } else {
                    reader.report(.error, at: value, "'timeout_seconds' must be a number of seconds above 0, such as 15")
                }
            default:
                if let pause = reader.int(value, key: key), pause >= 0 { settings.delayMilliseconds = pause } else {
                    reader.report(.error, at: value, "'delay_milliseconds' must be a whole number of milliseconds, such as 500")
                }
            }
        }
        return settings
    }
}
