import BulletinModel

/// What a paragraph is in a bulletin, read from how it is set: size, colour, alignment, face and
/// its text's signature (bulletin-format.md §1, §3). Used by markdown (`#`, `##`, `###`) and by the
/// issue recovery. Works on any document: without a masthead, sizes and faces still find titles and
/// headings.
public enum BlockRole: String, Sendable, Equatable {
    /// Lines above the masthead title (内部资料, 密级 …).
    case mastheadExtra
    /// The masthead title: the largest text at the top of page 1, red in a 简报.
    case title
    /// The masthead's number, total, issuer and date lines.
    case mastheadLine
    /// A column head `【…】`.
    case column
    /// A centred line over a headline (引题).
    case kicker
    /// Display type larger than the body, centred: an article's title.
    case headline
    /// A centred line under a headline.
    case subtitle
    /// An editor's note (编者按) before an article's title.
    case editorsNote
    /// A standalone heading (`一、…`, `（一）…`, or a short line in a heading face).
    case heading
    /// A note set apart in the body (注, 附) in another face.
    case note
    /// A body paragraph.
    case paragraph
    /// `（海淀区文明办）` closing an article.
    case attribution
    /// 责编：…, 电话：… above the 版记.
    case footer
    /// 报：…/送：…/发：… lines, notes and the print run of the 版记.
    case distribution
}

/// A paragraph with its role and which of its spans are emphasised.
public struct ClassifiedParagraph: Sendable, Equatable {
    public var paragraph: TextParagraph
    public var role: BlockRole
    /// Per span of `paragraph.spans`: printed bold (bold font, fake or synthetic bold) or in the
    /// heavy 黑体 face inside a lighter body — the layout's bold, title and lead runs.
    public var emphasis: [Bool]
}

/// The rules that give a paragraph its role (bulletin-format.md §1, §3). `ClassifierStream` applies
/// them paragraph by paragraph with a bounded look-ahead; `classify` runs it over a whole extraction.
public enum BlockClassifier {
    /// The extraction's paragraphs, furniture left out, each with its role and emphasis.
    public static func classify(_ extraction: Extraction) -> [ClassifiedParagraph] {
        var result: [ClassifiedParagraph] = []
        var stream = ClassifierStream(profile: extraction.profile)
        let keep: (ClassifierStream.Output) -> Void = { if case .content(let block) = $0 { result.append(block) } }
        for paragraph in extraction.paragraphs { stream.add(paragraph, emit: keep) }
        stream.finish(emit: keep)
        return result
    }

    /// A content paragraph with its emphasis, role not yet read (`.paragraph`). Emphasis: a bold
    /// font, fake or synthetic bold, or the heavy 黑体 face inside a lighter body.
    static func emphasised(_ p: TextParagraph, profile: DocumentProfile, bodyIsHeavy: Bool) -> ClassifiedParagraph {
        let fonts = profile.fonts
        let emphasis = p.spans.map { span in
            span.bold || fonts[span.font].isSyntheticBold || (fonts[span.font].isHeavyFace && !bodyIsHeavy)
        }
        return ClassifiedParagraph(paragraph: p, role: .paragraph, emphasis: emphasis)
    }

    /// The role a paragraph between the masthead and the tail has by its own look: column head,
    /// attribution, headline, kicker (refined by `resolveRun` with its neighbours: kicker, subtitle
    /// or a small headline), editor's note, heading, note or paragraph.
    static func ownRole(_ block: ClassifiedParagraph, profile: DocumentProfile) -> BlockRole {
        let p = block.paragraph
        let fonts = profile.fonts
        let body = profile.bodySize
        let text = BulletinPatterns.trimmed(p.text)
        let allEmphasis = !block.emphasis.isEmpty && block.emphasis.allSatisfy { $0 }
        // Set in a face of its own that is not an emphasis face (楷体 notes and level-2 heads).
        let otherFace = dominantFont(p).map { $0 != profile.bodyFont && !fonts[$0].isHeavyFace && !fonts[$0].isBold } ?? false
        let bodySized = abs(p.size - body) <= 0.1 * body
        if BulletinPatterns.column(text) != nil && p.lines.count == 1 {
            return .column
        } else if let unit = BulletinPatterns.attribution(text),
                  p.alignment == .right || p.alignment == .centered
                    || (p.lines.count == 1 && UnitNames.isLikelyUnit(Array(unit.unicodeScalars))) {
            // Set right (or centred) as the layout puts it, or — typed plainly, at the indent of
            // the body — a one-line unit name in brackets (`（门头沟区文明办）`, not `（试行）`).
            return .attribution
        } else if p.size >= body * 1.15 && (p.alignment == .centered || allEmphasis) {
            return .headline
        } else if bodySized && p.alignment == .centered && p.lines.count <= 2 {
            return .kicker
        } else if text.hasPrefix("编者按") || text.hasPrefix("按语") || text.hasPrefix("编者的话") {
            return .editorsNote
        } else if bodySized, p.lines.count <= 2, !endsSentence(text),
                  BulletinPatterns.headingLabel(text) != nil || allEmphasis || otherFace,
                  p.alignment == .indented || p.alignment == .left {
            return .heading
        } else if otherFace && bodySized {
            return .note
        }
        return .paragraph
    }

    /// Marks the masthead among the document's first content paragraphs (`opening`: at least
    /// `mastheadReach` of them, or all there are) and returns how many it takes: the first large
    /// text near the start of page 1, the lines above it, and the number/issuer/date lines below it
    /// up to the masthead rule.
    static func markMasthead(_ opening: inout [ClassifiedParagraph], bodySize body: Double) -> Int {
        let visual = opening.prefix(6).firstIndex(where: { isTitle($0.paragraph, body: body) })
        guard let t = visual ?? plainTitle(in: opening), opening[t].paragraph.firstPage == 0 else { return 0 }
        for i in 0..<t { opening[i].role = .mastheadExtra }
        opening[t].role = .title
        var i = t + 1
        while i < opening.count, i <= t + 4, !opening[i].paragraph.ruleBefore || i == t + 1,
              isMastheadLine(opening[i].paragraph.text), opening[i].paragraph.size <= body * 1.1 {
            opening[i].role = .mastheadLine
            i += 1
            // In body type nothing sets the masthead apart from the first headline under it: it
            // ends with its date (issuer and date are its last line, or lines).
            if visual == nil, BulletinPatterns.trailingDateStart(BulletinPatterns.trimmed(opening[i - 1].paragraph.text)) != nil {
                break
            }
        }
        return i
    }

    /// How many first content paragraphs `markMasthead` may look at: a title among the first six
    /// and up to four lines under it.
    static let mastheadReach = 11

    /// Centred body-size lines around a headline (`run`: consecutive kickers and headlines by
    /// their own look): before it kickers, after it subtitles. A run of centred lines with no
    /// larger headline: one is the headline; of two, the second is a subtitle when it opens with a
    /// dash (副题 `——…`), else the first is a kicker; of three, kicker, headline, subtitle. The
    /// first of a run is always a kicker or a headline.
    static func resolveRun(_ run: inout [ClassifiedParagraph]) {
        if let headline = run.firstIndex(where: { $0.role == .headline }) {
            for j in run.indices where j != headline && run[j].role == .kicker {
                run[j].role = j < headline ? .kicker : .subtitle
            }
        } else if run.count == 2 {
            let dash = BulletinPatterns.trimmed(run[1].paragraph.text).hasPrefix("—")
            run[0].role = dash ? .headline : .kicker
            run[1].role = dash ? .subtitle : .headline
        } else {
            let headline = run.count >= 3 ? 1 : 0
            for j in run.indices { run[j].role = j < headline ? .kicker : (j == headline ? .headline : .subtitle) }
        }
    }

    /// The masthead title: much larger than body text, or red and larger.
    private static func isTitle(_ p: TextParagraph, body: Double) -> Bool {
        if p.size >= body * 1.4 { return true }
        let red = p.spans.first.map { $0.color.red > 0.6 && $0.color.green < 0.4 && $0.color.blue < 0.4 } ?? false
        return red && p.size > body * 1.05
    }

    /// A masthead set plainly, in body type (a bulletin typed into a word processor and printed
    /// as it is): among the first six paragraphs a short line that is no sentence, straight above
    /// an issue number (`第33期`). Only the text says it is a masthead, so the text must say so
    /// twice: the title line, and the number under it.
    private static func plainTitle(in opening: [ClassifiedParagraph]) -> Int? {
        /// A short line with no sentence or label punctuation (`各街道、乡镇：` is a salutation).
        func isShortPhrase(_ text: String, limit: Int) -> Bool {
            let count = text.unicodeScalars.count
            return count >= 2 && count <= limit
                && !text.unicodeScalars.contains { $0.isSentenceEnd || "，,、：:；;".unicodeScalars.contains($0) }
        }
        for t in 0..<max(0, min(6, opening.count - 1)) {
            let title = BulletinPatterns.trimmed(opening[t].paragraph.text)
            let number = BulletinPatterns.trimmed(opening[t + 1].paragraph.text)
            guard isShortPhrase(title, limit: 30), !BulletinPatterns.hasIssueNumber(title),
                  BulletinPatterns.column(title) == nil, BulletinPatterns.headingLabel(title) == nil,
                  isShortPhrase(number, limit: 24), BulletinPatterns.hasIssueNumber(number) else { continue }
            return t
        }
        return nil
    }

    /// Number, total, issuer or date lines of a masthead.
    private static func isMastheadLine(_ text: String) -> Bool {
        let t = BulletinPatterns.trimmed(text)
        if BulletinPatterns.hasIssueNumber(t) || t.contains("总第") { return true }
        if BulletinPatterns.trailingDateStart(t) != nil { return true }
        // An issuer alone on its line (the date follows on the next): short, no sentence.
        return t.unicodeScalars.count <= 24 && !t.unicodeScalars.contains(where: { $0.isSentenceEnd || $0 == "，" })
            && BulletinPatterns.column(t) == nil && BulletinPatterns.headingLabel(t) == nil
    }

    /// Marks the footer and 版记 at the end of `blocks` (the document's last content paragraphs
    /// after the masthead: at least `tailReach` of them, or all) and returns where they start. The
    /// 版记 runs from the first `报：`/`送：`/`发：` line among the last `tailReach` paragraphs to the
    /// end (its notes and print run included); the footer fields are the labelled lines just above
    /// it.
    static func markTail(_ blocks: inout [ClassifiedParagraph]) -> Int {
        let window = max(0, blocks.count - tailReach)
        let distribution = (window..<blocks.count).first { i in
            BulletinPatterns.labelled(blocks[i].paragraph.text)
                .map { BulletinPatterns.distributionLabels.contains($0.label) } ?? false
        } ?? blocks.count
        var footer = distribution
        while footer > 0, isFooter(blocks[footer - 1].paragraph.text) { footer -= 1 }
        for j in footer..<blocks.count { blocks[j].role = j < distribution ? .footer : .distribution }
        return footer
    }

    /// How many last paragraphs the 版记 is looked for in.
    static let tailReach = 12

    /// A footer field (`责编：…`, `电话：…`) or a row of them.
    static func isFooter(_ text: String) -> Bool {
        if let field = BulletinPatterns.labelled(text), BulletinPatterns.footerLabels.contains(field.label) { return true }
        return footerRow(text)
    }

    /// A row of several footer fields (`责编：… 核稿：…`), each of them `label：value` — text before
    /// the first label would be no field, and an issue's footer holds only fields.
    private static func footerRow(_ text: String) -> Bool {
        let pieces = FooterFields.split(text)
        return pieces.count > 1 && pieces.allSatisfy { BulletinPatterns.labelled($0) != nil }
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last.isSentenceEnd || last == "，" || last == "," || last == "：" || last == ":" || last == "、"
    }

    /// The font with the most characters in the paragraph.
    static func dominantFont(_ p: TextParagraph) -> Int? {
        var counts: [Int: Int] = [:]
        for span in p.spans { counts[span.font, default: 0] += span.text.unicodeScalars.count }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}

/// Footer fields printed several to a row: `责编：梅雪峰　　核稿：田文松　　电话：55569506`.
enum FooterFields {
    /// The row cut before each `label：` that follows whitespace.
    static func split(_ text: String) -> [String] {
        let s = Array(BulletinPatterns.trimmed(text).unicodeScalars)
        var pieces: [String] = []
        var start = 0
        var i = 0
        while i < s.count {
            if BulletinPatterns.isSpace(s[i]) {
                var j = i
                while j < s.count && BulletinPatterns.isSpace(s[j]) { j += 1 }
                if j < s.count, BulletinPatterns.labelColon(s[j...]) != nil {
                    pieces.append(BulletinPatterns.trimmed(BulletinPatterns.string(s[start..<i])))
                    start = j
                }
                i = j
            } else {
                i += 1
            }
        }
        pieces.append(BulletinPatterns.trimmed(BulletinPatterns.string(s[start...])))
        return pieces.filter { !$0.isEmpty }
    }
}
