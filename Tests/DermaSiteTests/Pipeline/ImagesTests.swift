@testable import DermaSite
import Foundation
import Testing

/// Images as health pages need them: described, sized, small on a phone, captioned.
@Suite struct ImagesTests {
    static let png = FixtureSite.png

    func site(body: String) throws -> FixtureSite {
        let site = try FixtureSite.basic()
        try site.fileSystem.write(Self.png, to: site.root + "/Content/images/strip.png")  // Content/images exists
        try site.write("Content/articles/pictures.md", FixtureSite.article(title: "Pictures", body: body))
        return site
    }

    @Test func anImageGetsItsSizeWebPCopiesAndLazyLoadingAfterTheFirst() throws {
        let site = try site(body: "![A blue strip](../images/strip.png)\n\nText ![A second strip](/images/strip.png) inline.\n")
        let report = try site.build()
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let html = try site.read("Public/articles/pictures/index.html")
        let hash = String(ContentHash.hex(Self.png).prefix(12))
        #expect(html.contains(#"<picture><source type="image/webp" srcset="/images/strip-png.\#(hash)-480.webp 480w, /images/strip-png.\#(hash)-960.webp 960w, /images/strip-png.\#(hash)-1000.webp 1000w" sizes="(max-width: 45rem) 100vw, 45rem"><img src="/images/strip.png" alt="A blue strip" width="1000" height="20" decoding="async"></picture>"#), "\(html)")
        #expect(html.contains(#"alt="A second strip" width="1000" height="20" loading="lazy" decoding="async">"#))
        for width in [480, 960, 1000] {
            let copy = try site.fileSystem.readBytes(site.root + "/Public/images/strip-png.\(hash)-\(width).webp")
            #expect(Array(copy.prefix(4)) == Array("RIFF".utf8) && Array(copy[8..<12]) == Array("WEBP".utf8))
            #expect(try ImageCodec.size(of: copy).width == width)
        }
        // The fixture's map.png is the same picture: two images, two sets of copies.
        let phone = try site.fileSystem.readBytes(site.root + "/Public/images/strip-png.\(hash)-480.webp").count
        #expect(report.images == ImageSavings(count: 2, originalBytes: 2 * Self.png.count, phoneBytes: 2 * phone))
        #expect(report.routes?.all.filter { $0.kind == .imageCopy }.count == 6)
    }

    @Test func aTitledImageAloneInItsParagraphIsAFigureWithACaption() throws {
        let site = try site(body: "![decorative](../images/strip.png \"A strip of blue\")\n")
        try site.build()
        let html = try site.read("Public/articles/pictures/index.html")
        #expect(html.contains("<figure class=\"figure\">\n<picture>") && html.contains(#"alt="" width="1000""#))
        #expect(html.contains("<figcaption>A strip of blue</figcaption>\n</figure>"))
    }

    @Test func anImageWithoutAltTextIsAnErrorAtItsLine() throws {
        let site = try site(body: "Intro.\n\n![](../images/strip.png)\n")
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors == ["Content/articles/pictures.md:12:1: error: image '../images/strip.png' has no alt text: say what it shows for readers who cannot see it, as in ![Numb area on the top of the foot](../images/strip.png), or write ![decorative](../images/strip.png) if it is only decoration"])
    }

    @Test func imageAddressesThatRunCodeAreDropped() {
        let html = MarkdownRenderer().render("![a](JaVaScRiPt:alert(1)) ![b](data:text/html,boo) ![c](vbscript:x) ![d](https://example.org/ok.png)\n").html
        for bad in ["javascript", "JaVaScRiPt", "data:", "vbscript"] { #expect(!html.contains(bad), "\(html)") }
        #expect(html.contains(#"<img src="" alt="a""#) && html.contains(#"<img src="https://example.org/ok.png" alt="d""#))
    }

    @Test func aFileThatIsNoImageIsAnErrorNamingIt() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/images/broken.jpg", "not a jpeg at all")
        let errors = try #require(site.failingBuild()).map(\.description)
        #expect(errors.contains { $0.hasPrefix("Content/images/broken.jpg: error: this image cannot be read (") && $0.hasSuffix("); save it again as JPEG, PNG or WebP") }, "\(errors)")
    }

    @Test func aRebuildTakesTheCopiesFromTheDiskCacheAndRefusesACutOffOne() throws {
        let site = try site(body: "![A blue strip](../images/strip.png)\n")
        try site.build()
        let folder = site.root + "/.dermasite-cache/images/"
        let cached = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(cached.count == 3, "one picture (in two files), three widths: \(cached)")
        // A whole WebP put under the 480 px key is used as it is: the copy comes from the cache.
        let key480 = try #require(cached.first { $0.contains("-480-") }), key960 = try #require(cached.first { $0.contains("-960-") })
        let stand = try site.fileSystem.readBytes(folder + key960)
        try site.fileSystem.write(stand, to: folder + key480)
        let hash = String(ContentHash.hex(Self.png).prefix(12))
        try site.build(output: site.root + "/Second")
        #expect(try site.fileSystem.readBytes(site.root + "/Second/images/strip-png.\(hash)-480.webp") == stand)
        // A cut-off file is not trusted: the copy is made again.
        try site.fileSystem.write(Array(stand.prefix(40)), to: folder + key480)
        try site.build(output: site.root + "/Third")
        let remade = try site.fileSystem.readBytes(site.root + "/Third/images/strip-png.\(hash)-480.webp")
        #expect(try ResponsiveImages.isWholeWebP(remade) && ImageCodec.size(of: remade).width == 480)
    }

    @Test func linksAndImagesInsideAltTextAreLeftToTheImage() throws {
        // These once freed a node twice: the image's markup replaces what its alt text holds.
        let site = try site(body: "![see [medial](glossary:medial) skin](../images/strip.png)\n\n![![inner](../images/strip.png)](../images/strip.png)\n")
        try site.write("Content/data/glossary.yml", GuidanceTests.glossary)
        try site.build()
        let html = try site.read("Public/articles/pictures/index.html")
        #expect(html.contains(#"alt="see medial skin""#) && html.contains(#"alt="inner""#))
    }

    @Test func twoFilesWithOneStemAndTheSameBytesGetCopiesOfTheirOwn() throws {
        let site = try site(body: "![One](../images/strip.png) ![Two](../images/strip.PNG)\n")
        try site.fileSystem.write(Self.png, to: site.root + "/Content/images/strip.PNG")
        try site.build()
        let copies = try FileManager.default.contentsOfDirectory(atPath: site.root + "/Public/images").filter { $0.hasSuffix(".webp") }
        #expect(copies.filter { $0.hasPrefix("strip-png.") }.count == 3 && copies.filter { $0.hasPrefix("strip-PNG.") }.count == 3, "\(copies)")
    }

    /// A 40 x 20 JPEG made with Pillow, stored on its side (EXIF orientation 6) with a GPS position.
    static let sidewaysPhotoWithGPS = Array(Data(base64Encoded: "/9j/4AAQSkZJRgABAQAAAQABAAD/4QCURXhpZgAATU0AKgAAAAgAAgESAAMAAAABAAYAAIglAAQAAAABAAAAJgAAAAAABAABAAIAAAACTgAAAAACAAUAAAADAAAAXAADAAIAAAACVwAAAAAEAAUAAAADAAAAdAAAAAAAAAAzAAAAAQAAAB4AAAABAAAAAAAAAAEAAAAAAAAAAQAAAAcAAAABAAAAAAAAAAH/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAUACgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDPooor3DwgooooAKKKKACiiigAooooAKKKKAP/2Q==")!)

    @Test func aPhotoStoredOnItsSideIsSizedAsShownAndItsGPSIsWarnedAbout() throws {
        let site = try site(body: "![A sideways test photo](../images/phone.jpg)\n")
        try site.fileSystem.write(Self.sidewaysPhotoWithGPS, to: site.root + "/Content/images/phone.jpg")
        let report = try site.build()
        #expect(try site.read("Public/articles/pictures/index.html").contains(#"alt="A sideways test photo" width="20" height="40""#))
        #expect(report.diagnostics.map(\.description).contains { $0.hasPrefix("Content/images/phone.jpg: warning: this photo's metadata records where it was taken (GPS)") })
        #expect(!report.diagnostics.contains { $0.file == "Content/images/strip.png" }, "a PNG with no GPS is not warned about")
    }

    @Test func aSrcsetAddressWithASpaceIsEncoded() throws {
        let site = try site(body: "![A blue strip](<../images/knee pain.png>)\n")
        try site.fileSystem.write(Self.png, to: site.root + "/Content/images/knee pain.png")
        try site.build()
        let html = try site.read("Public/articles/pictures/index.html")
        #expect(html.contains("/images/knee%20pain-png.") && !html.contains("knee pain-png"), "\(html)")
    }
}
