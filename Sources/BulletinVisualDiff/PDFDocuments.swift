import BulletinDiff
import Foundation

/// A PDF file, or a directory of PDF files (recursively), rasterized by `PDFRasterizer`.
public struct PDFDocuments: DocumentSet {
    public let path: String
    public let isSingleDocument: Bool
    public let names: [String]
    public let dpi: Double
    public let rasterizer: PDFRasterizer
    public let lineReader: (any PDFLineReader)?
    private let files: [String: String]

    public init(path: String, dpi: Double, rasterizer: PDFRasterizer = PDFRasterizer(),
                lineReader: (any PDFLineReader)? = nil) {
        self.path = path
        self.dpi = dpi
        self.rasterizer = rasterizer
        self.lineReader = lineReader
        if DirectoryListing.isDirectory(path) {
            isSingleDocument = false
            let relative = DirectoryListing.files(under: path, extension: "pdf")
            var files: [String: String] = [:]
            for file in relative { files[(file as NSString).deletingPathExtension] = DirectoryListing.join(path, file) }
            self.files = files
        } else {
            isSingleDocument = true
            files = [DirectoryListing.stem(path): path]
        }
        names = files.keys.sorted()
    }

    public var summary: String {
        isSingleDocument ? "PDF \(path)" : "directory of PDFs \(path) (\(names.count) files)"
    }

    public func load(_ name: String) throws(DiffError) -> LoadedDocument {
        let file = files[name]!
        let pages = try rasterizer.rasterize(file, dpi: dpi).map { LoadedDocument.Page(image: .success($0)) }
        var document = LoadedDocument(pages: pages, pointsPerPixel: 72 / dpi)
        if let lineReader {
            do {
                document.lines = try lineReader.lines(ofPDF: file)
            } catch {
                document.warnings.append("\(file): no text lines (\(error)); changes are described by region")
            }
        }
        return document
    }
}
