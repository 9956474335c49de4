import BulletinImport
import BulletinModel

/// Reads one archive input into an issue model: issue JSON decoded, a text bulletin imported.
/// Warnings come back with the issue; `locate` maps a model path to its line:column in the input
/// (JSON only; an import's paths have no place in the text).
struct LoadedIssue {
    var issue: Issue
    var warnings: [Diagnostic]
    var locate: @Sendable (String) -> SourceLocation?

    static func load(_ bytes: [UInt8], item: ArchiveItem) throws(DiagnosticsError) -> LoadedIssue {
        switch item.kind {
        case .issueJSON:
            let decoded = try IssueDecoder.decode(bytes, file: item.path)
            let value = decoded.value
            return LoadedIssue(issue: value.issue, warnings: decoded.warnings, locate: { value.location(nearest: $0) })
        case .bulletinText:
            let imported = try Importer.importIssue(bytes, file: item.path)
            return LoadedIssue(issue: imported.value.issue, warnings: imported.warnings, locate: { _ in nil })
        }
    }

    /// Layout warnings placed in the input: its file, and line:column where the path has one.
    func locating(_ warnings: [Diagnostic], file: String) -> [Diagnostic] {
        warnings.map { warning in
            var located = warning
            located.file = file
            if let path = warning.path, let location = locate(path) {
                located.line = location.line
                located.column = location.column
            }
            return located
        }
    }
}
