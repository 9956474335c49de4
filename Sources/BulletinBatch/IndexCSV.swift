/// `--index index.csv`: one row per typeset issue for catalogues — issue number, total number,
/// date, article titles, pages, PDF path — as RFC 4180 CSV (CRLF line ends, fields with a comma,
/// quote, CR or LF quoted, quotes doubled), UTF-8 with a byte-order mark so spreadsheet programs
/// read the Chinese text as UTF-8.
public enum IndexCSV {
    public static let header = ["issue", "total_number", "date", "titles", "pages", "pdf"]

    /// One row of the index.
    public struct Row: Equatable, Sendable {
        public var summary: IssueSummary
        public var pages: Int
        public var pdf: String

        public init(summary: IssueSummary, pages: Int, pdf: String) {
            self.summary = summary
            self.pages = pages
            self.pdf = pdf
        }

        var fields: [String] {
            [summary.number, summary.totalNumber ?? "", summary.isoDate ?? summary.date,
             summary.articles.joined(separator: "；"), String(pages), pdf]
        }
    }

    /// The CSV text: header, then the rows in the given order.
    public static func render(_ rows: [Row]) -> String {
        ([header] + rows.map(\.fields)).map { $0.map(quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The file's bytes: a UTF-8 byte-order mark, then `render(rows)`.
    public static func bytes(_ rows: [Row]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(render(rows).utf8)
    }

    /// A field, quoted when RFC 4180 §2.6 requires it.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
