import BulletinExtract
import BulletinModel
import BulletinPDFReader
import BulletinRender
import Foundation

/// What `bulletin-pdf extract` was asked to do, and the doing of it. A plain value, apart from
/// swift-argument-parser: `ExtractCommand` fills it from its options, and `ExtractFastPath` fills
/// it straight from the command line, so both run exactly this code.
struct ExtractJob: Equatable {
    var inputs: [String]
    var format: ExtractFormat = .text
    var pages: String?
    var keepFurniture = false
    var output: String?
    var retainBudget = Extractor.defaultRetainBudget
    /// The password for encrypted inputs, given on the command line …
    var password: String?
    /// … or read from the first line of this file.
    var passwordFile: String?

    /// A usage mistake found before anything is read or written; the command reports it as
    /// swift-argument-parser's usage error (exit 64).
    struct UsageProblem: Error {
        var message: String
    }

    /// Warnings printed per input before the rest are summarised.
    private static let warningLimit = 20

    /// The checks that need no file: one standard input at most, a readable --pages.
    func validate() throws(UsageProblem) {
        if inputs.filter({ $0 == "-" }).count > 1 {
            throw UsageProblem(message: "- (standard input) can be read only once.")
        }
        _ = try pageSelection()
        if password != nil, passwordFile != nil {
            throw UsageProblem(message: "--password and --password-file cannot be used together.")
        }
    }

    /// The password the inputs are opened with: `password`, or the first line of `passwordFile`
    /// (without its line ending).
    private func resolvedPassword() -> Result<String?, PasswordFileProblem> {
        guard let passwordFile else { return .success(password) }
        guard let data = FileManager.default.contents(atPath: passwordFile) else {
            return .failure(PasswordFileProblem(message: "\(passwordFile): cannot read the password file (--password-file)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(PasswordFileProblem(message: "\(passwordFile): the password file is not UTF-8 text"))
        }
        return .success(String(text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }))
    }

    /// A --password-file that cannot be read (exit status 1, as an unreadable input).
    struct PasswordFileProblem: Error {
        var message: String
    }

    /// The parsed --pages, or a usage problem saying what was expected.
    private func pageSelection() throws(UsageProblem) -> PageSelection? {
        guard let pages else { return nil }
        do {
            return try PageSelection(parsing: pages)
        } catch {
            throw UsageProblem(message: "--pages \(error.message)")
        }
    }

    /// Resolves where the outputs go, then extracts every input; the exit status: 0, or the first
    /// failure's (`ExitStatus`: 1 an input could not be read, 3 an output could not be written).
    /// Throws only before anything is read or written.
    func execute() throws(UsageProblem) -> Int32 {
        let password: String?
        switch resolvedPassword() {
        case .success(let value): password = value
        case .failure(let problem):
            DiagnosticPrinter.error(problem.message)
            return ExitStatus.invalidInput.rawValue
        }
        switch try outputTargets() {
        case .success(let targets):
            return run(targets: targets, password: password)
        case .failure(let failure):
            DiagnosticPrinter.error(failure.message)
            return ExitStatus.outputFailed.rawValue
        }
    }

    /// Where each input's output goes (nil: standard output), resolved before anything is read.
    /// Creates the output directory when several inputs need one; that failing is exit status 3.
    private func outputTargets() throws(UsageProblem) -> Result<[String?], OutputFailure> {
        guard let output, output != "-" else { return .success(inputs.map { _ in nil }) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if inputs.count == 1 && !(exists && isDirectory.boolValue) {
            try refuseOverwritingInput(output)
            return .success([output])
        }
        if exists && !isDirectory.boolValue {
            throw UsageProblem(message: "\(output): not a directory (several inputs need -o DIRECTORY)")
        }
        var seen: [String: String] = [:]
        var paths: [String?] = []
        for input in inputs {
            let stem = input == "-" ? "stdin" : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            let path = (output as NSString).appendingPathComponent("\(stem).\(format.fileExtension)")
            if let other = seen[path] { throw UsageProblem(message: "\(input) and \(other) would both be written to \(path)") }
            seen[path] = input
            try refuseOverwritingInput(path)
            paths.append(path)
        }
        if !exists {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                return .failure(OutputFailure(message: "\(output): cannot create the directory: \(error.localizedDescription)"))
            }
        }
        return .success(paths)
    }

    /// An output that cannot be created (exit status 3).
    struct OutputFailure: Error {
        var message: String
    }

    private func refuseOverwritingInput(_ path: String) throws(UsageProblem) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        if inputs.contains(where: { $0 != "-" && URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw UsageProblem(message: "\(path): the output would overwrite an input")
        }
    }

    private func run(targets: [String?], password: String?) -> Int32 {
        let selection = try? pageSelection()  // validated before
        var failure: Int32?
        for (input, target) in zip(inputs, targets) {
            guard let (document, pages) = open(input, selection: selection, password: password) else {
                failure = failure ?? ExitStatus.invalidInput.rawValue
                continue
            }
            do {
                let writer = try AtomicFile.Writer(path: target)
                let framed = target == nil && inputs.count > 1 && (format == .text || format == .markdown)
                if framed { try writer.write("==> \(input) <==\n") }
                let options = ExtractOptions(keepFurniture: keepFurniture)
                switch format {
                case .text:
                    try streamText(document, pages: pages, options: options, input: input, to: writer)
                case .markdown:
                    try streamMarkdown(document, pages: pages, options: options, input: input, to: writer)
                case .json:
                    try streamJSON(document, pages: pages, options: options, input: input, to: writer)
                case .issue:
                    guard try streamIssue(document, pages: pages, options: options, input: input, to: writer) else {
                        DiagnosticPrinter.error("\(input): \(NotABulletin())")
                        failure = failure ?? ExitStatus.invalidInput.rawValue
                        continue
                    }
                }
                if framed { try writer.write("\n") }
                try writer.commit()
            } catch {
                DiagnosticPrinter.error("\(error)")
                failure = failure ?? ExitStatus.outputFailed.rawValue
            }
        }
        return failure ?? 0
    }

    /// Text is written paragraph by paragraph as the extractor finds them: a long document is
    /// never held whole (`Extractor.stream`).
    private func streamText(_ document: PDFDocument, pages: [Int]?, options: ExtractOptions, input: String,
                            to writer: AtomicFile.Writer) throws(AtomicFile.WriteError) {
        var pieces = TextWriter.Pieces()
        let writes = DeferredWrites()
        let summary = Extractor.stream(document, pages: pages, options: options, retainBudget: retainBudget) { paragraph in
            writes.attempt { () throws(AtomicFile.WriteError) in try writer.write(pieces.next(paragraph)) }
        }
        printWarnings(summary.warnings, input: input)
        try writes.rethrow()
        try writer.write(pieces.end())
    }

    /// Markdown is written as the paragraphs are classified (`Extractor.classified`).
    private func streamMarkdown(_ document: PDFDocument, pages: [Int]?, options: ExtractOptions, input: String,
                                to writer: AtomicFile.Writer) throws(AtomicFile.WriteError) {
        var blocks = MarkdownWriter.Blocks()
        let writes = DeferredWrites()
        let summary = Extractor.classified(document, pages: pages, options: options, retainBudget: retainBudget) { output in
            writes.attempt { () throws(AtomicFile.WriteError) in try writer.write(blocks.next(output)) }
        }
        printWarnings(summary.warnings, input: input)
        try writes.rethrow()
        try writer.write(blocks.end())
    }

    /// The issue is written as it is recovered, to a spool first (memory, then a temporary file):
    /// only once the whole document is read is it known to be a bulletin. Returns false, having
    /// written nothing, when it is not.
    private func streamIssue(_ document: PDFDocument, pages: [Int]?, options: ExtractOptions, input: String,
                             to writer: AtomicFile.Writer) throws(AtomicFile.WriteError) -> Bool {
        let spool = Spool()
        var issue = IssueRecovery.JSONStream()
        let writes = DeferredWrites()
        let summary = Extractor.classified(document, pages: pages, options: options, retainBudget: retainBudget) { output in
            guard case .content(let block) = output else { return }
            writes.attempt { () throws(AtomicFile.WriteError) in try spool.write(issue.add(block)) }
        }
        printWarnings(summary.warnings, input: input)
        try writes.rethrow()
        guard let rest = issue.finish() else { return false }
        try spool.copy(to: writer)
        try writer.write(rest + "\n")
        return true
    }

    /// JSON is written page by page as the extractor builds them; the paragraphs with their roles
    /// and the issue are spooled as they are classified and recovered (they come while the pages
    /// are still being written) and follow the pages, so nothing grows with the document.
    private func streamJSON(_ document: PDFDocument, pages: [Int]?, options: ExtractOptions, input: String,
                            to writer: AtomicFile.Writer) throws(AtomicFile.WriteError) {
        let writes = DeferredWrites()
        let paragraphs = Spool()
        let issueSpool = Spool()
        var issue = IssueRecovery.JSONStream(indent: JSONWriter.issueIndent)
        var pagesWritten = 0
        var paragraphsWritten = 0
        writes.attempt { () throws(AtomicFile.WriteError) in try writer.write(JSONWriter.opening(file: input)) }
        let summary = Extractor.classified(document, pages: pages, options: options, retainBudget: retainBudget,
                                           page: { page, fonts in
            writes.attempt { () throws(AtomicFile.WriteError) in
                try writer.write(JSONWriter.pageEntry(page, fonts: fonts, first: pagesWritten == 0))
            }
            pagesWritten += 1
        }, block: { output in
            writes.attempt { () throws(AtomicFile.WriteError) in
                try paragraphs.write(JSONWriter.paragraphEntry(output, first: paragraphsWritten == 0))
                if case .content(let block) = output { try issueSpool.write(issue.add(block)) }
            }
            paragraphsWritten += 1
        })
        printWarnings(summary.warnings, input: input)
        try writes.rethrow()
        try writer.write(JSONWriter.paragraphsOpening(pagesWritten: pagesWritten))
        try paragraphs.copy(to: writer)
        try writer.write(JSONWriter.closing(paragraphsWritten: paragraphsWritten, warnings: summary.warnings))
        if let rest = issue.finish() {
            try issueSpool.copy(to: writer)
            try writer.write(rest)
        } else {
            try writer.write("null")
        }
        try writer.write(JSONWriter.ending)
    }

    /// An input opened, with the zero-based pages selected (nil: all), or nil after printing why
    /// it could not be.
    private func open(_ input: String, selection: PageSelection?, password: String?) -> (PDFDocument, [Int]?)? {
        let document: PDFDocument
        let options = PDFDocument.Options(password: password)
        do {
            if input == "-" {
                document = try PDFDocument(bytes: Array(FileHandle.standardInput.readDataToEndOfFile()), options: options)
            } else {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
                    DiagnosticPrinter.error("\(input): is a directory, expected a PDF file")
                    return nil
                }
                document = try PDFDocument(path: input, options: options)
            }
        } catch {
            let offset = error.offset.map { "byte offset \($0): " } ?? ""
            let hint = error.kind == .passwordRequired ? " (give it with --password or --password-file)" : ""
            DiagnosticPrinter.error("\(input): \(offset)\(error.message)\(hint)")
            return nil
        }
        let indices: [Int]?
        do {
            indices = try selection?.indices(pageCount: document.pageCount)
        } catch {
            DiagnosticPrinter.error("\(input): --pages: \(error)")
            return nil
        }
        return (document, indices)
    }

    private func printWarnings(_ warnings: [PDFWarning], input: String) {
        var text = ""
        for warning in warnings.prefix(Self.warningLimit) { text += "warning: \(input): \(warning)\n" }
        if warnings.count > Self.warningLimit {
            text += "warning: \(input): … and \(warnings.count - Self.warningLimit) more warnings\n"
        }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}

/// Writes made inside the extractor's callbacks, which cannot throw: the first failure is kept and
/// the writes after it skipped; `rethrow` throws it once the extractor has returned.
private final class DeferredWrites {
    private var failure: AtomicFile.WriteError?

    func attempt(_ write: () throws(AtomicFile.WriteError) -> Void) {
        guard failure == nil else { return }
        do throws(AtomicFile.WriteError) { try write() } catch { failure = error }
    }

    func rethrow() throws(AtomicFile.WriteError) {
        if let failure { throw failure }
    }
}
