import BulletinModel
import Foundation

/// Seconds a run spent in each of its steps (the batch's own overhead next to the typesetting).
public struct RunTimings: Sendable, Codable, Equatable {
    /// Walking the archive and refusing collisions.
    public var discovery = 0.0
    /// Opening the layout and fingerprinting tool, layout and fonts.
    public var settings = 0.0
    /// Locking, reading and compacting the manifest.
    public var manifestOpen = 0.0
    /// Wall time of the issue jobs on all workers.
    public var issues = 0.0
    /// The final compaction of the manifest.
    public var manifestClose = 0.0
    /// The whole run.
    public var total = 0.0
    /// Per step of the issue jobs, summed over issues (worker time, not wall time).
    public var perIssue = PhaseTimes()

    public init() {}
}

/// `--report report.json`: the run's settings, totals, timings and every issue's status, pages,
/// time, warnings and errors.
struct BatchReport: Codable {
    var format = "bulletin-pdf batch report"
    var version = BulletinBatch.formatVersion
    var tool: String
    var settings: [String]
    var outputDirectory: String
    var shard: String?
    var jobs: Int
    var stoppedBy: String?
    var counts: BatchCounts
    var timings: RunTimings
    /// Problems that are not one issue's: unreadable directories, symbolic-link loops, missing inputs.
    var problems: [DiagnosticRecord]
    var issues: [IssueRecord]

    struct IssueRecord: Codable {
        var input: String
        var output: String
        var status: String
        var reason: String?
        var pages: Int
        var seconds: Double
        var phases: PhaseTimes?
        var warnings: [DiagnosticRecord]
        var errors: [DiagnosticRecord]

        init(_ outcome: IssueOutcome) {
            input = outcome.input
            output = outcome.output
            status = outcome.status.rawValue
            reason = outcome.reason
            pages = outcome.pages
            seconds = outcome.seconds
            phases = outcome.status == .built ? outcome.phases : nil
            warnings = outcome.warnings.map(DiagnosticRecord.init)
            errors = outcome.errors.map(DiagnosticRecord.init)
        }
    }

    /// A diagnostic's parts, and the whole as printed.
    struct DiagnosticRecord: Codable {
        var severity: String
        var file: String?
        var line: Int?
        var column: Int?
        var path: String?
        var message: String
        var hint: String?
        var text: String

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            file = diagnostic.file
            line = diagnostic.line
            column = diagnostic.column
            path = diagnostic.path
            message = diagnostic.message
            hint = diagnostic.hint
            text = diagnostic.description
        }
    }

    /// The report as pretty-printed JSON.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}
