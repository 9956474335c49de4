import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation

/// What a batch is asked to do.
public struct BatchOptions: Sendable {
    /// Archive directories and files.
    public var inputs: [String]
    public var outputDirectory: String
    public var settings: OutputSettings
    /// Worker threads.
    public var jobs: Int
    /// Rebuild even what the manifest says is up to date.
    public var force: Bool
    public var shard: Shard?
    public var reportPath: String?
    public var indexPath: String?
    /// `ToolIdentity.current`, or a fixed string in tests.
    public var tool: String

    public init(inputs: [String], outputDirectory: String, settings: OutputSettings = OutputSettings(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false, shard: Shard? = nil,
                reportPath: String? = nil, indexPath: String? = nil, tool: String = ToolIdentity.version) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.settings = settings
        self.jobs = jobs
        self.force = force
        self.shard = shard
        self.reportPath = reportPath
        self.indexPath = indexPath
        self.tool = tool
    }
}

/// Why a batch stopped before its end.
public enum StopReason: String, Sendable {
    case interrupt = "SIGINT"
    case terminate = "SIGTERM"
}

/// How a batch went.
public struct BatchResult: Sendable {
    /// One per input found (and, when stopped, `notRun` for those not started), in archive order.
    public var outcomes: [IssueOutcome]
    /// Problems that are not one input's: unreadable directories, loops, missing inputs.
    public var problems: [BatchError]
    /// Files of the run itself (manifest, report, index) that could not be written.
    public var runErrors: [BatchError]
    public var counts: BatchCounts
    public var stoppedBy: StopReason?
    public var timings: RunTimings

    /// Whether anything failed: an issue, an input that could not be found or read, a run file.
    public var succeeded: Bool { counts.failed == 0 && problems.isEmpty && runErrors.isEmpty && stoppedBy == nil }

    /// Whether any failure was in writing outputs (not in the inputs).
    public var outputFailed: Bool {
        !runErrors.isEmpty || outcomes.contains { $0.failure == .output }
    }

    /// One line: counts, pages, time and rate.
    public var summary: String {
        var parts = ["\(counts.total) issue\(counts.total == 1 ? "" : "s"): \(counts.built) built",
                     "\(counts.unchanged) unchanged", "\(counts.failed) failed"]
        if counts.notRun > 0 { parts.append("\(counts.notRun) not run") }
        var text = "batch: " + parts.joined(separator: ", ")
        text += String(format: "; %d pages in %.2f s", counts.pagesBuilt, timings.total)
        if counts.built > 0 && timings.issues > 0 {
            text += String(format: " (%.1f issues/s)", Double(counts.built + counts.unchanged) / timings.issues)
        }
        if !problems.isEmpty { text += "; \(problems.count) input problem\(problems.count == 1 ? "" : "s")" }
        if let stoppedBy { text += "; stopped by \(stoppedBy.rawValue)" }
        return text
    }
}

/// Runs a batch: the steps listed in `BulletinBatch`. One runner runs once.
public final class BatchRunner: @unchecked Sendable {
    public let options: BatchOptions
    private let session: RenderSession
    private let typesetter: Typesetter
    private let hashes: FileHashCache
    private let writer: any OutputWriter
    private let progress: ProgressPrinter
    private let queueLock = NSLock()
    private var queue: WorkQueue?
    private var stopReason: StopReason?

    /// `typesetter` is `session.typesetter(layout: options.settings.layout)`, opened by the caller
    /// (its errors are the layout's, reported before the batch starts).
    public init(options: BatchOptions, session: RenderSession, typesetter: Typesetter, hashes: FileHashCache,
                writer: any OutputWriter = AtomicOutputWriter(), progress: ProgressPrinter) {
        self.options = options
        self.session = session
        self.typesetter = typesetter
        self.hashes = hashes
        self.writer = writer
        self.progress = progress
    }

    /// Stops handing out issues; those in flight finish and are recorded. Safe from any thread.
    public func requestStop(_ reason: StopReason) {
        queueLock.lock()
        let first = stopReason == nil
        if first { stopReason = reason }
        let queue = self.queue
        queueLock.unlock()
        queue?.stop()
        if first {
            progress.note("\(reason.rawValue): stopping; finishing the issues in flight, then writing the manifest "
                          + "(send it again to stop at once)")
        }
    }

    /// Runs the batch. Throws only when it cannot start (output directory unusable or locked,
    /// fonts unreadable); everything after that is in the result.
    public func run() throws(BatchError) -> BatchResult {
        let started = Stopwatch.now()
        var timings = RunTimings()
        var clock = started
        func lap() -> Double {
            let now = Stopwatch.now()
            defer { clock = now }
            return now - clock
        }

        // 1–2. Discover, refuse collisions, take this shard's part.
        try writer.createDirectoryOrFail(options.outputDirectory)
        let selection = BatchSelection(inputs: options.inputs,
                                       excluding: [options.outputDirectory] + [options.reportPath, options.indexPath].compactMap { $0 },
                                       shard: options.shard)
        for problem in selection.problems { progress.note("error: \(problem)") }
        timings.discovery = lap()

        // 3. Fingerprint the settings.
        let fingerprint = try SettingsFingerprint.compute(tool: options.tool, session: session, typesetter: typesetter,
                                                          settings: options.settings, hashes: hashes)
        hashes.save()
        timings.settings = lap()

        // 4. Open the manifest.
        let manifest = try ManifestStore(directory: options.outputDirectory, shard: options.shard)
        for warning in manifest.warnings { progress.note("\(warning)") }
        if manifest.holdsDirectoryAlone {
            let removed = StaleTemporaryFiles.remove(in: StaleTemporaryFiles.directories(of: selection.items,
                                                                                          in: options.outputDirectory))
            if !removed.isEmpty {
                progress.note("removed \(removed.count) temporary file\(removed.count == 1 ? "" : "s") an interrupted run left")
            }
        }
        timings.manifestOpen = lap()

        // 5. Typeset.
        let context = JobContext(session: session, typesetter: typesetter, settings: options.settings,
                                 fingerprint: fingerprint, outputDirectory: options.outputDirectory,
                                 manifest: manifest, writer: writer, force: options.force, hashes: hashes)
        let outcomes = typeset(selection, context: context)
        hashes.save()  // fallback fonts hashed during the run
        timings.issues = lap()

        // 6. Close the manifest, write the index and the report.
        var runErrors: [BatchError] = []
        do {
            try manifest.close()
        } catch {
            runErrors.append(error)
        }
        timings.manifestClose = lap()
        var counts = BatchCounts()
        counts.total = outcomes.count
        for outcome in outcomes { counts.add(outcome) }
        timings.perIssue = outcomes.reduce(PhaseTimes()) { $0 + $1.phases }
        queueLock.lock()
        let stoppedBy = stopReason
        queueLock.unlock()
        var result = BatchResult(outcomes: outcomes, problems: selection.problems, runErrors: runErrors,
                                 counts: counts, stoppedBy: stoppedBy, timings: timings)
        if let indexPath = options.indexPath {
            result.runErrors += write(index: indexPath, outcomes: outcomes, claims: manifest.claims)
        }
        result.timings.total = Stopwatch.now() - started
        if let reportPath = options.reportPath {
            result.runErrors += write(report: reportPath, result: result, fingerprint: fingerprint)
        }
        for error in result.runErrors { progress.note("error: \(error)") }
        progress.summary(result.summary)
        return result
    }

    /// Runs the jobs on the worker threads; returns the outcomes, refused ones first, then in
    /// archive order (`notRun` for those a stop kept from starting).
    private func typeset(_ selection: BatchSelection, context: JobContext) -> [IssueOutcome] {
        let items = selection.items
        let collector = OutcomeCollector(count: items.count, total: items.count + selection.refused.count,
                                         progress: progress)
        for outcome in selection.refused { collector.addRefused(outcome) }
        let queue = WorkQueue(count: items.count)
        queueLock.lock()
        self.queue = queue
        if stopReason != nil { queue.stop() }
        queueLock.unlock()
        Scheduler.run(queue, jobs: options.jobs) { index in
            collector.add(IssueJob(item: items[index], context: context).run(), at: index)
        }
        return selection.refused + collector.outcomes(items: items)
    }

    /// `--index`: a row per issue that has its PDF (built now or before), from the manifest.
    private func write(index path: String, outcomes: [IssueOutcome], claims: [String: ManifestClaim]) -> [BatchError] {
        let rows = outcomes.compactMap { outcome -> IndexCSV.Row? in
            guard outcome.status == .built || outcome.status == .unchanged, let claim = claims[outcome.output] else { return nil }
            return IndexCSV.Row(summary: claim.issue, pages: claim.pages,
                                pdf: (options.outputDirectory as NSString).appendingPathComponent(outcome.output))
        }
        do {
            try writer.write(IndexCSV.bytes(rows), to: path)
            return []
        } catch {
            return [.write(error)]
        }
    }

    /// `--report`: the run as JSON.
    private func write(report path: String, result: BatchResult, fingerprint: SettingsFingerprint) -> [BatchError] {
        let report = BatchReport(tool: options.tool, settings: fingerprint.parts, outputDirectory: options.outputDirectory,
                                 shard: options.shard?.description, jobs: options.jobs,
                                 stoppedBy: result.stoppedBy?.rawValue, counts: result.counts, timings: result.timings,
                                 problems: result.problems.map { .init($0.diagnostic) },
                                 issues: result.outcomes.map(BatchReport.IssueRecord.init))
        do {
            try writer.write(report.encoded(), to: path)
            return []
        } catch {
            return [.write(error)]
        }
    }
}

/// Gathers outcomes as workers finish them (in any order) and feeds the progress printer.
private final class OutcomeCollector: @unchecked Sendable {
    private var slots: [IssueOutcome?]
    private var counts = BatchCounts()
    private let progress: ProgressPrinter
    private let lock = NSLock()

    init(count: Int, total: Int, progress: ProgressPrinter) {
        slots = Array(repeating: nil, count: count)
        counts.total = total
        self.progress = progress
    }

    func addRefused(_ outcome: IssueOutcome) {
        lock.lock()
        counts.add(outcome)
        let snapshot = counts
        lock.unlock()
        progress.finished(outcome, counts: snapshot)
    }

    func add(_ outcome: IssueOutcome, at index: Int) {
        lock.lock()
        slots[index] = outcome
        counts.add(outcome)
        let snapshot = counts
        lock.unlock()
        progress.finished(outcome, counts: snapshot)
    }

    /// Every item's outcome in item order; those never started are `notRun`.
    func outcomes(items: [ArchiveItem]) -> [IssueOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return items.indices.map { slots[$0] ?? IssueOutcome(item: items[$0], status: .notRun) }
    }
}

extension OutputWriter {
    /// Creates the output directory or explains why it cannot be used.
    func createDirectoryOrFail(_ path: String) throws(BatchError) {
        do {
            try createDirectory(path)
        } catch {
            throw .outputDirectory(path: path, reason: error.reason)
        }
    }
}
