import BulletinModel

/// What happened to one input of a batch.
public struct IssueOutcome: Sendable {
    public enum Status: String, Sendable {
        /// Typeset and written in this run.
        case built
        /// Skipped: the manifest's claim on its output still holds.
        case unchanged
        /// Not written; `errors` say why.
        case failed
        /// Not started because the batch was stopped (SIGINT, SIGTERM).
        case notRun = "not-run"
    }

    /// Whether a failure lies in the input (its content, reading it) or in writing the outputs.
    public enum Failure: String, Sendable {
        case input, output
    }

    /// The input path as found.
    public var input: String
    /// The input's path below its archive root.
    public var relativeInput: String
    /// The PDF's path below the output directory.
    public var output: String
    public var status: Status
    /// Why it was built (`new`, `input changed`, `settings changed`, `output missing or changed`,
    /// `forced`); nil otherwise.
    public var reason: String?
    public var failure: Failure?
    public var pages: Int
    /// Wall time spent on it by its worker, in seconds.
    public var seconds: Double
    public var phases: PhaseTimes
    public var warnings: [Diagnostic]
    public var errors: [Diagnostic]
    public var issue: IssueSummary?

    public init(item: ArchiveItem, status: Status) {
        input = item.path
        relativeInput = item.relativePath
        output = item.outputPath
        self.status = status
        pages = 0
        seconds = 0
        phases = PhaseTimes()
        warnings = []
        errors = []
    }
}

/// Seconds one issue (or, summed, a whole run) spent in each step of its job.
public struct PhaseTimes: Sendable, Codable, Equatable {
    /// Reading the input and hashing it, and checking the manifest's claim.
    public var readAndHash = 0.0
    /// Decoding issue JSON or importing a text bulletin.
    public var decode = 0.0
    public var layout = 0.0
    /// Writing the PDF's bytes in memory (`PDFRenderer`).
    public var pdf = 0.0
    /// Drawing page images.
    public var png = 0.0
    /// Writing files (temporary name, rename) and the manifest journal.
    public var write = 0.0

    public init() {}

    public static func + (a: PhaseTimes, b: PhaseTimes) -> PhaseTimes {
        var sum = PhaseTimes()
        sum.readAndHash = a.readAndHash + b.readAndHash
        sum.decode = a.decode + b.decode
        sum.layout = a.layout + b.layout
        sum.pdf = a.pdf + b.pdf
        sum.png = a.png + b.png
        sum.write = a.write + b.write
        return sum
    }
}
