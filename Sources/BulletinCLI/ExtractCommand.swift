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

        Encrypted PDFs: those that open without a password (most "protected" government \
        PDFs) are read as any other; for the others give the user or the owner password with \
        --password, or --password-file FILE (its first line) to keep it out of the process list.

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

    @Flag(help: "Keep page numbers, running heads, /Artifact content and text at an angle (watermarks).")
    var keepFurniture = false

    @Option(help: "Password of encrypted inputs (the user or the owner password).")
    var password: String?

    @Option(help: "Read the password from the first line of this file.")
    var passwordFile: String?

    @Option(name: .shortAndLong, help: """
        Output file (- for standard output); with several inputs, a directory (created if missing). \
        Default: standard output.
        """)
    var output: String?

    /// Bytes of page lines kept between the two passes of a text extraction (hidden: for tests
    /// and measurements of the re-reading path).
    @Option(help: .hidden)
    var retainBudget: Int = Extractor.defaultRetainBudget

    /// The options as a plain job (`ExtractJob` does the work; `ExtractFastPath` builds the same
    /// job without this parser).
    var job: ExtractJob {
        ExtractJob(inputs: inputs, format: format, pages: pages, keepFurniture: keepFurniture, output: output,
                   retainBudget: retainBudget, password: password, passwordFile: passwordFile)
    }

    func validate() throws {
        do { try job.validate() } catch { throw ValidationError(error.message) }
    }

    func run() throws {
        let status: Int32
        do { status = try job.execute() } catch { throw ValidationError(error.message) }
        if status != 0 { throw ExitCode(status) }
    }
}

extension ExtractFormat: ExpressibleByArgument {}
