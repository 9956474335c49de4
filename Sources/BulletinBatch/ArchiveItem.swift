/// One input of a batch and where its output goes.
public struct ArchiveItem: Equatable, Hashable, Sendable {
    /// What the input holds, from its file name extension.
    public enum Kind: String, Sendable {
        /// Issue JSON (`.json`), decoded by `IssueDecoder`.
        case issueJSON = "json"
        /// A plain-text bulletin (`.txt`), imported on the fly by `Importer`.
        case bulletinText = "txt"

        /// The kind of a file name, or nil when the batch does not read such files.
        public init?(fileName: String) {
            let lower = fileName.lowercased()
            if lower.hasSuffix(".json") { self = .issueJSON } else if lower.hasSuffix(".txt") { self = .bulletinText } else { return nil }
        }
    }

    /// The path to read, as found (the command-line argument joined with the walk's path).
    public var path: String
    /// The path below the archive root it was found under, `/`-separated, e.g. `2020/033.json`;
    /// for a file named on the command line, its file name.
    public var relativePath: String
    public var kind: Kind

    public init(path: String, relativePath: String, kind: Kind) {
        self.path = path
        self.relativePath = relativePath
        self.kind = kind
    }

    /// The PDF's path below the output directory: the input's relative path with `.pdf`
    /// (`2020/033.json` → `2020/033.pdf`), so the output mirrors the input tree.
    public var outputPath: String { stem + ".pdf" }

    /// The relative path without its extension (`2020/033`); page images are `<stem>-<n>.png`.
    public var stem: String {
        guard let dot = relativePath.lastIndex(of: "."),
              !relativePath[dot...].contains("/") else { return relativePath }
        return String(relativePath[..<dot])
    }
}
