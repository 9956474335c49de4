import BulletinFonts
import BulletinModel

/// Everything composing one issue needs: resolved styles, the preparer and composer, and the
/// display list's font table being filled. Collects warnings as it goes.
struct CompositionContext {
    let typesetter: Typesetter
    var preparer: Preparer
    var fonts: [FontFace] = []
    var fontIndices: [ObjectIdentifier: Int] = [:]

    init(typesetter: Typesetter) {
        self.typesetter = typesetter
        preparer = Preparer(grid: typesetter.spec.grid, gridCell: typesetter.gridCell,
                            punctuation: typesetter.punctuation)
        preparer.bodySize = typesetter.spec.styles.body.size
    }

    var warnings: [Diagnostic] { preparer.warnings }

    mutating func fontIndex(_ face: FontFace) -> Int {
        let key = ObjectIdentifier(face)
        if let index = fontIndices[key] { return index }
        fonts.append(face)
        fontIndices[key] = fonts.count - 1
        return fonts.count - 1
    }

    func resolve(_ style: BlockStyle) -> ResolvedStyle {
        ResolvedStyle(chain: typesetter.chain(style.font), size: style.size, color: style.color)
    }

    func resolve(_ inline: InlineStyle, in block: BlockStyle) -> ResolvedStyle {
        ResolvedStyle(chain: typesetter.chain(inline.font), size: block.size, color: inline.color ?? block.color)
    }

    /// The line geometry of a style: width of the measure and where the baseline sits.
    func shape(_ style: BlockStyle, width: Double? = nil) -> ParagraphShape {
        let measure = (width ?? typesetter.typeAreaWidth) - 2 * style.inset * style.size
        // The ideographic em box sits centred in the line; its top is 0.88 em above the baseline
        // in Chinese fonts (Adobe-GB1 ideographic box: 880/−120).
        let baseline = (style.leading - style.size) / 2 + 0.88 * style.size
        let cell = (typesetter.gridCell != nil && abs(style.size - typesetter.spec.styles.body.size) < 0.01)
            ? typesetter.gridCell! : style.size
        return ParagraphShape(width: measure, firstIndent: style.indent * cell,
                              hangingIndent: style.hangingIndent * cell, align: style.align,
                              lineHeight: style.leading, baseline: baseline)
    }

    /// Composes spans into lines in a style's shape.
    mutating func lines(_ spans: [StyledSpan], style: BlockStyle, width: Double? = nil) -> [ComposedLine] {
        let units = preparer.units(of: spans)
        var table = (fonts, fontIndices)
        let composer = Composer(kinsoku: typesetter.kinsoku, punctuation: typesetter.punctuation,
                                hanLatinSpacing: typesetter.spec.typography.hanLatinSpacing,
                                fontIndex: { face in
                                    let key = ObjectIdentifier(face)
                                    if let i = table.1[key] { return i }
                                    table.0.append(face)
                                    table.1[key] = table.0.count - 1
                                    return table.0.count - 1
                                })
        let result = composer.compose(units, shape: shape(style, width: width))
        fonts = table.0
        fontIndices = table.1
        return result
    }

    /// A block of one plain string.
    mutating func block(_ kind: FlowKind, text: String, style: BlockStyle, path: String, keepWithNext: Bool,
                        outline: (String, Int)?) -> FlowBlock {
        let lines = self.lines([StyledSpan(text: text, style: resolve(style), path: path)], style: style)
        return FlowBlock(kind: kind, lines: lines, spaceBefore: style.spaceBefore, spaceAfter: style.spaceAfter,
                         keepWithNext: keepWithNext, keepWithPrevious: false, splittable: false, path: path,
                         outline: outline)
    }

    /// A paragraph of styled runs.
    mutating func paragraph(_ kind: FlowKind, _ paragraph: Paragraph, style: BlockStyle, path: String,
                            outline: (String, Int)?) -> FlowBlock {
        let styles = typesetter.spec.styles
        let spans = paragraph.runs.map { run -> StyledSpan in
            let resolved: ResolvedStyle
            switch run.role {
            case .text: resolved = resolve(style)
            case .bold: resolved = resolve(styles.bold, in: style)
            case .title: resolved = resolve(styles.title, in: style)
            case .lead: resolved = resolve(styles.lead, in: style)
            }
            return StyledSpan(text: run.text, style: resolved, path: path)
        }
        let lines = self.lines(spans, style: style)
        return FlowBlock(kind: kind, lines: lines, spaceBefore: style.spaceBefore, spaceAfter: style.spaceAfter,
                         keepWithNext: false, keepWithPrevious: false, splittable: true, path: path,
                         outline: outline)
    }
}
