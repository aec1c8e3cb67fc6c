/// Emergency advice must name a real number and place: red flags need site.yml's `emergency:`.
public enum EmergencyCheck {
    public static func check(config: SiteConfig?, redFlags: RedFlags?) -> [Diagnostic] {
        guard let config, redFlags != nil, config.emergency == nil else { return [] }
        return [.error(SiteConfigLoader.path, line: 1, column: 1,
            "missing 'emergency:' with 'call:' (the number to dial, such as 999) and 'go_to:' (such as A&E): \(GuidanceLoader.redFlagsPath) shows emergency advice on every page and needs them")]
    }
}
