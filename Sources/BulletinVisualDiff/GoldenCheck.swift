import BulletinDiff
import BulletinRender
import Foundation

/// `bulletin-pdf diff --goldens DIR ARCHIVE [--update]`: renders the archive at the goldens'
/// resolution and layout and compares it with them.
///
/// - An issue without goldens is an error (a missing golden), goldens without an issue a
///   difference (the issue was removed).
/// - The machine is compared with the manifest (Cairo, HarfBuzz, FreeType versions, font hashes);
///   any difference is a warning, and turns a page difference into an error: the goldens come from
///   another machine, so a difference cannot be told apart from the environment's.
/// - `--update` re-records only what changed — the pages over budget, added or unreadable, pages
///   gone, traces whose text changed, issues added or removed — says which, and writes the
///   manifest for this machine.
public struct GoldenCheck {
    public var goldens: String
    public var archivePath: String
    public var options: DiffOptions
    public var update: Bool
    public var session: RenderSession

    public init(goldens: String, archive: String, options: DiffOptions, update: Bool, session: RenderSession) {
        self.goldens = goldens
        archivePath = archive
        self.options = options
        self.update = update
        self.session = session
    }

    public func run(settings: DiffReport.Settings) -> DiffReport {
        let golden: GoldenDocuments
        do {
            golden = try GoldenDocuments(directory: goldens)
        } catch {
            return DiffReport(base: "goldens \(goldens)", new: archivePath, settings: settings, errors: [error.description])
        }
        var settings = settings
        settings.dpi = golden.manifest.dpi
        guard FileManager.default.fileExists(atPath: archivePath) else {
            return DiffReport(base: golden.summary, new: archivePath, settings: settings,
                              errors: [DiffError.noSuchInput(path: archivePath).description])
        }
        let archive = IssueDocuments(path: archivePath, session: session, layout: golden.manifest.layout, dpi: golden.manifest.dpi)
        let files = GoldenFiles(directory: goldens)
        final class State {
            var fontFiles: [String] = []
            var updates: [String] = []
            var unresolved: [String] = []
            var documents: [String: GoldenManifest.Document] = [:]
        }
        let state = State()
        for document in golden.manifest.documents { state.documents[document.name] = document }
        var run = DiffRun(options: options)
        let update = self.update
        if !update {
            run.onlyInNew = { name in
                .missingGolden(path: DirectoryListing.join(golden.path, GoldenManifest.pageFile(name, 1)),
                               hint: "no goldens for \(name); record them with `diff --goldens \(golden.path) … --update`")
            }
        }
        run.inspect = { name, base, new, report in
            state.fontFiles += new?.fontFiles ?? []
            guard update else { return }
            let outcome = Result { () throws(DiffError) in
                try Self.update(name, golden: base, new: new, report: report, files: files, state: &state.updates,
                                manifest: &state.documents)
            }
            if case .failure(let error) = outcome { state.unresolved.append(error.description) }
            if report.status == .error && new == nil { state.unresolved += report.errors }
        }
        var report = run.run(base: golden, new: archive, settings: settings)
        let environment = RenderEnvironment.current(fontFiles: state.fontFiles)
        let differences = environment.differences(from: golden.manifest.environment)
        report.warnings += differences.map { "goldens from another machine: \($0)" }
        report.updates = state.updates
        if update {
            let manifest = GoldenManifest(dpi: golden.manifest.dpi, layout: golden.manifest.layout, environment: environment,
                                          documents: state.documents.values.sorted { $0.name < $1.name })
            if manifest != golden.manifest {
                do {
                    try files.write(manifest.encoded(), GoldenManifest.fileName)
                    report.updates.append("\(GoldenManifest.fileName): written for this machine")
                } catch {
                    state.unresolved.append(error.description)
                }
            }
            report.errors += state.unresolved
            report.finish()
            // What differed has been re-recorded: only the errors that could not be fixed remain
            // (an issue that does not render, a file that cannot be written).
            report.outcome = report.errors.isEmpty ? .same : .error
            report.exitCode = report.outcome.exitCode
        } else if !differences.isEmpty && report.outcome == .different {
            report.errors.append("the goldens in \(goldens) were recorded on another machine (\(differences.joined(separator: "; "))); "
                                 + "their differences cannot be told apart from the environment's — check the report, then "
                                 + "re-record on this machine with `bulletin-pdf diff --goldens \(goldens) \(archivePath) --update`")
            report.finish()
        }
        return report
    }

    /// Re-records what changed in one document and says what it did.
    private static func update(_ name: String, golden: LoadedDocument?, new: LoadedDocument?, report: DocumentReport,
                               files: GoldenFiles, state updates: inout [String],
                               manifest: inout [String: GoldenManifest.Document]) throws(DiffError) {
        guard let new else {
            // The issue is gone (or could not be rendered: then nothing is touched).
            guard report.status == .removed, let old = manifest[name] else { return }
            for page in 0..<old.pages { try files.remove(GoldenManifest.pageFile(name, page + 1)) }
            try files.remove(GoldenManifest.traceFile(name))
            manifest[name] = nil
            updates.append("\(name): removed its goldens (no longer in the archive)")
            return
        }
        var changed: [String] = []
        for (index, page) in new.pages.enumerated() {
            let number = index + 1
            let status = report.pages.first { $0.page == number }
            let record: String?
            switch status?.status {
            case .same?: record = nil
            case .different?: record = String(format: "%.2f%% of pixels differed", status!.ratio * 100)
            case .added?, nil: record = golden == nil ? "new" : "new page"
            case .error?: record = status?.error ?? "error"
            case .removed?: record = nil
            }
            guard let record, let png = page.png else { continue }
            try files.write(png, GoldenManifest.pageFile(name, number))
            changed.append("\(GoldenManifest.pageFile(name, number)) (\(record))")
        }
        let oldPages = golden?.pages.count ?? 0
        if oldPages > new.pages.count {
            for page in (new.pages.count + 1)...oldPages where try files.remove(GoldenManifest.pageFile(name, page)) {
                changed.append("removed \(GoldenManifest.pageFile(name, page)) (page gone)")
            }
        }
        if let trace = new.trace, trace != golden?.trace {
            try files.write(Array(trace.utf8), GoldenManifest.traceFile(name))
            changed.append("\(GoldenManifest.traceFile(name)) (\(golden == nil ? "new" : "text or positions changed"))")
        }
        manifest[name] = GoldenManifest.Document(name: name, pages: new.pages.count)
        if !changed.isEmpty { updates.append("\(name): re-recorded " + changed.joined(separator: ", ")) }
    }
}
