import ArgumentParser
import BulletinModel
import BulletinRender
import Foundation

/// `bulletin-pdf render`: issue JSON → PDF (and optionally page PNGs and a display-list trace).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Typeset an issue JSON file into an A4 PDF.",
        discussion: """
        Examples:
          bulletin-pdf render Samples/2020-033.json      # → Samples/2020-033.pdf
          bulletin-pdf render issue.json -o out/issue.pdf --png out/pages --dpi 150
          cat issue.json | bulletin-pdf render - -o - > issue.pdf
          bulletin-pdf render issue.json --layout Layouts/my-office.json

        The PDF is written to a temporary file and renamed, so a failure never leaves a partial \
        PDF. The creation date comes from the issue's date, or from SOURCE_DATE_EPOCH when set; \
        the same input gives a byte-identical PDF.
        """)

    @Argument(help: "Issue JSON files, or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output PDF (- for standard output); default: next to the input, .pdf.")
    var output: String?

    @Option(help: "Layout name from Layouts/ or path to a layout JSON file.")
    var layout: String = "jianbao"

    @Option(help: "Also write page PNGs into this directory.")
    var png: String?

    @Option(help: "Resolution of the PNGs.")
    var dpi: Double = 150

    @Option(help: "Also write a text trace of the display list to this file.")
    var trace: String?

    @Option(help: "Directory of font files (default: Fonts/ of the installation).")
    var fonts: String?

    @Flag(help: "Do not fall back to system fonts for characters the layout's fonts lack.")
    var noSystemFonts = false

    @Option(help: "PDF writer: native (our own, default, fastest) or cairo (Cairo's PDF surface).")
    var pdfEngine: PDFEngine = .native

    func validate() throws {
        if inputs.count > 1 && output != nil {
            throw ValidationError("-o/--output takes one input; with several inputs each PDF goes next to its input.")
        }
        if !(10...2400).contains(dpi) { throw ValidationError("--dpi must be between 10 and 2400.") }
        if inputs.contains("-") && output == nil {
            throw ValidationError("reading standard input needs -o (a path, or - for standard output).")
        }
    }

    func run() throws {
        let home = try installationHome()
        let session: RenderSession
        do {
            session = try RenderSession(home: home, fontDirectory: fonts, systemFallback: !noSystemFonts)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        var failed: ExitCode?
        for input in inputs {
            if let code = renderOne(input, session: session) { failed = failed ?? code }
        }
        if let failed { throw failed }
    }

    /// Renders one input; returns the exit code on failure.
    private func renderOne(_ input: String, session: RenderSession) -> ExitCode? {
        let data: [UInt8]
        if input == "-" {
            data = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else if let contents = FileManager.default.contents(atPath: input) {
            data = Array(contents)
        } else {
            let reason = FileManager.default.fileExists(atPath: input) ? "cannot read the file" : "no such file"
            DiagnosticPrinter.error("\(input): \(reason)")
            return ExitStatus.invalidInput
        }
        let target = output ?? ((input as NSString).deletingPathExtension + ".pdf")
        for path in [target, trace].compactMap({ $0 }) where input != "-" && isSameFile(path, as: input) {
            DiagnosticPrinter.error("\(path): the output would overwrite the input")
            return ExitStatus.invalidInput
        }
        let rendered: Warned<RenderSession.Output>
        do {
            rendered = try session.render(issueJSON: data, file: input, layout: layout,
                                          creationDate: SourceDate.fromEnvironment(), engine: pdfEngine)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            return ExitStatus.invalidInput
        }
        DiagnosticPrinter.print(rendered.warnings)
        do {
            if target == "-" {
                try AtomicFile.writeStandardOutput(rendered.value.pdf)
            } else {
                try AtomicFile.write(rendered.value.pdf, to: target)
            }
            if let png {
                try writePNGs(rendered.value, directory: png, stem: input == "-" ? "page" : URL(fileURLWithPath: input)
                    .deletingPathExtension().lastPathComponent)
            }
            if let trace {
                try AtomicFile.write(Array(TraceRenderer.render(rendered.value.displayList).utf8), to: trace)
            }
        } catch {
            DiagnosticPrinter.error("\(error)")
            return ExitStatus.outputFailed
        }
        return nil
    }

    /// Whether `path` names the file `input` names: the same path, or the same file through a
    /// symbolic or hard link (compared by device and inode), so `-o` can never replace the input.
    private func isSameFile(_ path: String, as input: String) -> Bool {
        if path == "-" { return false }
        if URL(fileURLWithPath: path).standardizedFileURL == URL(fileURLWithPath: input).standardizedFileURL {
            return true
        }
        var a = stat(), b = stat()
        guard stat(path, &a) == 0, stat(input, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }


    private func writePNGs(_ output: RenderSession.Output, directory: String, stem: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            // Foundation's message is an NSError dump; the POSIX reason underneath is the useful part.
            let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? Error).map { $0 as NSError }
            let reason = underlying.flatMap { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : nil }
            throw AtomicFile.WriteError(path: directory, reason: "cannot create the PNG directory: "
                                        + (reason ?? error.localizedDescription))
        }
        for index in output.displayList.pages.indices {
            let bytes = try PNGRenderer.render(output.displayList, page: index, dpi: dpi)
            try AtomicFile.write(bytes, to: (directory as NSString).appendingPathComponent("\(stem)-\(index + 1).png"))
        }
    }
}

/// SOURCE_DATE_EPOCH (reproducible-builds.org) as an ISO 8601 date-time, when set and valid.
enum SourceDate {
    static func fromEnvironment() -> String? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
              let seconds = Int(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

extension PDFEngine: ExpressibleByArgument {}
