import ArgumentParser
import BulletinBatch
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation

/// `bulletin-pdf volume`: binds a selection of issues into one PDF.
struct VolumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volume",
        abstract: "Bind issues (a year, or any selection) into one PDF with a contents page.",
        discussion: """
        Examples:
          bulletin-pdf volume archive/2020 -o 2020.pdf
          bulletin-pdf volume archive/2020/0{1,2,3}*.json -o first-quarter.pdf --title "2020年第一季度"

        Issues are ordered by date. The volume opens with a contents page (each issue's number, \
        total number and date, its articles and the page each starts on, as printed on that \
        page); the outline has an entry per issue and per article; page labels name each page \
        by its issue (第33期-2). Any input that cannot be read fails the volume, with every \
        error listed. Exit codes: 0 success; 1 invalid input; 3 output could not be written.
        """)

    @Argument(help: "Archive directories and issue files.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "The volume's PDF.")
    var output: String

    @Option(help: "Layout name from Layouts/ or path to a layout JSON file.")
    var layout: String = "jianbao"

    @Option(help: "Document title (default: the bulletin's title, 合订本 and the range of issue numbers).")
    var title: String?

    func run() throws {
        let home = try installationHome()
        let discovery = ArchiveDiscovery.discover(inputs)
        if !discovery.problems.isEmpty {
            DiagnosticPrinter.print(discovery.problems.map(\.diagnostic))
            throw ExitStatus.invalidInput
        }
        let volume: Warned<DisplayList>
        do {
            let session = try RenderSession(home: home)
            let typesetter = try session.typesetter(layout: layout)
            volume = try VolumeBinder.bind(discovery.items, typesetter: typesetter, title: title,
                                           creationDate: SourceDate.fromEnvironment())
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        DiagnosticPrinter.print(volume.warnings)
        let pdf: [UInt8]
        do {
            pdf = try PDFRenderer.render(volume.value)
        } catch {
            DiagnosticPrinter.error("\(output): \(error)")
            throw ExitStatus.outputFailed
        }
        do {
            try AtomicFile.write(pdf, to: output)
        } catch {
            DiagnosticPrinter.error(error.description)
            throw ExitStatus.outputFailed
        }
    }
}
