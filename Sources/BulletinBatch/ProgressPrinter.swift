import BulletinModel
import Foundation

/// Running totals of a batch.
public struct BatchCounts: Sendable, Codable, Equatable {
    public var total = 0
    public var built = 0
    public var unchanged = 0
    public var failed = 0
    public var notRun = 0
    /// Pages of the PDFs built in this run.
    public var pagesBuilt = 0

    public init() {}

    public var done: Int { built + unchanged + failed }

    mutating func add(_ outcome: IssueOutcome) {
        switch outcome.status {
        case .built:
            built += 1
            pagesBuilt += outcome.pages
        case .unchanged: unchanged += 1
        case .failed: failed += 1
        case .notRun: notRun += 1
        }
    }
}

/// Step 6: tells the user how the batch goes, on standard error.
///
/// - `live` (a terminal): one line redrawn at most ten times a second — done/total, issues/s, ETA,
///   failures — with each failure's errors printed above it as they happen;
/// - `lines` (a pipe or file, e.g. CI logs): one line per issue, its errors and first warnings below;
/// - `quiet`: errors only.
/// The summary comes last in `live` and `lines`.
public final class ProgressPrinter: @unchecked Sendable {
    public enum Mode: Sendable { case live, lines, quiet }

    public let mode: Mode
    private let output: @Sendable (String) -> Void
    private let started = Stopwatch.now()
    private var lastDraw = 0.0
    private var lineShown = false
    private let lock = NSLock()
    /// Warnings shown per issue in `lines` mode before the rest are counted.
    private static let warningLimit = 3

    /// `output` receives text to show (standard error by default).
    public init(mode: Mode, output: @escaping @Sendable (String) -> Void = ProgressPrinter.standardError) {
        self.mode = mode
        self.output = output
    }

    /// The mode for standard error: live on a terminal, else one line per issue.
    public static func mode(quiet: Bool) -> Mode {
        if quiet { return .quiet }
        return isatty(STDERR_FILENO) == 1 ? .live : .lines
    }

    public static let standardError: @Sendable (String) -> Void = { text in
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress! + written, bytes.count - written) }
            if n <= 0 { if errno == EINTR { continue } else { return } }
            written += n
        }
    }

    /// Called once an issue is finished, with the totals including it.
    func finished(_ outcome: IssueOutcome, counts: BatchCounts) {
        lock.lock()
        defer { lock.unlock() }
        var text = ""
        switch mode {
        case .quiet:
            text = errorLines(outcome)
        case .lines:
            text = issueLine(outcome) + errorLines(outcome) + warningLines(outcome)
        case .live:
            let failed = errorLines(outcome)
            let now = Stopwatch.now()
            guard !failed.isEmpty || now - lastDraw >= 0.1 || counts.done == counts.total else { return }
            lastDraw = now
            text = (lineShown ? "\r\u{1B}[K" : "") + failed + liveLine(counts, now: now)
            lineShown = true
        }
        if !text.isEmpty { output(text) }
    }

    /// A message outside the per-issue flow (a stop request, a manifest problem).
    public func note(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        output((lineShown ? "\r\u{1B}[K" : "") + message + "\n")
        lineShown = false
    }

    /// Ends the live line and prints the summary (not in quiet mode).
    func summary(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        var result = lineShown ? "\n" : ""
        lineShown = false
        if mode != .quiet { result += text + "\n" }
        if !result.isEmpty { output(result) }
    }

    private func liveLine(_ counts: BatchCounts, now: Double) -> String {
        let elapsed = max(now - started, 0.001)
        let rate = Double(counts.done) / elapsed
        let remaining = counts.total - counts.done
        let eta = rate > 0 ? Self.duration(Double(remaining) / rate) : "?"
        var line = "[\(counts.done)/\(counts.total)] " + String(format: "%.1f issues/s", rate) + ", ETA \(eta)"
        if counts.failed > 0 { line += ", \(counts.failed) failed" }
        return line
    }

    private func issueLine(_ outcome: IssueOutcome) -> String {
        let ms = String(format: "%.0f ms", outcome.seconds * 1000)
        switch outcome.status {
        case .built:
            let warnings = outcome.warnings.isEmpty ? "" : ", \(outcome.warnings.count) warning\(outcome.warnings.count == 1 ? "" : "s")"
            return "built \(outcome.output) (\(outcome.pages) page\(outcome.pages == 1 ? "" : "s"), \(ms)\(warnings))\n"
        case .unchanged: return "unchanged \(outcome.output)\n"
        case .failed: return "FAILED \(outcome.input)\n"
        case .notRun: return ""
        }
    }

    private func errorLines(_ outcome: IssueOutcome) -> String {
        outcome.errors.map { "error: \($0)\n" }.joined()
    }

    private func warningLines(_ outcome: IssueOutcome) -> String {
        var text = outcome.warnings.prefix(Self.warningLimit).map { "\($0)\n" }.joined()
        if outcome.warnings.count > Self.warningLimit {
            text += "\(outcome.input): … and \(outcome.warnings.count - Self.warningLimit) more warnings (see --report)\n"
        }
        return text
    }

    /// `m:ss` or `h:mm:ss`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }
}
