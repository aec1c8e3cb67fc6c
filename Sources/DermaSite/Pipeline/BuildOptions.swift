import Foundation

/// What to build and where.
public struct BuildOptions: Sendable {
    /// The site folder, holding Content/ and Templates/.
    public var root: String
    /// The output folder; defaults to `<root>/Public`.
    public var output: String
    /// Overrides `base_url` in Content/site.yml.
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Broken internal links fail the build unless this is false (they are then warnings).
    public var linksMustResolve = true
    /// Identifies the generator build (e.g. the executable's size and time), so a new version of the
    /// tool never takes an old output for up to date.
    public var generatorIdentity = ""
    /// The date review deadlines are checked against; nil skips the overdue check.
    public var today: Day?
    /// Collect every external link and source address for `check --external` (never needed to build).
    public var collectExternalLinks = false
    /// Asked between the render steps: true stops the build with `BuildCancelled` (a newer save
    /// made it useless). The cache stays valid: the next build must be given these changes again.
    public var shouldStop: (@Sendable () -> Bool)?
    /// A single build in a process that ends after it (the command line's `build`): what the build
    /// made is left for the exit to reclaim rather than freed piece by piece (`ExitMemory`).
    public var leavesMemoryToExit = false
    /// Called as each step starts, so a front end can show progress.
    public var onStep: (@Sendable (String) -> Void)?

    public init(root: String, output: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                onStep: (@Sendable (String) -> Void)? = nil) {
        self.root = root
        self.output = output ?? FilePath.join(root, "Public")
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.onStep = onStep
    }
}

/// How long each named step took.
public struct StepTiming: Sendable {
    public var name: String
    public var seconds: Double
    /// Processor time of the whole process (every thread) while the step ran: about twice
    /// `seconds` when a step keeps two cores busy, equal to it when it runs on one.
    public var cpuSeconds: Double = 0
}

public struct BuildReport: Sendable {
    public var steps: [StepTiming] = []
    public var diagnostics: [Diagnostic] = []
    public var pagesRendered = 0
    /// Nothing changed since the last build, so nothing was rendered or written.
    public var upToDate = false
    public var draftsSkipped = 0
    /// Reading-level scores of every article and root page.
    public var readability: [PageReadability] = []
    public var readingGradeTarget: Double = 8
    /// Output paths this build rendered or copied afresh; the rest came unchanged from the cache
    /// of an earlier build (all of them on a full build).
    public var outputsRendered: [String] = []
    /// Why each of `outputsRendered` was rendered again: the inputs that changed, by name.
    public var renderReasons: [String: String] = [:]
    /// The build wrote the same paths, in the same order, as the cache's previous build: every file
    /// not in `outputsRendered` is then byte for byte what that build gave.
    public var samePathsAsLastBuild = false
    /// Every file the site has, what makes it and where it comes from (nil when a build is up to date).
    public var routes: Routes?
    /// Links to other sites and cited sources, when `BuildOptions.collectExternalLinks` asked for them.
    public var externalLinks: [ExternalLinkUse] = []
    /// The photos as given, and the smallest copy of each that a phone loads instead.
    public var images = ImageSavings()
    public var filesWritten = 0
    public var filesChanged = 0
    public var filesRemoved = 0
    public var seconds: Double { steps.reduce(0) { $0 + $1.seconds } }
}

/// Times named steps; the build reads as the list of them.
struct StepClock {
    private(set) var steps: [StepTiming] = []
    let onStep: (@Sendable (String) -> Void)?

    mutating func run<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        onStep?(name)
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = Self.processorSeconds()
        defer {
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            steps.append(StepTiming(name: name, seconds: seconds, cpuSeconds: Self.processorSeconds() - cpuStart))
        }
        return try body()
    }
}

extension StepClock {
    static func processorSeconds() -> Double {
        var now = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) == 0 else { return 0 }
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }
}

/// A build stopped by `BuildOptions.shouldStop` before it finished: nothing was written.
public struct BuildCancelled: Error, Sendable {
    public init() {}
}

/// What the WebP copies save: `--verbose` prints it.
public struct ImageSavings: Sendable, Equatable {
    public var count = 0
    public var originalBytes = 0
    /// The smallest copy of each image, the one a phone loads.
    public var phoneBytes = 0
}
