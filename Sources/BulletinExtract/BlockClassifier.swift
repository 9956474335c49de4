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

public enum BlockClassifier {
    public static func classify(_ extraction: Extraction) -> [ClassifiedParagraph] {
        let paragraphs = extraction.paragraphs.filter { $0.furniture == nil }
        guard !paragraphs.isEmpty else { return [] }
        let fonts = extraction.fonts
        let body = extraction.bodySize
        let bodyFont = dominantBodyFont(paragraphs, bodySize: body)
        let bodyIsHeavy = bodyFont.map { fonts[$0].isHeavyFace } ?? false

        var result = paragraphs.map { p -> ClassifiedParagraph in
            let emphasis = p.spans.map { span in
                span.bold || fonts[span.font].isSyntheticBold || (fonts[span.font].isHeavyFace && !bodyIsHeavy)
            }
            return ClassifiedParagraph(paragraph: p, role: .paragraph, emphasis: emphasis)
        }

        // The masthead: the first large text near the start of page 1, the lines above it, and the
        // number/issuer/date lines below it up to the masthead rule.
        var start = 0
        if let t = result.prefix(6).firstIndex(where: { isTitle($0.paragraph, body: body) }), result[t].paragraph.firstPage == 0 {
            for i in 0..<t { result[i].role = .mastheadExtra }
            result[t].role = .title
            var i = t + 1
            while i < result.count, i <= t + 4, !result[i].paragraph.ruleBefore || i == t + 1,
                  isMastheadLine(result[i].paragraph.text), result[i].paragraph.size <= body * 1.1 {
                result[i].role = .mastheadLine
                i += 1
            }
            start = i
        }

        // The tail: footer fields and 版记 lines at the end.
        let tailStart = tail(&result, from: start)

        for i in start..<tailStart {
            let p = result[i].paragraph
            let text = BulletinPatterns.trimmed(p.text)
            let allEmphasis = !result[i].emphasis.isEmpty && result[i].emphasis.allSatisfy { $0 }
            // Set in a face of its own that is not an emphasis face (楷体 notes and level-2 heads).
            let otherFace = dominantFont(p).map { $0 != bodyFont && !fonts[$0].isHeavyFace && !fonts[$0].isBold } ?? false
            let bodySized = abs(p.size - body) <= 0.1 * body
            if BulletinPatterns.column(text) != nil && p.lines.count == 1 {
                result[i].role = .column
            } else if BulletinPatterns.attribution(text) != nil && (p.alignment == .right || p.alignment == .centered) {
                result[i].role = .attribution
            } else if p.size >= body * 1.15 && (p.alignment == .centered || allEmphasis) {
                result[i].role = .headline
            } else if bodySized && p.alignment == .centered && p.lines.count <= 2 {
                result[i].role = .kicker  // refined below: kicker, subtitle or a small headline
            } else if text.hasPrefix("编者按") || text.hasPrefix("按语") || text.hasPrefix("编者的话") {
                result[i].role = .editorsNote
            } else if bodySized, p.lines.count <= 2, !endsSentence(text),
                      BulletinPatterns.headingLabel(text) != nil || allEmphasis || otherFace,
                      p.alignment == .indented || p.alignment == .left {
                result[i].role = .heading
            } else if otherFace && bodySized {
                result[i].role = .note
            }
        }
        // Centred body-size lines around a headline: before it kickers, after it subtitles. A run
        // of centred lines with no larger headline: one is the headline; of two, the second is a
        // subtitle when it opens with a dash (副题 `——…`), else the first is a kicker; of three,
        // kicker, headline, subtitle.
        var i = start
        while i < tailStart {
            guard result[i].role == .kicker || result[i].role == .headline else { i += 1; continue }
            var end = i
            while end < tailStart && (result[end].role == .kicker || result[end].role == .headline) { end += 1 }
            let run = Array(i..<end)
            if let headline = run.first(where: { result[$0].role == .headline }) {
                for j in run where j != headline {
                    if result[j].role == .kicker { result[j].role = j < headline ? .kicker : .subtitle }
                }
            } else if run.count == 2 {
                let dash = BulletinPatterns.trimmed(result[run[1]].paragraph.text).hasPrefix("—")
                result[run[0]].role = dash ? .headline : .kicker
                result[run[1]].role = dash ? .subtitle : .headline
            } else {
                let headline = run.count >= 3 ? run[1] : run[0]
                for j in run { result[j].role = j < headline ? .kicker : (j == headline ? .headline : .subtitle) }
            }
            i = end
        }
        // A note in another face right before an article's title is its editor's note.
        for i in start..<tailStart where result[i].role == .note {
            if i + 1 < tailStart, [.kicker, .headline].contains(result[i + 1].role) { result[i].role = .editorsNote }
        }
        return result
    }

    /// The masthead title: much larger than body text, or red and larger.
    private static func isTitle(_ p: TextParagraph, body: Double) -> Bool {
        if p.size >= body * 1.4 { return true }
        let red = p.spans.first.map { $0.color.red > 0.6 && $0.color.green < 0.4 && $0.color.blue < 0.4 } ?? false
        return red && p.size > body * 1.05
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

    /// Marks the footer and 版记 at the end; returns where they start. The 版记 runs from the first
    /// `报：`/`送：`/`发：` line among the last paragraphs to the end (its notes and print run
    /// included); the footer fields are the labelled lines just above it.
    private static func tail(_ result: inout [ClassifiedParagraph], from start: Int) -> Int {
        func isFooter(_ text: String) -> Bool {
            if let field = BulletinPatterns.labelled(text), BulletinPatterns.footerLabels.contains(field.label) { return true }
            return footerRow(text)
        }
        let window = max(start, result.count - 12)
        let distribution = (window..<result.count).first { i in
            BulletinPatterns.labelled(result[i].paragraph.text)
                .map { BulletinPatterns.distributionLabels.contains($0.label) } ?? false
        } ?? result.count
        var footer = distribution
        while footer > start, isFooter(result[footer - 1].paragraph.text) { footer -= 1 }
        for j in footer..<result.count { result[j].role = j < distribution ? .footer : .distribution }
        return footer
    }

    /// A row of several footer fields (`责编：… 核稿：…`).
    private static func footerRow(_ text: String) -> Bool {
        FooterFields.split(text).count > 1
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

    /// The body text's font: the most common font of body-size multi-line paragraphs.
    private static func dominantBodyFont(_ paragraphs: [TextParagraph], bodySize: Double) -> Int? {
        var counts: [Int: Int] = [:]
        for p in paragraphs where abs(p.size - bodySize) <= 0.1 * bodySize && p.lines.count >= 2 {
            for span in p.spans { counts[span.font, default: 0] += span.text.unicodeScalars.count }
        }
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
                let rest = BulletinPatterns.string(s[j...])
                if j < s.count, BulletinPatterns.labelled(rest) != nil {
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
