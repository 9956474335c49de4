import BulletinDiff
import BulletinExtract
import BulletinPDFReader

/// The text lines of a PDF read by our own reader and extractor (what `extract` sees), so a
/// PDF diff names what changed ("p2 line 14 reflowed: …") as an issue diff does. Page furniture
/// is kept: a page number that moved is a change too.
public struct ExtractedPDFLines: PDFLineReader {
    public init() {}

    public func lines(ofPDF path: String) throws -> [BulletinDiff.TextLine]? {
        let document = try PDFDocument(path: path)
        let extraction = Extractor.extract(document, options: ExtractOptions(keepFurniture: true))
        let lines = extraction.pages.flatMap(\.lines).map { line in
            BulletinDiff.TextLine(page: line.page, baseline: line.baseline, left: line.x0, right: line.x1,
                                  size: line.size, text: line.text)
        }
        return lines.isEmpty ? nil : lines
    }
}
