import Foundation

/// The files `dermasite new site` writes: a site that builds with the built-in theme and nothing
/// else. Its emergency advice is the bundled red flags, so every page carries it from the start;
/// its first article and its About us page are drafts, to be written before they are published.
public enum SiteScaffold {
    public static func files(title: String, today: Day) -> [(path: String, text: String)] {
        let redFlags = StarterRedFlags.files.first.flatMap { Data(base64Encoded: $0.base64) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return [
            (SiteConfigLoader.path, config(title: title)),
            ("\(ContentLoader.dataFolder)/red-flags.yml", redFlags),
            (ArticleScaffold.path(for: "Your first article"), ArticleScaffold.text(title: "Your first article", today: today)),
            (ArticleScaffold.path(for: "About us", kind: .page), ArticleScaffold.pageText(title: "About us", today: today)),
        ]
    }

    static func config(title: String) -> String {
        """
        # Site settings. Every page uses these; the README's "Site settings" lists every key.
        title: \(ArticleScaffold.quoted(title))
        description: ""
        # The address the site will be published at (a sub-path such as https://example.org/legs/ works too).
        base_url: https://example.org/
        language: en-GB
        # Who publishes the site: named in the footer and on every medical page.
        publisher: ""
        # Where readers go in an emergency. The emergency box on every page and the care cards use
        # these: a site for another country changes them here (for example call: "911").
        emergency:
          call: "999"
          go_to: "A&E"
          urgent_line: "NHS 111"
        # Where readers report a mistake: a web address or a mailto: link.
        # feedback: "mailto:you@example.org"
        # The site's colour, checked for readable contrast.
        # theme:
        #   colour: "#005eb8"
        # Links in the footer of every page, once the pages are published (draft: false):
        # footer:
        #   links:
        #     - title: About us
        #       url: /about-us/
        menu:
          - title: Home
            url: /
          - title: Articles
            url: /articles/

        """
    }
}
