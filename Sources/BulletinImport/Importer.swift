import BulletinModel

/// The BulletinImport module: plain-text archive bulletins (简报) to issue models, losing nothing.
///
/// Steps, in order (`Importer.importIssue`):
/// 1. `Decode` — bytes to text: UTF-8 (± BOM), UTF-16 with BOM, GB18030/GBK; else a located error.
/// 2. `Lines` — lines (LF, CRLF, CR, form feed); edge whitespace and markdown prefixes removed,
///    markdown kept as hints.
/// 3. `Heal` — page breaks: a blank line inside a sentence joins with nothing (§2.1).
/// 4. `Normalize` — punctuation width by context, artifact spaces removed, e-mails and URLs
///    verbatim (§2.2, §2.3).
/// 5. `Structure` — masthead, columns, articles (headlines, kickers, run-in titles, headings,
///    sub-leads, editor's notes, attributions), footer fields, 版记 (§1).
/// 6. `Replay` — the normalized text: the input with every logged change applied.
///
/// Every character carries its input offset from step 2 on; every change and every structural
/// guess is logged as an `ImportNote` at its input line:column, and uncertain guesses are also
/// warnings. Replaying the change notes on the input gives the model's printed text exactly —
/// no character of content is dropped or invented without a note.
public enum Importer {
    /// Imports one archive text. `file` names the input in notes and diagnostics (`-` for stdin).
    public static func importIssue(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> Warned<ImportResult> {
        let source = try Decode.text(bytes, file: file)
        var log = ImportLog(file: file, source: source)
        log.guess(at: 0, source.encoding.rawValue, takenAs: "the input encoding", rule: .encoding, Decode.reason(source.encoding))
        let lines = Lines.chunks(source, log: &log)
        let healed = Heal.pageBreaks(lines, log: &log)
        let normalized = Normalize.chunks(healed, log: &log)
        let issue = try Structure.issue(normalized, log: &log)
        Numbering.check(issue.masthead, log: &log)
        let notes = log.sortedNotes
        let result = ImportResult(issue: issue, notes: notes, encoding: source.encoding,
                                  normalizedText: Replay.normalizedText(source, notes))
        return Warned(result, warnings: log.sortedWarnings)
    }
}

/// What an import produced: the issue, the account of how, and the normalized text.
public struct ImportResult: Sendable {
    public var issue: Issue
    /// Every change and guess, in input order (see `ImportNote`).
    public var notes: [ImportNote]
    public var encoding: TextEncoding
    /// The input with every change applied, page breaks joined, blank lines dropped: one line per
    /// paragraph (or masthead, footer, 版记 line), as the archive text should have read.
    public var normalizedText: String

    public init(issue: Issue, notes: [ImportNote], encoding: TextEncoding, normalizedText: String) {
        self.issue = issue
        self.notes = notes
        self.encoding = encoding
        self.normalizedText = normalizedText
    }

    /// A file name for the issue: `<year>-<number>` (`2020-033`), `<year>-S<number>` for a 增刊;
    /// nil when the date or number cannot be read.
    public var suggestedName: String? { Numbering.name(issue.masthead) }
}

extension Decode {
    static func reason(_ encoding: TextEncoding) -> String {
        switch encoding {
        case .utf8: return "the bytes are valid UTF-8"
        case .utf8BOM: return "a UTF-8 byte-order mark"
        case .utf16LE, .utf16BE: return "a UTF-16 byte-order mark"
        case .gb18030: return "not valid UTF-8; valid GB18030 (a superset of GBK and GB2312)"
        }
    }
}
