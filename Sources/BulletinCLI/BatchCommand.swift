import ArgumentParser
import BulletinBatch
import BulletinLayout
import BulletinRender
import Foundation

/// `bulletin-pdf batch`: typesets an archive — parallel, incremental, resumable.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Typeset an archive of issues (.json) and text bulletins (.txt) into a tree of PDFs.",
        discussion: """
        Examples:
          bulletin-pdf batch archive/ -o out/              # archive/2020/033.json → out/2020/033.pdf
          bulletin-pdf batch archive/ -o out/ --png --index out/index.csv --report report.json
          bulletin-pdf batch archive/ -o out/ --shard 2/4  # one machine of four
          bulletin-pdf batch --merge-manifests -o out/     # after copying the shards' outputs together

        Directories are read recursively; the output mirrors the input tree. Issues whose input, \
        layout, fonts and tool are unchanged since their PDF was made are skipped (the manifest \
        bulletin-pdf.manifest.jsonl in the output directory records what was made from what); \
        --force rebuilds them. Every file is written under a temporary name and renamed, and \
        claimed in the manifest only then, so an interrupted batch (Ctrl-C, kill -9) leaves only \
        complete PDFs and resumes where it stopped. Ctrl-C (or SIGTERM) stops after the issues in \
        flight; a second one stops at once.

        Exit codes: 0 every issue typeset or unchanged; 1 an input could not be read or typeset \
        (the others are done); 3 an output could not be written; 64 bad usage; 130/143 stopped \
        by SIGINT/SIGTERM.
        """)

    @Argument(help: "Archive directories and issue files.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var output: String

    @Option(help: "Layout name from Layouts/ or path to a layout JSON file.")
    var layout: String = "jianbao"

    @Flag(help: "Also write page PNGs beside each PDF (<name>-<page>.png).")
    var png = false

    @Option(help: "Resolution of the PNGs.")
    var dpi: Double = 150

    @Option(name: .shortAndLong, help: "Issues typeset at once (default: the number of active cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Rebuild every issue, even those the manifest says are up to date.")
    var force = false

    @Option(help: "Typeset only part K of N (1 ≤ K ≤ N) of the archive, e.g. 2/4.")
    var shard: String?

    @Flag(name: .shortAndLong, help: "Print only errors (no progress, no summary).")
    var quiet = false

    @Option(help: "Write a JSON report of every issue (status, pages, time, warnings, errors) here.")
    var report: String?

    @Option(help: "Write a CSV index of the typeset issues (issue, total number, date, titles, pages, PDF).")
    var index: String?

    @Flag(help: "Merge the shards' manifests in the output directory into one, and typeset nothing.")
    var mergeManifests = false

    func validate() throws {
        if mergeManifests {
            guard inputs.isEmpty, shard == nil else {
                throw ValidationError("--merge-manifests takes only -o OUTDIR (no inputs, no --shard).")
            }
            return
        }
        if inputs.isEmpty { throw ValidationError("give at least one archive directory or issue file.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if !(10...2400).contains(dpi) { throw ValidationError("--dpi must be between 10 and 2400.") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4; got \(shard).")
        }
    }

    func run() throws {
        if mergeManifests { return try merge() }
        let home = try installationHome()
        let session: RenderSession
        let typesetter: Typesetter
        do {
            session = try RenderSession(home: home)
            typesetter = try session.typesetter(layout: layout)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        // A file-size limit (ulimit -f) must show as a write error, not kill the batch.
        signal(SIGXFSZ, SIG_IGN)
        let hashes = FileHashCache(file: FileHashCache.defaultFile())
        let options = BatchOptions(
            inputs: inputs, outputDirectory: output,
            settings: OutputSettings(layout: layout, pngDPI: png ? dpi : nil, creationDate: SourceDate.fromEnvironment()),
            jobs: jobs, force: force, shard: shard.flatMap(Shard.init(parsing:)), reportPath: report, indexPath: index,
            tool: ToolIdentity.current(hashes: hashes))
        let runner = BatchRunner(options: options, session: session, typesetter: typesetter, hashes: hashes,
                                 progress: ProgressPrinter(mode: ProgressPrinter.mode(quiet: quiet)))
        let trap = SignalTrap { runner.requestStop($0) }
        defer { trap.remove() }
        let result: BatchResult
        do {
            result = try runner.run()
        } catch {
            DiagnosticPrinter.error(error.description)
            throw ExitStatus.outputFailed
        }
        hashes.save()
        switch result.stoppedBy {
        case .interrupt?: throw ExitCode(130)
        case .terminate?: throw ExitCode(143)
        case nil: break
        }
        if result.outputFailed { throw ExitStatus.outputFailed }
        if !result.succeeded { throw ExitStatus.invalidInput }
    }

    /// `--merge-manifests`: the whole-archive manifest absorbs the shard files.
    private func merge() throws {
        do {
            let store = try ManifestStore(directory: output, shard: nil)
            for warning in store.warnings { DiagnosticPrinter.print([warning]) }
            let count = store.claims.count
            try store.close()
            if !quiet { print("\(output)/\(ManifestStore.mainFileName): \(count) outputs claimed") }
        } catch {
            DiagnosticPrinter.error(error.description)
            throw ExitStatus.outputFailed
        }
    }
}
