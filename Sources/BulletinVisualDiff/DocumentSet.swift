import BulletinDiff
import Foundation

/// One document ready to compare: its pages as images and, when the source knows them, its text
/// lines (for the change summary).
public struct LoadedDocument: Sendable {
    /// A page image, or why it could not be had (that page is then an error, the others still
    /// compared).
    public struct Page: Sendable {
        public var image: Result<RasterImage, DiffError>
        /// The page's PNG bytes when the source has them (a PNG file, our PNG renderer), so a
        /// report or a golden reuses them instead of encoding again.
        public var png: [UInt8]?

        public init(image: Result<RasterImage, DiffError>, png: [UInt8]? = nil) {
            self.image = image
            self.png = png
        }
    }

    public var pages: [Page]
    /// Text lines of every page, or nil when the source cannot say (PNGs; PDFs read without a
    /// `PDFLineReader` or without text).
    public var lines: [TextLine]?
    /// Points per pixel (72 / dpi) when the resolution is known; regions are then given in points.
    public var pointsPerPixel: Double?
    /// The display list's text trace (issues only): what `snapshot` records beside the PNGs.
    public var trace: String?
    /// Font files the document was set in (issues only), for the goldens manifest.
    public var fontFiles: [String]
    /// Non-fatal notes (layout warnings of an issue), located.
    public var warnings: [String]

    public init(pages: [Page], lines: [TextLine]? = nil, pointsPerPixel: Double? = nil, trace: String? = nil,
                fontFiles: [String] = [], warnings: [String] = []) {
        self.pages = pages
        self.lines = lines
        self.pointsPerPixel = pointsPerPixel
        self.trace = trace
        self.fontFiles = fontFiles
        self.warnings = warnings
    }
}

/// One side of a diff: a set of named documents, loaded one at a time (an archive of hundreds of
/// issues never sits in memory at once).
public protocol DocumentSet: Sendable {
    /// The path the user gave.
    var path: String { get }
    /// What it is, for messages: `archive Samples (4 issues)`.
    var summary: String { get }
    /// A single file (paired with the other side's single document whatever their names).
    var isSingleDocument: Bool { get }
    /// Document names: paths relative to the directory without extension (`2020-033`,
    /// `2021/012`); for a single file, its name without extension. Sorted.
    var names: [String] { get }
    func load(_ name: String) throws(DiffError) -> LoadedDocument
}

/// Files under a directory, recursively, with paths relative to it (hidden files skipped), sorted.
enum DirectoryListing {
    static func files(under directory: String, extension ext: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if (relative as NSString).pathExtension.lowercased() == ext { result.append(relative) }
        }
        return result.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func join(_ directory: String, _ relative: String) -> String {
        (directory as NSString).appendingPathComponent(relative)
    }

    static func stem(_ path: String) -> String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }
}
