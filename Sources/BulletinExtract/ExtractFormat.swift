import BulletinModel

/// The output forms of `bulletin-pdf extract`.
public enum ExtractFormat: String, Sendable, CaseIterable {
    /// Paragraphs, one blank line apart (`TextWriter`).
    case text
    /// Paragraphs with structure (`MarkdownWriter`).
    case markdown
    /// Lines with boxes, fonts, sizes and colours, paragraphs, and the recovered issue (`JSONWriter`).
    case json
    /// The recovered issue alone, in the issue JSON format `render` reads.
    case issue

    /// The file extension for outputs written one per input.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .json: return "json"
        case .issue: return "json"
        }
    }

    /// The document in this format; `file` names it in JSON. Fails only for `issue` when the pages
    /// are not a bulletin.
    public func render(_ extraction: Extraction, file: String) -> Result<String, NotABulletin> {
        switch self {
        case .text:
            return .success(TextWriter.write(extraction))
        case .markdown:
            return .success(MarkdownWriter.write(extraction))
        case .json:
            return .success(JSONWriter.write(extraction, file: file))
        case .issue:
            guard let issue = IssueRecovery.recover(BlockClassifier.classify(extraction)) else {
                return .failure(NotABulletin())
            }
            return .success(IssueEncoder.encode(issue))
        }
    }
}

/// The pages do not show a bulletin's masthead (title, 第N期, issuer, date), so no issue can be
/// recovered without inventing fields.
public struct NotABulletin: Error, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String {
        "not a bulletin: no masthead with title, issue number (第N期), issuer and date was found; "
            + "use --format json or text"
    }
}
