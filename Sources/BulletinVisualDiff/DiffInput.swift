import BulletinRender
import Foundation

/// Recognises what a path given to `diff` is and opens it as a `DocumentSet`:
///
/// - a file: `.pdf` (or any file starting `%PDF-`) → PDF; `.json` → issue; `.png` → one page;
/// - a directory with a goldens `manifest.json` → goldens; otherwise, by the files under it
///   (recursively): issue JSON → archive, else PDFs → directory of PDFs, else PNGs → page PNGs.
///   Issue JSON wins because an archive may hold rendered PDFs or PNGs beside its issues.
public struct DiffInput {
    /// What issues and PDFs need: the render session (created on first use), layout and dpi.
    public var dpi: Double
    public var layout: String
    public var rasterizer: PDFRasterizer
    public var pdfLineReader: (any PDFLineReader)?
    public var session: () throws(DiffError) -> RenderSession

    public init(dpi: Double, layout: String = "jianbao", rasterizer: PDFRasterizer = PDFRasterizer(),
                pdfLineReader: (any PDFLineReader)? = nil, session: @escaping () throws(DiffError) -> RenderSession) {
        self.dpi = dpi
        self.layout = layout
        self.rasterizer = rasterizer
        self.pdfLineReader = pdfLineReader
        self.session = session
    }

    public func open(_ path: String) throws(DiffError) -> any DocumentSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .noSuchInput(path: path) }
        if isDirectory.boolValue {
            if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(GoldenManifest.fileName)) {
                return try GoldenDocuments(directory: path)
            }
            if !DirectoryListing.files(under: path, extension: "json").isEmpty {
                return IssueDocuments(path: path, session: try session(), layout: layout, dpi: dpi)
            }
            if !DirectoryListing.files(under: path, extension: "pdf").isEmpty {
                return PDFDocuments(path: path, dpi: dpi, rasterizer: rasterizer, lineReader: pdfLineReader)
            }
            if !DirectoryListing.files(under: path, extension: "png").isEmpty { return PNGDocuments(path: path) }
            throw .unrecognizedInput(path: path, reason: "no issue JSON, PDF or PNG files in this directory")
        }
        switch (path as NSString).pathExtension.lowercased() {
        case "pdf": return PDFDocuments(path: path, dpi: dpi, rasterizer: rasterizer, lineReader: pdfLineReader)
        case "json": return IssueDocuments(path: path, session: try session(), layout: layout, dpi: dpi)
        case "png": return PNGDocuments(path: path)
        default:
            if let handle = FileHandle(forReadingAtPath: path) {
                let head = handle.readData(ofLength: 5)
                try? handle.close()
                if head == Data("%PDF-".utf8) {
                    return PDFDocuments(path: path, dpi: dpi, rasterizer: rasterizer, lineReader: pdfLineReader)
                }
            }
            throw .unrecognizedInput(path: path, reason: "not a PDF, issue JSON (.json) or PNG file, nor a directory of them")
        }
    }
}
