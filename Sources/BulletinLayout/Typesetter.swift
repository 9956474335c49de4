import BulletinFonts
import BulletinModel

/// The BulletinLayout module: an `Issue` and a `LayoutSpec` become a `DisplayList`.
///
/// Steps, in the order `Typesetter.layout` calls them:
/// 1. collect — the model in reading order becomes flow blocks, each element in its style
///    (`Collect.swift`); the masthead and the 版记 are built apart (`Masthead.swift`, `Imprint.swift`);
/// 2. prepare — text is itemized by class and font, shaped by HarfBuzz and cut into units
///    (`Prepare.swift`);
/// 3. break and finalize — units become boxes, glue and penalties, the Knuth–Plass breaker picks the
///    lines, which are justified into glyph runs (`Compose.swift`, `Breaking/`);
/// 4. paginate — blocks are placed on pages under the keep rules, page numbers added
///    (`Paginate.swift`).
public struct Typesetter: Sendable {
    public let spec: LayoutSpec
    let catalog: FontCatalog
    let chains: [String: FontChain]
    let kinsoku: KinsokuStyle
    let punctuation: PunctuationStyle

    /// Resolves every font role of the layout; a missing or unreadable font file is an error here,
    /// before any page is set.
    public init(spec: LayoutSpec, fonts catalog: FontCatalog) throws(LayoutError) {
        self.spec = spec
        self.catalog = catalog
        var chains: [String: FontChain] = [:]
        for (role, files) in spec.fontRoles.sorted(by: { $0.key < $1.key }) {
            var faces: [FontFace] = []
            for file in files {
                do {
                    faces.append(try catalog.face(named: file))
                } catch {
                    throw .font(role: role, error)
                }
            }
            guard !faces.isEmpty else { throw .emptyFontRole(role) }
            chains[role] = FontChain(faces: faces, catalog: catalog)
        }
        self.chains = chains
        for role in spec.usedFontRoles where chains[role] == nil {
            throw .unknownFontRole(role)
        }
        kinsoku = KinsokuStyle(rawValue: spec.typography.kinsoku) ?? .gb
        punctuation = PunctuationStyle(rawValue: spec.typography.punctuation) ?? .quanjiao
    }

    func chain(_ role: String) -> FontChain { chains[role]! }

    var typeAreaWidth: Double { mm(spec.page.typeAreaWidth) }
    var typeAreaHeight: Double { mm(spec.page.typeAreaHeight) }
    /// Grid cell: type area width / characters per line (156 mm / 28 = 15.79 pt).
    var gridCell: Double? { spec.grid.map { typeAreaWidth / Double($0.charactersPerLine) } }
    /// Grid line pitch: type area height / lines per page (225 mm / 22 ≈ 28.99 pt).
    var gridPitch: Double? { spec.grid.map { typeAreaHeight / Double($0.linesPerPage) } }

    /// Lays out one issue. `creationDate` (ISO 8601) overrides the date taken from the masthead.
    public func layout(_ issue: Issue, creationDate: String? = nil) -> Warned<DisplayList> {
        var context = CompositionContext(typesetter: self)
        let masthead = buildMasthead(issue.masthead, context: &context)
        let blocks = collectBlocks(issue, context: &context)
        let imprint = buildImprint(issue, context: &context)
        var paginator = Paginator(typesetter: self)
        paginator.place(masthead: masthead, blocks: blocks, imprint: imprint)
        let pageNumbers = paginator.addPageNumbers(context: &context)
        _ = pageNumbers
        let metadata = documentMetadata(issue, creationDate: creationDate)
        let list = DisplayList(pages: paginator.pages, fonts: context.fonts, metadata: metadata,
                               outline: paginator.outline, lineRecords: paginator.records)
        return Warned(list, warnings: context.warnings)
    }

    func documentMetadata(_ issue: Issue, creationDate: String?) -> DocumentMetadata {
        let m = issue.masthead
        let titles = issue.sections.flatMap(\.articles).compactMap { $0.headline ?? $0.runInTitle }
        let date = creationDate ?? IssueDate(parsing: m.date).map { "\($0.iso)T00:00:00Z" } ?? "2000-01-01T00:00:00Z"
        return DocumentMetadata(title: "\(m.title) \(m.number)", author: m.issuer,
                                subject: titles.joined(separator: "；"),
                                keywords: issue.sections.compactMap(\.column).joined(separator: "，"),
                                creator: "bulletin-pdf", creationDate: date)
    }
}

/// Failures that stop a layout before it starts.
public enum LayoutError: Error, Equatable, Sendable, CustomStringConvertible {
    case font(role: String, FontError)
    case emptyFontRole(String)
    case unknownFontRole(String)

    public var description: String {
        switch self {
        case .font(let role, let error): return "font role “\(role)”: \(error)"
        case .emptyFontRole(let role): return "font role “\(role)” lists no font"
        case .unknownFontRole(let role): return "a style uses font role “\(role)”, which fontRoles does not define"
        }
    }
}

extension LayoutSpec {
    /// Every font role a style refers to.
    var usedFontRoles: Set<String> {
        let s = styles
        var roles: Set<String> = [pageNumber.font, s.bold.font, s.title.font, s.lead.font]
        for style in [s.mastheadExtra, s.mastheadTitle, s.mastheadNumber, s.mastheadIssuer, s.column, s.kicker,
                      s.headline, s.subtitle, s.editorsNote, s.body, s.note, s.attribution, s.footer,
                      s.distribution] + s.heading {
            roles.insert(style.font)
        }
        return roles
    }
}
