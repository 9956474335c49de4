import BulletinFonts
import BulletinModel
import Foundation

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
        ResolvedStyle(chain: typesetter.chain(style.font), size: style.size, color: style.color,
                      syntheticBold: style.syntheticBold)
    }

    func resolve(_ inline: InlineStyle, in block: BlockStyle) -> ResolvedStyle {
        ResolvedStyle(chain: typesetter.chain(inline.font), size: block.size, color: inline.color ?? block.color,
                      syntheticBold: inline.syntheticBold)
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
        let paragraphShape = shape(style, width: width)
        let units = preparer.splittingOverlongWords(preparer.units(of: spans),
                                                    measure: paragraphShape.width - paragraphShape.hangingIndent,
                                                    path: spans.first?.path ?? "")
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
        let result = composer.compose(units, shape: paragraphShape)
        fonts = table.0
        fontIndices = table.1
        return result
    }

    /// A block of one plain string.
    mutating func block(_ kind: FlowKind, text: String, style: BlockStyle, path: String, keepWithNext: Bool,
                        outline: (String, Int)?) -> FlowBlock {
        var lines = self.lines([StyledSpan(text: text, style: resolve(style), path: path)], style: style)
        if lines.count == 2 && style.align == .center {
            lines = balancedTwoLines(text, style: style, path: path) ?? lines
        }
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

    /// A centred title that needs two lines is broken where a reader pauses — after a closing
    /// bracket or quote (`》` `”` `）`), or at a space — choosing among those the most even split;
    /// without such a place, at the most even split Han–Han break. Never mid-word.
    private mutating func balancedTwoLines(_ text: String, style: BlockStyle, path: String) -> [ComposedLine]? {
        let characters = Array(text)
        let pauses = "》”’）」』】"
        var natural: [Int] = [], other: [Int] = []
        for i in 1..<characters.count {
            let before = characters[i - 1], after = characters[i]
            guard let a = before.unicodeScalars.first, let b = after.unicodeScalars.first,
                  Kinsoku.isBreakAllowed(between: a, and: b, style: typesetter.kinsoku) else { continue }
            if pauses.contains(before) || before == " " { natural.append(i) } else { other.append(i) }
        }
        func attempt(_ candidates: [Int]) -> [ComposedLine]? {
            var best: (lines: [ComposedLine], longest: Double)?
            for split in candidates {
                let head = String(characters[..<split]).trimmingCharacters(in: .whitespaces)
                let tail = String(characters[split...]).trimmingCharacters(in: .whitespaces)
                let first = lines([StyledSpan(text: head, style: resolve(style), path: path)], style: style)
                let second = lines([StyledSpan(text: tail, style: resolve(style), path: path)], style: style)
                guard first.count == 1, second.count == 1 else { continue }
                let longest = max(first[0].usedWidth, second[0].usedWidth)
                if best == nil || longest < best!.longest { best = (first + second, longest) }
            }
            return best?.lines
        }
        return attempt(natural) ?? attempt(other)
    }
}
