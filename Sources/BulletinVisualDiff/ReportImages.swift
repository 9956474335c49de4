import BulletinDiff
import BulletinRender
import Foundation

/// Writes the images of a report: for each page that differs, `pages/NAME/pN-expected.png`,
/// `-actual.png` and `-diff.png` under the report directory (paths in the report are relative, so
/// the directory can be moved or kept as a CI artifact as a whole).
final class ReportImages: @unchecked Sendable {
    let directory: String

    init(directory: String) { self.directory = directory }

    func write(_ name: String, _ page: Int, actual: LoadedDocument.Page, image: RasterImage) throws(DiffError) -> PageReport.Images {
        PageReport.Images(actual: try save(name, page, "actual", png: actual.png, image: image))
    }

    func write(_ name: String, _ page: Int, expected: LoadedDocument.Page, image: RasterImage) throws(DiffError) -> PageReport.Images {
        PageReport.Images(expected: try save(name, page, "expected", png: expected.png, image: image))
    }

    func write(_ name: String, _ page: Int, expected: LoadedDocument.Page, expectedImage: RasterImage,
               actual: LoadedDocument.Page, actualImage: RasterImage, diff: RasterImage?) throws(DiffError) -> PageReport.Images {
        PageReport.Images(expected: try save(name, page, "expected", png: expected.png, image: expectedImage),
                          actual: try save(name, page, "actual", png: actual.png, image: actualImage),
                          diff: try diff.map { (image: RasterImage) throws(DiffError) -> String in
                              try save(name, page, "diff", png: nil, image: image)
                          })
    }

    /// Writes one image (its existing PNG bytes when the source had them) and returns its path
    /// relative to the report directory.
    private func save(_ name: String, _ page: Int, _ role: String, png: [UInt8]?, image: RasterImage) throws(DiffError) -> String {
        let relative = "pages/\(name.isEmpty ? "document" : name)/p\(page)-\(role).png"
        let path = (directory as NSString).appendingPathComponent(relative)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: folder, reason: "cannot create the directory")
        }
        let bytes: [UInt8]
        if let png {
            bytes = png
        } else {
            do { bytes = try image.pngBytes() } catch { throw .writeFailed(path: path, reason: error.description) }
        }
        do { try AtomicFile.write(bytes, to: path) } catch { throw .writeFailed(path: path, reason: error.reason) }
        return relative
    }
}
