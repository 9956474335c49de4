import BulletinModel

/// Reads a layout file (`Layouts/*.json`) into a `LayoutSpec`, reporting every problem at once,
/// located (`file:line:column`, JSON path) like the issue decoder: unknown keys are errors, so a
/// typo in an office's own layout never vanishes silently.
public enum LayoutSpecDecoder {
    public static func decode(_ data: [UInt8], file: String) throws(DiagnosticsError) -> LayoutSpec {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, file: file, line: error.location.line,
                                               column: error.location.column, path: error.path, message: error.message)])
        }
        var reader = JSONReader(file: file)
        let spec = reader.layoutSpec(root)
        let diagnostics = reader.sortedDiagnostics()
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
        return spec
    }

    static let rootKeys = ObjectKeys(["$schema", "name", "description", "page", "grid", "fontRoles", "typography",
                                      "styles", "rules", "pageNumber"],
                                     required: ["name", "page", "fontRoles", "styles", "rules", "pageNumber"])
    static let pageKeys = ObjectKeys(["width", "height", "top", "left", "typeAreaWidth", "typeAreaHeight"])
    static let gridKeys = ObjectKeys(["charactersPerLine", "linesPerPage"])
    static let typographyKeys = ObjectKeys(["hanLatinSpacing", "kinsoku", "punctuation"], required: [])
    static let styleKeys = ObjectKeys(["font", "size", "color", "leading", "indent", "hangingIndent", "inset", "align",
                                       "spaceBefore", "spaceAfter", "syntheticBold"], required: ["font", "size", "leading"])
    static let inlineKeys = ObjectKeys(["font", "color", "syntheticBold"], required: ["font"])
    static let blockStyleNames = ["mastheadExtra", "mastheadTitle", "mastheadNumber", "mastheadIssuer", "column",
                                  "kicker", "headline", "subtitle", "editorsNote", "body", "note", "attribution",
                                  "footer", "distribution"]
    static let inlineStyleNames = ["bold", "title", "lead"]
    static let stylesKeys = ObjectKeys(blockStyleNames + ["heading"] + inlineStyleNames)
    static let rulesKeys = ObjectKeys(["mastheadThickness", "mastheadColor", "mastheadGap", "mastheadLines",
                                       "imprintOuter", "imprintInner"])
    static let pageNumberKeys = ObjectKeys(["font", "size", "color", "below", "format", "alternate", "inset"],
                                           required: ["font", "size", "below", "format"])
}

extension JSONReader {
    mutating func layoutSpec(_ value: JSONValue) -> LayoutSpec {
        let root = object(value, path: "", expected: "an object (the layout)", keys: LayoutSpecDecoder.rootKeys)
        let page = root["page"].map { self.page($0) }
            ?? PageGeometry(width: 210, height: 297, top: 37, left: 28, typeAreaWidth: 156, typeAreaHeight: 225)
        var grid: CharacterGrid?
        if let field = root["grid"], !field.value.isNull {
            let g = object(field.value, path: field.path, expected: "an object (the character grid) or null",
                           keys: LayoutSpecDecoder.gridKeys)
            grid = CharacterGrid(charactersPerLine: integer(g["charactersPerLine"], in: 1...200) ?? 28,
                                 linesPerPage: integer(g["linesPerPage"], in: 1...200) ?? 22)
        }
        var roles: [String: [String]] = [:]
        if let field = root["fontRoles"] {
            if let members = field.value.objectMembers {
                note(field.value, path: field.path)
                for member in members {
                    let memberField = Field(value: member.value, path: "\(field.path).\(member.key)")
                    roles[member.key] = items(memberField, expected: "a non-empty array of font file names",
                                              nonEmpty: true).compactMap { text($0) }
                }
            } else {
                error("expected an object mapping font roles to font file lists, found \(field.value.kindDescription)",
                      at: field.value.location, path: field.path)
            }
        }
        var typography = TypographySettings()
        if let field = root["typography"] {
            let t = object(field.value, path: field.path, expected: "an object (typography settings)",
                           keys: LayoutSpecDecoder.typographyKeys)
            typography.hanLatinSpacing = number(t["hanLatinSpacing"], in: 0...1) ?? typography.hanLatinSpacing
            typography.kinsoku = choice(t["kinsoku"], among: ["basic", "gb", "strict"]) ?? typography.kinsoku
            typography.punctuation = choice(t["punctuation"], among: ["quanjiao", "kaiming", "banjiao", "none"])
                ?? typography.punctuation
        }
        let styles = root["styles"].map { self.styles($0, roles: roles) } ?? ElementStyles.placeholder
        let rules = root["rules"].map { self.rules($0) } ?? RuleStyles(mastheadThickness: 2, mastheadColor: .black,
                                                                       mastheadGap: 4, mastheadLines: 7,
                                                                       imprintOuter: 0.35, imprintInner: 0.25)
        var pageNumber = PageNumberStyle(font: "song", size: 14, below: 7, format: "— {n} —", alternate: true, inset: 1)
        if let field = root["pageNumber"] {
            let p = object(field.value, path: field.path, expected: "an object (page number style)",
                           keys: LayoutSpecDecoder.pageNumberKeys)
            pageNumber = PageNumberStyle(font: role(p["font"], roles: roles) ?? "song",
                                         size: number(p["size"], in: 1...200) ?? 14,
                                         color: color(p["color"]) ?? .black,
                                         below: number(p["below"], in: 0...100) ?? 7,
                                         format: text(p["format"]) ?? "— {n} —",
                                         alternate: flag(p["alternate"]) ?? true,
                                         inset: number(p["inset"], in: 0...10) ?? 1)
        }
        return LayoutSpec(name: text(root["name"]) ?? "", page: page, grid: grid, fontRoles: roles,
                          typography: typography, styles: styles, rules: rules, pageNumber: pageNumber)
    }

    private mutating func page(_ field: Field) -> PageGeometry {
        let p = object(field.value, path: field.path, expected: "an object (page geometry in mm)",
                       keys: LayoutSpecDecoder.pageKeys)
        let geometry = PageGeometry(width: number(p["width"], in: 10...2000) ?? 210,
                                    height: number(p["height"], in: 10...2000) ?? 297,
                                    top: number(p["top"], in: 0...1000) ?? 37, left: number(p["left"], in: 0...1000) ?? 28,
                                    typeAreaWidth: number(p["typeAreaWidth"], in: 10...2000) ?? 156,
                                    typeAreaHeight: number(p["typeAreaHeight"], in: 10...2000) ?? 225)
        if geometry.left + geometry.typeAreaWidth > geometry.width + 0.001
            || geometry.top + geometry.typeAreaHeight > geometry.height + 0.001 {
            error("the type area does not fit on the page", at: field.value.location, path: field.path,
                  hint: "left + typeAreaWidth must be ≤ width and top + typeAreaHeight ≤ height")
        }
        return geometry
    }

    private mutating func styles(_ field: Field, roles: [String: [String]]) -> ElementStyles {
        let s = object(field.value, path: field.path, expected: "an object (one style per element)",
                       keys: LayoutSpecDecoder.stylesKeys)
        var block: [String: BlockStyle] = [:]
        for name in LayoutSpecDecoder.blockStyleNames {
            block[name] = s[name].map { blockStyle($0, roles: roles) } ?? BlockStyle.placeholder
        }
        var headings: [BlockStyle] = []
        if let headingField = s["heading"] {
            headings = items(headingField, expected: "an array of 1 to 4 heading styles (levels 1…4)", nonEmpty: true)
                .prefix(4).map { blockStyle($0, roles: roles) }
        }
        var inline: [String: InlineStyle] = [:]
        for name in LayoutSpecDecoder.inlineStyleNames {
            guard let f = s[name] else { continue }
            let o = object(f.value, path: f.path, expected: "an object (inline style)", keys: LayoutSpecDecoder.inlineKeys)
            inline[name] = InlineStyle(font: role(o["font"], roles: roles) ?? "", color: color(o["color"]),
                                       syntheticBold: flag(o["syntheticBold"]) ?? false)
        }
        let placeholder = InlineStyle(font: "")
        return ElementStyles(mastheadExtra: block["mastheadExtra"]!, mastheadTitle: block["mastheadTitle"]!,
                             mastheadNumber: block["mastheadNumber"]!, mastheadIssuer: block["mastheadIssuer"]!,
                             column: block["column"]!, kicker: block["kicker"]!, headline: block["headline"]!,
                             subtitle: block["subtitle"]!, editorsNote: block["editorsNote"]!, body: block["body"]!,
                             heading: headings.isEmpty ? [BlockStyle.placeholder] : headings, note: block["note"]!,
                             attribution: block["attribution"]!, footer: block["footer"]!,
                             distribution: block["distribution"]!, bold: inline["bold"] ?? placeholder,
                             title: inline["title"] ?? placeholder, lead: inline["lead"] ?? placeholder)
    }

    private mutating func blockStyle(_ field: Field, roles: [String: [String]]) -> BlockStyle {
        let o = object(field.value, path: field.path, expected: "an object (a block style)", keys: LayoutSpecDecoder.styleKeys)
        var style = BlockStyle(font: role(o["font"], roles: roles) ?? "", size: number(o["size"], in: 1...200) ?? 16,
                               leading: number(o["leading"], in: 1...400) ?? 28)
        style.color = color(o["color"]) ?? .black
        style.indent = number(o["indent"], in: 0...20) ?? 0
        style.hangingIndent = number(o["hangingIndent"], in: 0...20) ?? 0
        style.inset = number(o["inset"], in: 0...20) ?? 0
        style.align = choice(o["align"], among: Alignment.allCases.map(\.rawValue)).flatMap(Alignment.init) ?? .left
        style.spaceBefore = number(o["spaceBefore"], in: 0...500) ?? 0
        style.spaceAfter = number(o["spaceAfter"], in: 0...500) ?? 0
        style.syntheticBold = flag(o["syntheticBold"]) ?? false
        return style
    }

    private mutating func rules(_ field: Field) -> RuleStyles {
        let r = object(field.value, path: field.path, expected: "an object (rules)", keys: LayoutSpecDecoder.rulesKeys)
        return RuleStyles(mastheadThickness: number(r["mastheadThickness"], in: 0...20) ?? 2,
                          mastheadColor: color(r["mastheadColor"]) ?? .black,
                          mastheadGap: number(r["mastheadGap"], in: 0...100) ?? 4,
                          mastheadLines: integer(r["mastheadLines"], in: 0...100) ?? 7,
                          imprintOuter: number(r["imprintOuter"], in: 0...5) ?? 0.35,
                          imprintInner: number(r["imprintInner"], in: 0...5) ?? 0.25)
    }

    /// A font role name that `fontRoles` defines.
    private mutating func role(_ field: Field?, roles: [String: [String]]) -> String? {
        guard let field, let name = text(field) else { return nil }
        if roles[name] == nil && !roles.isEmpty {
            error("unknown font role \"\(name)\"", at: field.value.location, path: field.path,
                  hint: "fontRoles defines " + roles.keys.sorted().joined(separator: ", "))
        }
        return name
    }

    private mutating func color(_ field: Field?) -> RGBColor? {
        guard let field, let hex = text(field) else { return nil }
        guard let color = RGBColor(hex: hex) else {
            error("expected a colour as \"#RRGGBB\", found \"\(hex)\"", at: field.value.location, path: field.path)
            return nil
        }
        return color
    }
}

extension BlockStyle {
    /// Stands in for a style that failed to decode; never used because decoding then fails.
    static let placeholder = BlockStyle(font: "", size: 16, leading: 28)
}

extension ElementStyles {
    static let placeholder = ElementStyles(
        mastheadExtra: .placeholder, mastheadTitle: .placeholder, mastheadNumber: .placeholder,
        mastheadIssuer: .placeholder, column: .placeholder, kicker: .placeholder, headline: .placeholder,
        subtitle: .placeholder, editorsNote: .placeholder, body: .placeholder, heading: [.placeholder],
        note: .placeholder, attribution: .placeholder, footer: .placeholder, distribution: .placeholder,
        bold: InlineStyle(font: ""), title: InlineStyle(font: ""), lead: InlineStyle(font: ""))
}
