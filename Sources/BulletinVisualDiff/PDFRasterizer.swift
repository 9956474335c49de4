import BulletinDiff
import Foundation

/// Rasterizes PDF pages with poppler's `pdftoppm` (Debian poppler-utils), run as a subprocess.
///
/// Why poppler and not our own Cairo: the print shop's RIPs and readers' viewers are not Cairo, so
/// an independent rasterizer checks our PDFs as others see them (`pdftocairo` would share Cairo's
/// rasterizer with the PDF writer's author). Why PPM: pdftoppm writes it without compression and
/// reading it is a copy: a 5-page sample at 150 dpi took 0.13 s as PPM and 1.7 s as PNG
/// (`time pdftoppm -r 150 [-png]` on the development machine).
public struct PDFRasterizer: Sendable {
    /// The `pdftoppm` executable: `$BULLETIN_PDFTOPPM` (for tests and unusual installs), else
    /// `/usr/bin/pdftoppm`.
    public var executable: String

    public init(executable: String? = nil) {
        self.executable = executable ?? ProcessInfo.processInfo.environment["BULLETIN_PDFTOPPM"] ?? "/usr/bin/pdftoppm"
    }

    /// Every page of `pdf` at `dpi`, in page order.
    public func rasterize(_ pdf: String, dpi: Double) throws(DiffError) -> [RasterImage] {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw .rasterizerMissing(tool: executable, reason: FileManager.default.fileExists(atPath: executable)
                                     ? "not executable" : "not installed")
        }
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("bulletin-diff-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: directory, reason: "cannot create a temporary directory")
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let resolution = String(format: "%g", dpi)
        let (status, message) = try run([ "-r", resolution, pdf, (directory as NSString).appendingPathComponent("page")])
        // pdftoppm exits 0 after some page errors; a page it could not render is simply missing,
        // so no output at all is also a failure.
        let pages = DirectoryListing.files(under: directory, extension: "ppm")
            .compactMap { name -> (Int, String)? in
                let stem = (name as NSString).deletingPathExtension
                guard let dash = stem.lastIndex(of: "-"), let number = Int(stem[stem.index(after: dash)...]) else { return nil }
                return (number, name)
            }
            .sorted { $0.0 < $1.0 }
        guard status == 0, !pages.isEmpty else {
            throw .rasterizeFailed(path: pdf, status: status, message: status == 0 ? "no page rendered" : message)
        }
        var images: [RasterImage] = []
        for (_, name) in pages {
            do {
                images.append(try RasterImage(ppmFile: (directory as NSString).appendingPathComponent(name)))
            } catch {
                throw .rasterizeFailed(path: pdf, status: status, message: error.description)
            }
        }
        return images
    }

    /// The installed pdftoppm's version line, e.g. `pdftoppm version 22.12.0` (nil if it cannot run).
    public func version() -> String? {
        guard let (_, message) = try? run(["-v"]) else { return nil }
        return message.components(separatedBy: "; ").first
    }

    /// Runs pdftoppm; returns its exit status and its standard error, condensed to one line.
    private func run(_ arguments: [String]) throws(DiffError) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .rasterizerMissing(tool: executable, reason: "\(error.localizedDescription)")
        }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return (process.terminationStatus, lines.prefix(3).joined(separator: "; "))
    }
}
