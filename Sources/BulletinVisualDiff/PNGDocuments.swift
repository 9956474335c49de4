import BulletinDiff
import Foundation

/// A directory of page PNGs (recursively), named as `bulletin-pdf render --png` writes them:
/// `NAME-N.png` is page N of document NAME (a file without `-N` is a one-page document); or a
/// single PNG file. A missing page number in a run (NAME-1, NAME-3) makes that page an error.
public struct PNGDocuments: DocumentSet {
    public let path: String
    public let isSingleDocument: Bool
    public let names: [String]
    /// Page files per document, index = page number − 1; nil where a page is missing.
    private let pages: [String: [String?]]

    public init(path: String) {
        self.path = path
        var pages: [String: [String?]] = [:]
        if DirectoryListing.isDirectory(path) {
            isSingleDocument = false
            for file in DirectoryListing.files(under: path, extension: "png") {
                let (name, number) = Self.page(of: file)
                var list = pages[name] ?? []
                while list.count < number { list.append(nil) }
                list[number - 1] = DirectoryListing.join(path, file)
                pages[name] = list
            }
        } else {
            isSingleDocument = true
            pages[Self.page(of: path).name] = [path]
        }
        self.pages = pages
        names = pages.keys.sorted()
    }

    /// `dir/2020-033-2.png` → (`dir/2020-033`, 2); `cover.png` → (`cover`, 1).
    static func page(of relative: String) -> (name: String, number: Int) {
        let stem = (relative as NSString).deletingPathExtension
        if let dash = stem.lastIndex(of: "-"), let number = Int(stem[stem.index(after: dash)...]), number >= 1,
           number < 100_000 {
            return (String(stem[..<dash]), number)
        }
        return (stem, 1)
    }

    public var summary: String {
        isSingleDocument ? "PNG \(path)" : "directory of page PNGs \(path) (\(names.count) documents)"
    }

    public func load(_ name: String) throws(DiffError) -> LoadedDocument {
        let files = pages[name]!
        return LoadedDocument(pages: files.enumerated().map { index, file in
            guard let file else {
                let expected = DirectoryListing.join(path, "\(name)-\(index + 1).png")
                return LoadedDocument.Page(image: .failure(.unreadableImage(
                    RasterImage.ReadError(source: expected, reason: "no such file (page \(index + 1) of \(files.count) missing)"))))
            }
            return Self.readPage(file)
        })
    }

    /// Reads one PNG page, keeping its bytes for reports.
    static func readPage(_ file: String) -> LoadedDocument.Page {
        guard let data = FileManager.default.contents(atPath: file) else {
            let reason = FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"
            return LoadedDocument.Page(image: .failure(.unreadableImage(RasterImage.ReadError(source: file, reason: reason))))
        }
        let bytes = Array(data)
        do {
            return LoadedDocument.Page(image: .success(try RasterImage(png: bytes, source: file)), png: bytes)
        } catch {
            return LoadedDocument.Page(image: .failure(.unreadableImage(error)))
        }
    }
}
