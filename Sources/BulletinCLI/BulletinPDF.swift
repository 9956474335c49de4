import ArgumentParser
import BulletinRender
import Foundation

/// The `bulletin-pdf` command: a thin layer over the library targets; each subcommand parses its
/// flags and calls one library entry point.
@main
struct BulletinPDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin-pdf",
        abstract: "Typeset Chinese government bulletins (简报) into print-ready PDF.",
        discussion: """
        Exit codes: 0 success; 1 invalid input (issue, layout or font: the messages say where); \
        3 output could not be written; 64 bad command-line usage. `diff` and `snapshot`: 0 same \
        (or recorded), 1 different, 2 error.
        """,
        subcommands: [RenderCommand.self, CheckCommand.self, ImportCommand.self, ExtractCommand.self, SchemaCommand.self,
                      BenchCommand.self, DiffCommand.self, SnapshotCommand.self, BenchDiffCommand.self,
                      BatchCommand.self, VolumeCommand.self]
    )

    /// A plain `extract` command line skips swift-argument-parser's start-up (`ExtractFastPath`);
    /// everything else is parsed by it as usual.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let status = ExtractFastPath.run(arguments) { Foundation.exit(status) }
        main(arguments)
    }
}

/// Exit codes shared by the subcommands.
enum ExitStatus {
    static let invalidInput = ExitCode(1)
    static let outputFailed = ExitCode(3)
}

/// The directory holding Fonts/ and Layouts/, or a clear error and exit 1 (shared by the commands
/// that lay out issues).
func installationHome() throws -> String {
    guard let home = ResourceLocator.home() else {
        DiagnosticPrinter.error("cannot find the Fonts/ and Layouts/ directories; set BULLETIN_PDF_HOME")
        throw ExitStatus.invalidInput
    }
    return home
}
