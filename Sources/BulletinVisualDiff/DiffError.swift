import BulletinDiff

/// The BulletinVisualDiff module: turns what a user has — PDFs, issue JSON, archives of issues,
/// directories of page PNGs, a goldens directory — into pages and text lines, and runs the
/// comparison of BulletinDiff over them (`bulletin-pdf diff`, `snapshot`).
///
/// - `DiffInput` recognises an input and opens it as a `DocumentSet` (`PDFDocuments` rasterized
///   by `PDFRasterizer`, `IssueDocuments` through our Cairo PNG path, `PNGDocuments`,
///   `GoldenDocuments`);
/// - `DocumentComparer` compares one pair of documents page by page; `DiffRun` pairs the
///   documents of two sets, writes the report's images and gives a `DiffReport`;
/// - `Snapshot` records goldens with a `GoldenManifest` (library versions from
///   `LibraryVersions`, font hashes by `SHA256`); `GoldenCheck` compares against them and
///   re-records what changed.

/// Why a diff could not be done (exit code 2: an error, not a difference). Every case names the
/// file, and the page where there is one.
public enum DiffError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input path does not exist, or is of no kind `diff` reads.
    case noSuchInput(path: String)
    case unrecognizedInput(path: String, reason: String)
    /// A page image could not be read (truncated PNG, not a PNG …).
    case unreadableImage(RasterImage.ReadError)
    /// `pdftoppm` is not installed, or failed on a file.
    case rasterizerMissing(tool: String, reason: String)
    case rasterizeFailed(path: String, status: Int32, message: String)
    /// An issue could not be decoded, laid out or drawn (diagnostics already located).
    case issue(path: String, messages: [String])
    /// Two pages that are not the same size; never resized.
    case pageSize(document: String, page: Int, PixelComparison.SizeMismatch)
    /// A golden the manifest promises is not there, or an issue has no golden.
    case missingGolden(path: String, hint: String)
    /// The goldens manifest is missing or malformed (line:column where known).
    case manifest(path: String, location: String?, message: String)
    /// Documents that cannot be paired (a single document against several).
    case unpairable(reason: String)
    /// A report, golden or JSON file could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .noSuchInput(let path):
            return "\(path): no such file or directory"
        case .unrecognizedInput(let path, let reason):
            return "\(path): \(reason)"
        case .unreadableImage(let error):
            return error.description
        case .rasterizerMissing(let tool, let reason):
            return "cannot run \(tool) (\(reason)); install poppler-utils (apt-get install poppler-utils)"
        case .rasterizeFailed(let path, let status, let message):
            return "\(path): pdftoppm failed (exit \(status)): \(message.isEmpty ? "no message" : message)"
        case .issue(_, let messages):
            return messages.joined(separator: "\n")
        case .pageSize(let document, let page, let mismatch):
            return "\(document.isEmpty ? "" : document + " ")p\(page + 1): \(mismatch)"
        case .missingGolden(let path, let hint):
            return "\(path): missing golden; \(hint)"
        case .manifest(let path, let location, let message):
            return "\(path)\(location.map { ":" + $0 } ?? ""): \(message)"
        case .unpairable(let reason):
            return reason
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}
