import ArgumentParser
import BulletinImport
import BulletinModel
import BulletinRender
import Foundation

/// `bulletin-pdf import`: plain-text archive bulletins → issue JSON, every change accounted for.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import plain-text bulletins (archive text) into issue JSON.",
        discussion: """
        Examples:
          bulletin-pdf import 2020-033.txt                 # → 2020-033.json next to the input
          bulletin-pdf import in.txt -o issue.json --explain
          cat in.txt | bulletin-pdf import - > issue.json
          bulletin-pdf import archive/*.txt -o Samples/ --name-from-masthead

        Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; anything else is \
        an error. Page breaks are healed, punctuation and spaces normalized (bulletin-format.md \
        §2), and the structure recognised; --explain lists every change (line:column, before → \
        after, rule) and every guess. Uncertain guesses are always reported as warnings. A text \
        without a recognisable masthead is an error: the issue format requires title, number, \
        issuer and date, and the importer does not invent them.

        Each JSON file is written to a temporary file and renamed, so a failure never leaves a \
        partial file. Exit codes: 0 success; 1 invalid input; 3 output could not be written; \
        64 bad usage.
        """)

    @Argument(help: "Archive text files, or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: """
        Output JSON file (- for standard output); with several inputs, a directory (created if \
        missing). Default: next to each input with .json (standard output for -).
        """)
    var output: String?

    @Flag(help: "List every change and guess (to standard output, or standard error when the JSON goes there).")
    var explain = false

    @Flag(help: "Name each output <year>-<number>.json after its masthead (e.g. 2020-033.json).")
    var nameFromMasthead = false

    /// Warnings printed per input before the rest are summarised.
    private static let warningLimit = 30

    func validate() throws {
        if inputs.count > 1 && inputs.contains("-") {
            throw ValidationError("- (standard input) cannot be combined with other inputs.")
        }
        if inputs.count > 1 && output == "-" {
            throw ValidationError("several inputs cannot all go to standard output; give -o DIRECTORY.")
        }
    }

    func run() throws {
        var imported: [(input: String, result: ImportResult)] = []
        var failure: ExitCode?
        for input in inputs {
            guard let bytes = read(input) else { failure = failure ?? ExitStatus.invalidInput; continue }
            do {
                let result = try Importer.importIssue(bytes, file: input)
                printWarnings(result.warnings, input: input)
                imported.append((input, result.value))
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                failure = failure ?? ExitStatus.invalidInput
            }
        }
        if imported.count > 1 {
            DiagnosticPrinter.print(Numbering.check(imported.map { ($0.input, $0.result.issue.masthead) }))
        }
        let targets: [String]
        do {
            targets = try outputPaths(imported)
        } catch {
            DiagnosticPrinter.error("\(error)")
            throw failure ?? ExitStatus.invalidInput
        }
        let explainToStandardError = targets.contains("-")
        for ((input, result), target) in zip(imported, targets) {
            if explain { printExplanation(result, input: input, toStandardError: explainToStandardError) }
            do {
                let bytes = Array(IssueEncoder.encode(result.issue).utf8)
                if target == "-" { try AtomicFile.writeStandardOutput(bytes) } else { try AtomicFile.write(bytes, to: target) }
            } catch {
                DiagnosticPrinter.error("\(error)")
                failure = failure ?? ExitStatus.outputFailed
            }
        }
        if let failure { throw failure }
    }

    // MARK: Steps

    private func read(_ input: String) -> [UInt8]? {
        if input == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
            DiagnosticPrinter.error("\(input): is a directory")
            return nil
        }
        guard let contents = FileManager.default.contents(atPath: input) else {
            let reason = FileManager.default.fileExists(atPath: input) ? "cannot read the file" : "no such file"
            DiagnosticPrinter.error("\(input): \(reason)")
            return nil
        }
        return Array(contents)
    }

    /// Where each imported issue goes; checks that no output overwrites an input or another output.
    private func outputPaths(_ imported: [(input: String, result: ImportResult)]) throws -> [String] {
        func name(_ input: String, _ result: ImportResult) -> String {
            let stem = input == "-" ? "issue" : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
            return ((nameFromMasthead ? result.suggestedName : nil) ?? stem) + ".json"
        }
        var paths: [String] = []
        if inputs.count > 1, let directory = output {
            try createDirectory(directory)
            paths = imported.map { (directory as NSString).appendingPathComponent(name($0.input, $0.result)) }
        } else if let output, inputs.count == 1 {
            var isDirectory: ObjCBool = false
            if output != "-", FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                paths = imported.map { (output as NSString).appendingPathComponent(name($0.input, $0.result)) }
            } else {
                paths = imported.map { _ in output }
            }
        } else {
            paths = imported.map { entry in
                entry.input == "-" ? "-" : ((entry.input as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent(name(entry.input, entry.result))
            }
        }
        var seen: [String: String] = [:]
        for (path, entry) in zip(paths, imported) where path != "-" {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if let other = seen[key] { throw ValidationError("\(entry.input) and \(other) would both be written to \(path)") }
            seen[key] = entry.input
            if inputs.contains(where: { $0 != "-" && URL(fileURLWithPath: $0).standardizedFileURL.path == key }) {
                throw ValidationError("\(path): the output would overwrite an input")
            }
        }
        return paths
    }

    private func createDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ValidationError("\(directory): not a directory (several inputs need -o DIRECTORY)") }
            return
        }
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw AtomicFile.WriteError(path: directory, reason: "cannot create the directory: \(String(cString: strerror(errno)))")
        }
    }

    private func printWarnings(_ warnings: [Diagnostic], input: String) {
        DiagnosticPrinter.print(Array(warnings.prefix(Self.warningLimit)))
        if warnings.count > Self.warningLimit {
            FileHandle.standardError.write(Data("\(input): … and \(warnings.count - Self.warningLimit) more warnings (--explain lists every guess)\n".utf8))
        }
    }

    private func printExplanation(_ result: ImportResult, input: String, toStandardError: Bool) {
        var text = ""
        for note in result.notes { text += "\(input):\(note)\n" }
        let changes = result.notes.filter { $0.kind == .change }.count
        let guesses = result.notes.count - changes
        let uncertain = result.notes.filter(\.uncertain).count
        text += "\(input): \(changes) changes, \(guesses) guesses (\(uncertain) uncertain), read as \(result.encoding.rawValue)\n"
        let data = Data(text.utf8)
        if toStandardError { FileHandle.standardError.write(data) } else { _ = try? AtomicFile.writeStandardOutput(Array(data)) }
    }

}
