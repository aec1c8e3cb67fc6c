/// The build: load -> validate -> render -> write, each a named, timed step. Every step runs
/// even after errors where it can, so one build reports all the problems it can find.
public struct SiteBuilder: Sendable {
    public let fileSystem: FileSystem

    public init(fileSystem: FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Builds and writes the site. Throws `BuildFailure` with every diagnostic when anything is wrong;
    /// the output folder is then untouched.
    public func build(_ options: BuildOptions, outputDisplayName: String = "Public") throws -> BuildReport {
        if let noSite = noSite(options.root) { throw BuildFailure(step: "find the site", diagnostics: [noSite]) }
        let writer = OutputWriter(fileSystem: fileSystem, output: options.output, displayName: outputDisplayName)
        // One build at a time per output: the lock covers the "up to date" check too.
        return try writer.withLock { try build(options, writer: writer) }
    }

    private func build(_ options: BuildOptions, writer: OutputWriter) throws -> BuildReport {
        var clock = StepClock(onStep: options.onStep)
        // A kill during an earlier write is finished or undone before the output is read.
        do {
            try clock.run("recover output") { try writer.recover() }
        } catch {
            throw BuildFailure(step: "recover output", diagnostics: [.error(writer.displayName, "\(error)")])
        }
        var inputs = clock.run("fingerprint inputs") { InputFingerprint(options, fileSystem: fileSystem) }
        if let current = clock.run("compare with last build", { writer.isUpToDate(inputs: &inputs) }) {
            var report = BuildReport()
            report.upToDate = true
            report.filesWritten = current.entries.count
            report.pagesRendered = current.entries.filter { $0.path.hasSuffix(".html") }.count
            report.diagnostics = current.warnings
            report.steps = clock.steps
            return report
        }
        let cache = BuildCache()
        var (files, report) = try render(options, clock: &clock, writer: writer, cache: cache, changes: .everything,
                                         oneBuild: true)
        if options.leavesMemoryToExit { ExitMemory.keep(cache) }
        let warnings = report.diagnostics.warnings
        let written = try clock.run("write output") {
            try writer.write(files, inputs: inputs.full(fileSystem: fileSystem), quickInputs: inputs.quick, warnings: warnings)
        }
        if options.leavesMemoryToExit { ExitMemory.keep(files) }
        files.removeAll()
        report.filesWritten = written.filesWritten
        report.filesChanged = written.filesChanged
        report.filesRemoved = written.filesRemoved
        report.steps = clock.steps
        return report
    }

    /// Everything but writing: the files a build would write, and its warnings. With a `cache`
    /// from an earlier render and the `changes` since, only what the changes affect is loaded and
    /// rendered again; the files are the same as a render from scratch would give.
    public func render(_ options: BuildOptions, cache: BuildCache = BuildCache(),
                       changes: ChangeSet = .everything) throws -> (files: [OutputFile], report: BuildReport) {
        var clock = StepClock(onStep: options.onStep)
        var result = try render(options, clock: &clock, writer: nil, cache: cache, changes: changes)
        result.report.steps = clock.steps
        return result
    }

    /// `oneBuild`: the cache ends with this build, so what only a next build would reuse is let go
    /// as soon as this one is done with it.
    private func render(_ options: BuildOptions, clock: inout StepClock, writer: OutputWriter?, cache kept: BuildCache,
                        changes requested: ChangeSet, oneBuild: Bool = false) throws -> (files: [OutputFile], report: BuildReport) {
        let root = options.root
        let (cache, changes) = kept.begin(options, changes: requested)
        var diagnostics: [Diagnostic] = []
        // The first step that found an error, so the summary names where the build stopped.
        var failedStep: String?
        func note(_ step: String) { if failedStep == nil, diagnostics.hasErrors { failedStep = step } }
        if let writer {
            if let refusal = writer.checkOutputIsOurs() { diagnostics.append(refusal) }
            diagnostics += OutputPlacement.problems(output: writer.output, root: root, displayName: writer.displayName,
                                                    fileSystem: fileSystem)
        }
        note("check output folder")
        if let noSite = noSite(root) { throw BuildFailure(step: "find the site", diagnostics: diagnostics + [noSite]) }

        // Load
        var config = clock.run("load configuration") { () -> SiteConfig? in
            let (config, problems) = cache.load(cache.config, reload: changes.contains(SiteConfigLoader.path)) {
                SiteConfigLoader.load(root: root, fileSystem: fileSystem)
            }
            diagnostics += problems
            return config
        }
        if let override = options.baseURL {
            if let url = BaseURL(override) {
                config?.baseURL = url
            } else {
                diagnostics.append(.error("--base-url", "'\(override)' is not a web address such as https://example.org/legs/"))
            }
        }
        note("load configuration")
        let content = clock.run("load content") {
            ContentLoader.load(root: root, fileSystem: fileSystem, includeDrafts: options.includeDrafts,
                               cache: cache.content, changes: changes)
        }
        diagnostics += content.diagnostics
        note("load content")
        let images = clock.run("read images") { () -> [String: ImageInfo] in
            let (images, problems) = cache.images(content.staticFiles, root: root, fileSystem: fileSystem, changes: changes)
            diagnostics += problems
            return images
        }
        note("read images")
        let (templateSource, loadedAssets, templateProblems) = clock.run("load templates") {
            let old = cache.templates.value.map { ($0.0, $0.1) }
            let reload = changes.touches(TemplateLoader.folder) || old == nil
            let loaded = cache.load(cache.templates, reload: reload) { TemplateLoader.load(root: root, fileSystem: fileSystem) }
            if reload { cache.templatesReloaded(old: old, new: (loaded.0, loaded.1)) }
            return loaded
        }
        diagnostics += templateProblems
        // The theme colour of site.yml is applied every build: a change to either file shows.
        let assets = ThemeAssets.apply(config?.theme ?? ThemeSettings(), to: loadedAssets)
        cache.publishedAssets(assets)
        note("load templates")
        let atlas = clock.run("load dermatome data") { () -> Atlas? in
            let reload = AtlasLoader.paths.contains(where: changes.contains)
            let (atlas, problems) = cache.load(cache.atlas, reload: reload) { AtlasLoader.load(root: root, fileSystem: fileSystem) }
            diagnostics += problems
            return atlas
        }
        note("load dermatome data")
        let (glossary, redFlags) = clock.run("load glossary and red flags") { () -> (Glossary?, RedFlags?) in
            let reload = changes.contains(GuidanceLoader.glossaryPath) || changes.contains(GuidanceLoader.redFlagsPath)
            let (glossary, redFlags, problems) = cache.load(cache.guidance, reload: reload) {
                GuidanceLoader.load(root: root, fileSystem: fileSystem)
            }
            diagnostics += problems
            return (glossary, redFlags)
        }

        diagnostics += EmergencyCheck.check(config: config, redFlags: redFlags)
        note("load glossary and red flags")
        let searchSettings = clock.run("load search words") { () -> SearchSettings in
            let (settings, problems) = cache.load(cache.searchSettings, reload: changes.contains(SearchSettingsLoader.path)) {
                SearchSettingsLoader.load(root: root, fileSystem: fileSystem)
            }
            diagnostics += problems
            return settings
        }
        note("load search words")
        let reviews = clock.run("load reviews") { () -> SiteReviews in
            // Read every build: the record is small, and it hashes only the files it names.
            let (reviews, problems) = ReviewLoader.load(root: root, fileSystem: fileSystem)
            diagnostics += problems
            return reviews
        }
        note("load reviews")

        // Validate
        func stopIfAsked() throws { if options.shouldStop?() == true { throw BuildCancelled() } }
        try stopIfAsked()
        let articles = clock.run("validate content") { () -> [Article] in
            diagnostics += cache.checkArticles(content.articles)
            return cache.listingOrder(content.articles)
        }
        note("validate content")
        if let atlas {
            clock.run("validate dermatome data") {
                diagnostics += cache.keyed(&cache.atlasProblems, [cache.atlas.version]) { AtlasValidator.validate(atlas) }
            }
        }
        note("validate dermatome data")
        let routes = clock.run("plan routes") {
            cache.routes(articles: articles, assets: assets, staticFiles: content.staticFiles, images: images, atlas: atlas,
                         hasGlossary: glossary != nil, articlesPerPage: config?.articlesPerPage ?? SiteConfig.defaultArticlesPerPage)
        }
        diagnostics += routes.clashes
        note("plan routes")
        let templates = clock.run("compile templates") { () -> TemplateSet? in
            let hasPages = articles.contains { $0.kind == .page }
            let key = [cache.templates.version, atlas != nil ? 1 : 0, glossary != nil ? 1 : 0, hasPages ? 1 : 0]
            let (set, problems) = cache.keyed(&cache.compiled, key) {
                TemplateSet.compile(templateSource, withAtlas: atlas != nil, withGlossary: glossary != nil, withPages: hasPages)
            }
            diagnostics += problems
            return set
        }

        note("compile templates")

        // Render
        let versions = InputVersions(config: cache.config.version, atlas: cache.atlas.version, guidance: cache.guidance.version,
                                     reviews: cache.version(of: reviews, in: &cache.reviews))
        let placeholder = config ?? SiteConfig(title: "", baseURL: BaseURL("http://localhost/")!)
        var site = Site(config: placeholder, articles: articles, templates: templateSource, assets: assets,
                        staticFiles: content.staticFiles, atlas: atlas, glossary: glossary, redFlags: redFlags)
        site.reviews = reviews
        site.images = images
        site.draftPaths = content.draftPaths
        if config != nil {
            // The names pages are given are fixed by their types: only a template edit changes the result.
            diagnostics += cache.keyed(&cache.templateValueProblems, [cache.templates.version]) { TemplateNameCheck.check(templateSource, site: site) }
        }
        var rendered = clock.run("render markdown") { () -> [RenderedMarkdown] in
            let results = MarkdownStep.render(site, routes: routes, linksMustResolve: options.linksMustResolve,
                                              cache: cache, versions: versions)
            // A glossary or site.yml that is there but could not be read was reported; what only
            // follows from that (links to the glossary, numbers for care cards) is not reported again.
            let glossaryUnread = glossary == nil && fileSystem.exists(FilePath.join(root, GuidanceLoader.glossaryPath))
            let followOn = (glossaryUnread ? [MarkdownRenderer.glossaryMissing] : []) + (config == nil ? [CareCard.needsEmergency] : [])
            for result in results {
                diagnostics += followOn.isEmpty ? result.diagnostics
                    : result.diagnostics.filter { problem in !followOn.contains { problem.message.hasPrefix($0) } }
            }
            return results
        }
        note("render markdown")
        try stopIfAsked()
        let readability = clock.run("check reading level and reviews") { () -> [PageReadability] in
            let scores = cache.readability(site: site, rendered: rendered)
            diagnostics += cache.contentStandards(site: site, rendered: rendered, readability: scores)
            diagnostics += cache.reviewCheck(site: site, reviews: reviews, today: options.today)
            return scores
        }
        guard config != nil, let templates, !Self.stopsRendering(diagnostics, rendered) else {
            note("check reading level and reviews")
            throw BuildFailure(step: failedStep ?? "load", diagnostics: diagnostics.sortedForReport())
        }

        var files: [OutputFile] = []
        files.reserveCapacity(routes.all.count)
        var savings = ImageSavings()
        let pages = PageRenderer(site: site, templates: templates, frame: cache.pageFrame(site, versions: versions))
        let steps = CachedPages(site: site, routes: routes, pages: pages, cache: cache, versions: versions)
        try stopIfAsked()
        try clock.run("render article pages") { files += try steps.articles(rendered) }
        try stopIfAsked()
        try clock.run("render lists and atlas pages") { files += try steps.listsAndAtlas(rendered) + steps.searchPage() }
        try stopIfAsked()
        let pageCount = files.count
        try clock.run("render feed and sitemap") { files += try steps.feedAndSitemap(rendered) + steps.aliases() }
        if oneBuild {
            // The articles' HTML is in their pages and the feed now. Held through search and the
            // link check, it and the pages' values took 50 of 290 MiB at 4,000 articles.
            cache.forgetPageValues()
            rendered = rendered.map { $0.withoutHTML() }
        }
        clock.run("index for search") {
            let (index, problems) = steps.searchIndex(Array(files[..<pageCount]), settings: searchSettings)
            files += index
            diagnostics += problems
        }
        if oneBuild { cache.forgetSearch() }
        try clock.run("copy assets, files and charts") {
            for asset in site.assets { files.append(OutputFile(path: asset.outputPath, bytes: asset.bytes)) }
            files += try steps.charts()
            files += try steps.staticFiles(root: root, fileSystem: fileSystem, changes: changes)
            let copies = try cache.imageCopies(images, root: root, fileSystem: fileSystem)
            let sizes = Dictionary(copies.map { ($0.path, $0.bytes.count) }, uniquingKeysWith: { first, _ in first })
            for (file, info) in images {
                savings.count += 1
                savings.originalBytes += info.bytes
                savings.phoneBytes += info.variants(of: file).first.flatMap { sizes[$0.path] } ?? info.bytes
            }
            files += copies
        }
        let clashes = cache.duplicatePaths(files)
        if !clashes.isEmpty {
            throw BuildFailure(step: "copy assets, files and charts", diagnostics: clashes.map {
                .error("\(ContentLoader.contentFolder)/\($0)", "this file would overwrite a generated page or file with the same path")
            })
        }
        clock.run("check links") {
            // After an edit only the pages rendered again can have new links.
            let index = cache.linkIndex(basePath: site.config.baseURL.path)
            index.unlinkedAllowed = routes.unlinkedAllowed
            index.keepsLookups = !oneBuild
            index.writtenLinks = Self.writtenLinks(site)
            let onlyChanged = index.hasSamePaths(files) ? Set(cache.rendered) : nil
            var markdownLinks: [String: [LinkRecord]] = [:]
            if let onlyChanged {
                for page in onlyChanged { if let at = routes.articleAt[page] { markdownLinks[page] = rendered[at].links } }
            } else {
                for (page, markdown) in zip(routes.articleFiles, rendered) { markdownLinks[page] = markdown.links }
            }
            // An article or page without a description was reported at its Markdown file.
            for problem in index.update(files, markdownLinks: markdownLinks, onlyChanged: onlyChanged)
                where !(problem.message == LinkChecker.noDescription && routes.articleAt[problem.file] != nil) {
                var found = problem
                if !options.linksMustResolve && found.severity == .error { found.severity = .warning }
                diagnostics.append(found)
            }
        }
        if diagnostics.hasErrors {
            note("check links")
            throw BuildFailure(step: failedStep ?? "check links", diagnostics: diagnostics.sortedForReport())
        }
        var report = BuildReport()
        report.diagnostics = cache.sortedForReport(diagnostics)
        report.pagesRendered = pageCount
        (report.outputsRendered, report.renderReasons, report.samePathsAsLastBuild) = cache.buildSucceeded()
        report.draftsSkipped = content.draftsSkipped
        report.routes = routes
        if options.collectExternalLinks { report.externalLinks = ExternalLinks.collect(site: site, rendered: rendered) }
        report.readability = readability
        report.images = savings
        report.readingGradeTarget = site.config.readingGradeTarget
        return (files, report)
    }
}
