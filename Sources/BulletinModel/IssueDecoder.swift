/// An issue read from JSON, with where each of its parts was written.
public struct DecodedIssue: Equatable, Sendable {
    public var issue: Issue
    /// JSON path → location of that value, for every value the decoder read: `""` (the whole
    /// document), `masthead.title`, `sections[0].articles[1].blocks[3]`,
    /// `sections[0].articles[0].blocks[0].paragraph[1]` (a run) … The paths are the ones
    /// `Issue.printedItems` uses, so later stages can turn a path into `file:line:column`.
    public var locations: [String: SourceLocation]

    public init(issue: Issue, locations: [String: SourceLocation] = [:]) {
        self.issue = issue
        self.locations = locations
    }

    /// The location of `path`, or of its nearest enclosing value that has one
    /// (`…blocks[3].paragraph[2]` → `…blocks[3].paragraph` → `…blocks[3]` …).
    public func location(nearest path: String) -> SourceLocation? {
        var path = Substring(path)
        while true {
            if let location = locations[String(path)] { return location }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return locations[""] }
            path = path[..<cut]
        }
    }
}

/// Reads issue JSON (Samples/FORMAT.md, "bulletin-pdf/1") into an `Issue`.
///
/// Hand-written files usually have several mistakes, so the decoder does not stop at the first:
/// it checks the whole document and reports every problem, each located (`file:line:column`,
/// JSON path) and saying what was expected. Only a JSON syntax error stops it early, because
/// after one the rest of the text cannot be read reliably.
public enum IssueDecoder {
    /// Decodes `data` (UTF-8 JSON); `file` names the input in diagnostics (`-` for stdin).
    ///
    /// Returns the issue with its warnings (e.g. whitespace trimmed from text). Throws a
    /// `DiagnosticsError` (typed throws, so callers need no cast) holding every error found,
    /// plus the warnings, sorted by position in the file.
    public static func decode(_ data: [UInt8], file: String) throws(DiagnosticsError) -> Warned<DecodedIssue> {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, file: file, line: error.location.line,
                                               column: error.location.column, path: error.path, message: error.message)])
        }
        var reader = JSONReader(file: file)
        let issue = reader.issue(root)
        let diagnostics = reader.sortedDiagnostics()
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
        return Warned(DecodedIssue(issue: issue, locations: reader.locations), warnings: diagnostics)
    }

    /// The keys each kind of object accepts, in the order FORMAT.md lists them (and the encoder
    /// writes them). The schema test checks `IssueSchema` against the decoder's behaviour.
    /// `$schema` is accepted and ignored: editors read it to find the schema.
    static let issueKeys = ObjectKeys(["$schema", "masthead", "sections", "footer", "distribution"],
                                      required: ["masthead", "sections"])
    static let mastheadKeys = ObjectKeys(["title", "number", "totalNumber", "issuer", "date", "extraLines"],
                                         required: ["title", "number", "issuer", "date"])
    static let sectionKeys = ObjectKeys(["column", "articles"], required: ["articles"])
    static let articleKeys = ObjectKeys(["kicker", "headline", "subtitle", "editorsNote", "blocks", "attribution"],
                                        required: ["blocks"])
    static let headingKeys = ObjectKeys(["heading", "label", "level"], required: ["heading"])
    static let footerFieldKeys = ObjectKeys(["label", "value"], required: ["label", "value"])
    static let distributionKeys = ObjectKeys(["lines", "printRun", "notes"], required: ["lines"])
    static let distributionLineKeys = ObjectKeys(["label", "text"], required: ["label", "text"])
    /// Blocks and runs are objects with one key telling which kind they are.
    static let blockKinds = ["paragraph", "heading", "note"]
    static let runKinds = ["bold", "title", "lead"]
}
