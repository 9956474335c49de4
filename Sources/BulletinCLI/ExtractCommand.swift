import ArgumentParser
import BulletinExtract
import BulletinPDFReader
import BulletinRender
import Foundation

/// `bulletin-pdf extract`: PDF → text, markdown, JSON or an issue, read by our own PDF reader.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the text of PDFs as a reader reads it (paragraphs, no page furniture).",
        discussion: """
        Examples:
          bulletin-pdf extract issue.pdf              # text, to standard output
          bulletin-pdf extract issue.pdf --format markdown -o issue.md
          bulletin-pdf extract a.pdf --format issue -o a.json   # render reads it
          cat issue.pdf | bulletin-pdf extract - --pages 2-3
          bulletin-pdf extract archive/*.pdf -o out/  # out/<name>.txt each

        Formats: text — paragraphs in reading order, one blank line between them, paragraphs \
        joined across page breaks, page numbers and running heads removed; markdown — the same \
        with # title/headlines, ## column heads, ### headings, **bold** runs and --- rules; json \
        — per page the lines with bounding boxes, fonts, sizes and colours, the paragraphs, and \
        the issue recovered when the PDF is a bulletin; issue — that issue alone, in the issue \
        JSON format (an error when the PDF is not a bulletin).

        Several inputs: with -o DIRECTORY each gets its own file (<name>.txt, .md, .json); on \
        standard output text and markdown documents are each preceded by a line \
        `==> FILE <==` (as head(1) does) and followed by a blank line, JSON documents follow \
        each other (a JSON stream, `jq` reads it). Running heads are found by repetition across \
        pages; with --pages selecting one or two pages, two pages next to them are read as well \
        to show it.

        Warnings (unsupported features, broken fonts) go to standard error prefixed with the \
        file; the rest of the document is still extracted. A file that cannot be read is an \
        error naming it; the other files are still extracted. Files are written to a temporary \
        file and renamed: never half-written. Exit codes: 0 success; 1 a file could not be read, \
        has no such page, or is not a bulletin (--format issue); 3 output could not be written; \
        64 bad usage.
        """)

    @Argument(help: "PDF files, or - for standard input.")
    var inputs: [String]

    @Option(help: "Output format: text, markdown, json or issue.")
    var format: ExtractFormat = .text

    @Option(help: "Pages to extract, counting from 1: 2, 2-3, 1,4,6- or -2 (default: all).")
    var pages: String?

    @Flag(help: "Keep page numbers, running heads and /Artifact content.")
    var keepFurniture = false

    @Option(name: .shortAndLong, help: """
        Output file (- for standard output); with several inputs, a directory (created if missing). \
        Default: standard output.
        """)
    var output: String?

    /// Warnings printed per input before the rest are summarised.
    private static let warningLimit = 20

    func validate() throws {
        if inputs.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("- (standard input) can be read only once.")
        }
        _ = try pageSelection()
    }

    /// The parsed --pages, or a usage error saying what was expected.
    private func pageSelection() throws -> PageSelection? {
        guard let pages else { return nil }
        do {
            return try PageSelection(parsing: pages)
        } catch {
            throw ValidationError("--pages \(error.message)")
        }
    }

    /// Bytes of page lines kept between the two passes of a text extraction (hidden: for tests
    /// and measurements of the re-reading path).
    @Option(help: .hidden)
    var retainBudget: Int = Extractor.defaultRetainBudget

    func run() throws {
        let selection = try pageSelection()
        let targets = try outputTargets()
        var failure: ExitCode?
        for (input, target) in zip(inputs, targets) {
            guard let (document, pages) = open(input, selection: selection) else {
                failure = failure ?? ExitStatus.invalidInput
                continue
            }
            do {
                let writer = try AtomicFile.Writer(path: target)
                let framed = target == nil && inputs.count > 1 && (format == .text || format == .markdown)
                if framed { try writer.write("==> \(input) <==\n") }
                if format == .text {
                    try streamText(document, pages: pages, input: input, to: writer)
                } else {
                    let extraction = Extractor.extract(document, pages: pages, options: ExtractOptions(keepFurniture: keepFurniture))
                    printWarnings(extraction.warnings, input: input)
                    switch format.render(extraction, file: input) {
                    case .success(let text):
                        try writer.write(text)
                    case .failure(let error):
                        DiagnosticPrinter.error("\(input): \(error)")
                        failure = failure ?? ExitStatus.invalidInput
                        continue
                    }
                }
                if framed { try writer.write("\n") }
                try writer.commit()
            } catch {
                DiagnosticPrinter.error("\(error)")
                failure = failure ?? ExitStatus.outputFailed
            }
        }
        if let failure { throw failure }
    }

    /// Text is written paragraph by paragraph as the extractor finds them: a long document is
    /// never held whole (`Extractor.stream`).
    private func streamText(_ document: PDFDocument, pages: [Int]?, input: String,
                            to writer: AtomicFile.Writer) throws(AtomicFile.WriteError) {
        var pieces = TextWriter.Pieces()
        var failure: AtomicFile.WriteError?
        let summary = Extractor.stream(document, pages: pages, options: ExtractOptions(keepFurniture: keepFurniture),
                                       retainBudget: retainBudget) { paragraph in
            guard failure == nil else { return }
            do throws(AtomicFile.WriteError) { try writer.write(pieces.next(paragraph)) } catch { failure = error }
        }
        printWarnings(summary.warnings, input: input)
        if let failure { throw failure }
        try writer.write(pieces.end())
    }

    /// An input opened, with the zero-based pages selected (nil: all), or nil after printing why
    /// it could not be.
    private func open(_ input: String, selection: PageSelection?) -> (PDFDocument, [Int]?)? {
        let document: PDFDocument
        do {
            if input == "-" {
                document = try PDFDocument(bytes: Array(FileHandle.standardInput.readDataToEndOfFile()))
            } else {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
                    DiagnosticPrinter.error("\(input): is a directory, expected a PDF file")
                    return nil
                }
                document = try PDFDocument(path: input)
            }
        } catch {
            let offset = error.offset.map { "byte offset \($0): " } ?? ""
            DiagnosticPrinter.error("\(input): \(offset)\(error.message)")
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

    /// Where each input's output goes: nil for standard output.
    private func outputTargets() throws -> [String?] {
        guard let output, output != "-" else { return inputs.map { _ in nil } }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if inputs.count == 1 && !(exists && isDirectory.boolValue) {
            try refuseOverwritingInput(output)
            return [output]
        }
        if exists && !isDirectory.boolValue {
            throw ValidationError("\(output): not a directory (several inputs need -o DIRECTORY)")
        }
        if !exists {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                DiagnosticPrinter.error("\(output): cannot create the directory: \(error.localizedDescription)")
                throw ExitStatus.outputFailed
            }
        }
        var seen: [String: String] = [:]
        return try inputs.map { input in
            let stem = input == "-" ? "stdin" : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            let path = (output as NSString).appendingPathComponent("\(stem).\(format.fileExtension)")
            if let other = seen[path] { throw ValidationError("\(input) and \(other) would both be written to \(path)") }
            seen[path] = input
            try refuseOverwritingInput(path)
            return path
        }
    }

    private func refuseOverwritingInput(_ path: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        if inputs.contains(where: { $0 != "-" && URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw ValidationError("\(path): the output would overwrite an input")
        }
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

extension ExtractFormat: ExpressibleByArgument {}
