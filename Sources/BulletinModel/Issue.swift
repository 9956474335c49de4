/// The BulletinModel module: what one bulletin issue (简报) is, independent of how it is laid out.
///
/// Steps it offers:
/// 1. `IssueDecoder.decode(_:file:)` parses issue JSON (with line:column for every value) into an
///    `Issue`, collecting every problem at once as located `Diagnostic`s.
/// 2. `Issue.readingOrderText` lists the issue's text in the order a reader meets it.
/// 3. `IssueSchema.json` is the JSON Schema of the hand-written form.
///
/// All text in the model is clean, normalized Chinese: full-width punctuation, no artifact spaces.

/// One issue of a bulletin: masthead, sections of articles, footer fields and distribution block
/// (bulletin-format.md §1).
public struct Issue: Equatable, Sendable {
    public var masthead: Masthead
    public var sections: [Section]
    public var footer: [FooterField]
    public var distribution: Distribution?

    public init(masthead: Masthead, sections: [Section], footer: [FooterField] = [],
                distribution: Distribution? = nil) {
        self.masthead = masthead
        self.sections = sections
        self.footer = footer
        self.distribution = distribution
    }
}

/// The 报头: title, 期号, 总期号, issuer and date, plus optional extra lines (内部资料, 密级 …).
public struct Masthead: Equatable, Sendable {
    /// e.g. `首都精神文明建设情况简报`.
    public var title: String
    /// The issue number as printed, e.g. `第33期`, `第九期`, `2021年第5期`, `增刊第1期`.
    public var number: String
    /// The running total as printed without brackets, e.g. `总第2142期`; the layout adds （）.
    public var totalNumber: String?
    /// e.g. `首都精神文明办`.
    public var issuer: String
    /// The date as printed, e.g. `2020年7月7日` or `二〇二〇年七月七日`.
    public var date: String
    /// Lines such as `内部资料 注意保存`, printed above the title.
    public var extraLines: [String]

    public init(title: String, number: String, totalNumber: String? = nil, issuer: String,
                date: String, extraLines: [String] = []) {
        self.title = title
        self.number = number
        self.totalNumber = totalNumber
        self.issuer = issuer
        self.date = date
        self.extraLines = extraLines
    }
}

/// A run of articles, optionally under a column head (栏目) such as `文明创建` (printed 【文明创建】).
public struct Section: Equatable, Sendable {
    /// The column name without brackets; nil for an issue without columns.
    public var column: String?
    public var articles: [Article]

    public init(column: String? = nil, articles: [Article]) {
        self.column = column
        self.articles = articles
    }
}

/// One article: optional kicker (引题), headline and subtitle, editor's note (按语), body blocks and
/// the attribution that closes it.
public struct Article: Equatable, Sendable {
    public var kicker: String?
    public var headline: String?
    public var subtitle: String?
    public var editorsNote: Paragraph?
    public var blocks: [Block]
    /// The contributing unit without brackets, e.g. `海淀区文明办`; the layout adds （）.
    public var attribution: String?

    public init(kicker: String? = nil, headline: String? = nil, subtitle: String? = nil,
                editorsNote: Paragraph? = nil, blocks: [Block], attribution: String? = nil) {
        self.kicker = kicker
        self.headline = headline
        self.subtitle = subtitle
        self.editorsNote = editorsNote
        self.blocks = blocks
        self.attribution = attribution
    }
}

/// A body block of an article.
public enum Block: Equatable, Sendable {
    /// A body paragraph (always indented 2 em).
    case paragraph(Paragraph)
    /// A standalone numbered heading such as `一、2020年台账完成情况`.
    case heading(Heading)
    /// A note set apart from the body (注, 附), in the note style.
    case note(Paragraph)
}

/// A paragraph made of inline runs.
public struct Paragraph: Equatable, Sendable {
    public var runs: [Run]

    public init(runs: [Run]) { self.runs = runs }
    public init(_ text: String) { self.runs = [Run(text)] }

    /// The paragraph's text, runs joined.
    public var text: String { runs.map(\.text).joined() }
}

/// A stretch of paragraph text in one role.
public struct Run: Equatable, Sendable {
    /// What a run is; the layout maps each role to a style.
    public enum Role: String, Equatable, Sendable, CaseIterable {
        /// Ordinary body text.
        case text
        /// Emphasised text (bold in the body font).
        case bold
        /// A run-in article title: the first sentence of the article's first paragraph.
        case title
        /// An inline sub-lead (小标题) inside a paragraph, e.g. `带头参与疫情防控。`.
        case lead
    }

    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .text) {
        self.text = text
        self.role = role
    }
}

/// A standalone heading with its label, e.g. label `一、` text `2020年台账完成情况`.
public struct Heading: Equatable, Sendable {
    /// `一、` (level 1), `（一）` (level 2), `1.` (level 3), `（1）` (level 4), or nil.
    public var label: String?
    public var text: String
    /// 1…4; derived from the label when not given.
    public var level: Int

    public init(label: String?, text: String, level: Int? = nil) {
        self.label = label
        self.text = text
        self.level = level ?? Heading.level(ofLabel: label)
    }

    /// The level a label's form implies: `一、`→1, `（一）`→2, `1.`/`1．`→3, `（1）`→4; else 1.
    public static func level(ofLabel label: String?) -> Int {
        guard let label, let first = label.first else { return 1 }
        let chineseDigits = "〇一二三四五六七八九十百"
        if first == "（" || first == "(" {
            let inner = label.dropFirst()
            if let c = inner.first, chineseDigits.contains(c) { return 2 }
            return 4
        }
        if chineseDigits.contains(first) { return 1 }
        if first.isASCII && first.isNumber { return 3 }
        return 1
    }
}

/// One footer field such as 责编：梅雪峰; order is kept as given.
public struct FooterField: Equatable, Sendable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// The 版记 block: 报/送/发 lines, optional print run (共印200份) and extra lines (本期增发…).
public struct Distribution: Equatable, Sendable {
    public var lines: [DistributionLine]
    public var printRun: String?
    public var notes: [String]

    public init(lines: [DistributionLine], printRun: String? = nil, notes: [String] = []) {
        self.lines = lines
        self.printRun = printRun
        self.notes = notes
    }
}

/// One 版记 line: label 报, 送 or 发 (or another short label) and the recipients.
public struct DistributionLine: Equatable, Sendable {
    public var label: String
    public var text: String

    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }
}
