import BulletinLayout
import BulletinModel

/// What the manifest keeps of an issue for catalogues (`--index`), so a re-run that skips every
/// issue can still list them without reading them again.
public struct IssueSummary: Codable, Equatable, Sendable {
    /// The bulletin's title, e.g. `首都精神文明建设情况简报`.
    public var title: String
    /// As printed: `第33期`.
    public var number: String
    /// As printed without brackets: `总第2142期`.
    public var totalNumber: String?
    /// As printed: `2020年7月7日`.
    public var date: String
    /// `2020-07-07` when the printed date can be read.
    public var isoDate: String?
    /// Article titles in reading order, as the outline names them: headline, else run-in title,
    /// else kicker, else the first 24 characters.
    public var articles: [String]

    public init(title: String, number: String, totalNumber: String?, date: String, isoDate: String?,
                articles: [String]) {
        self.title = title
        self.number = number
        self.totalNumber = totalNumber
        self.date = date
        self.isoDate = isoDate
        self.articles = articles
    }

    /// The summary of an issue model.
    public init(_ issue: Issue) {
        let m = issue.masthead
        self.init(title: m.title, number: m.number, totalNumber: m.totalNumber, date: m.date,
                  isoDate: IssueDate(parsing: m.date)?.iso,
                  articles: issue.sections.flatMap(\.articles).compactMap { article in
                      article.headline ?? article.runInTitle ?? article.kicker
                          ?? article.blocks.first.map { String($0.plainText.prefix(24)) }
                  })
    }
}

/// The manifest's statement that an output is complete and what it was made from. A claim is
/// written only after every file it names was renamed into place, so it is never false about a
/// finished file; a claim whose digests no longer match (input, settings) or whose PDF is gone or
/// of another size is simply not honoured.
public struct ManifestClaim: Codable, Equatable, Sendable {
    /// The input's path relative to its archive root.
    public var input: String
    /// SHA-256 of the input's bytes.
    public var inputSHA256: String
    /// `SettingsFingerprint.digest` of the run that built it.
    public var settings: String
    /// Size of the PDF in bytes.
    public var pdfBytes: Int
    public var pages: Int
    /// Page images written beside the PDF, relative to the output directory.
    public var images: [String]
    public var issue: IssueSummary
    /// Fonts outside the layout that the issue was drawn with — found through fontconfig for
    /// characters the layout's fonts lack — by path, with their SHA-256 (empty string: could not be
    /// read). They belong to the machine, so the claim holds only while each is unchanged.
    /// Absent in manifests of earlier versions (then: none).
    public var fallbackFonts: [String: String]?

    public init(input: String, inputSHA256: String, settings: String, pdfBytes: Int, pages: Int,
                images: [String], issue: IssueSummary, fallbackFonts: [String: String]? = nil) {
        self.input = input
        self.inputSHA256 = inputSHA256
        self.settings = settings
        self.pdfBytes = pdfBytes
        self.pages = pages
        self.images = images
        self.issue = issue
        self.fallbackFonts = fallbackFonts
    }
}

/// One line of a manifest: a claim about an output, or its retraction (`claim` absent) written
/// just before the output is replaced, so that a crash mid-replacement leaves no stale claim.
struct ManifestRecord: Codable, Equatable, Sendable {
    /// The output PDF's path relative to the output directory.
    var output: String
    /// Seconds since 1970 when written; of several records for one output the latest holds.
    var recorded: Double
    var claim: ManifestClaim?
}

/// The first line of every manifest file.
struct ManifestHeader: Codable, Equatable {
    var format: String
    var version: Int

    static let current = ManifestHeader(format: "bulletin-pdf manifest", version: BulletinBatch.formatVersion)
}
