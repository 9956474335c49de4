import BulletinDiff

/// Reads the text lines of a PDF's pages, so a PDF diff can name what changed ("p2 line 14
/// reflowed: …") the way an issue diff does.
///
/// `ExtractedPDFLines` (our own reader and extractor) is the one the CLI uses; without a line
/// reader, or when a PDF has no usable text, PDF pages are described by their changed regions
/// ("changed region x,y–x,y pt on p2").
public protocol PDFLineReader: Sendable {
    /// The lines of every page of the PDF at `path`; nil when the PDF has no usable text. A
    /// thrown error is reported as a warning and the diff falls back to regions.
    func lines(ofPDF path: String) throws -> [TextLine]?
}
