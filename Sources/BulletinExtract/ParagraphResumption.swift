/// Rejoins a paragraph that a figure, its caption, a code listing or a footnote cut in two.
///
/// Papers and reports float figures into the text: a sentence runs to the foot of a column, the
/// next column opens with a figure and its caption, and the sentence goes on below them
/// (`… the first recorded trace may be a cycle` / `Figure 6. We handle …` / `through the inner
/// loop …`). Read in order, the paragraph stops mid-sentence and a fragment starts after the
/// caption. A reader of the page skips the figure and reads on; so does this: a paragraph of two
/// lines or more (not a table's row) whose last line is full and ends mid-sentence (a word, a
/// number, a comma or a hyphen, no stop) is held back, with what follows it, until
/// - a paragraph in the same size and face starts in lower case, not indented: the sentence goes
///   on there. The two are joined and handed out first, the held material after them;
/// - or text like the held paragraph's starts otherwise (a line of text, not a label in a figure),
///   the held material passes a page, or it grows past
///   `maximumLinesBetween` lines: everything is handed out in its order, as read.
///
/// Only Western text: a Chinese line has no lower case to show that its sentence goes on.
/// What is held is at most one paragraph and the lines of a figure, so memory stays that of a page.
struct ParagraphResumption {
    /// The paragraph that broke off, and what came after it.
    private var interrupted: TextParagraph?
    private var between: [TextParagraph] = []
    private var linesBetween = 0

    /// Lines of figures, captions and footnotes held before giving up on the paragraph going on.
    static let maximumLinesBetween = 80

    /// Takes the next paragraph in reading order; `endsFull` says whether its last line reaches
    /// the right edge of the text around it. `emit` receives paragraphs in their final order.
    mutating func add(_ paragraph: TextParagraph, endsFull: Bool, hyphens: LineEndHyphens, emit: (TextParagraph) -> Void) {
        guard let held = interrupted else {
            if endsFull, Self.breaksOffMidSentence(paragraph) { interrupted = paragraph } else { emit(paragraph) }
            return
        }
        if Self.goesOn(held, in: paragraph) {
            var joined = ParagraphBuilder.paragraph(held.lines + paragraph.lines, hyphens: hyphens)
            joined.alignment = held.alignment
            joined.indent = held.indent
            joined.ruleBefore = held.ruleBefore
            joined.ruleAfter = paragraph.ruleAfter
            if endsFull, Self.breaksOffMidSentence(joined) {
                // Cut off again (a note mark, then a footnote at the column's foot): held on,
                // the material between both cuts still after it.
                interrupted = joined
            } else {
                emit(joined)
                interrupted = nil
                flushBetween(emit: emit)
            }
            return
        }
        let pastAPage = (paragraph.lines.first?.page ?? 0) > (held.lines.last?.page ?? 0) + 1
        if paragraph.furniture == nil && (Self.isText(like: held, paragraph) || pastAPage) {
            finish(emit: emit)
            add(paragraph, endsFull: endsFull, hyphens: hyphens, emit: emit)
            return
        }
        between.append(paragraph)
        linesBetween += paragraph.lines.count
        if linesBetween > Self.maximumLinesBetween { finish(emit: emit) }
    }

    /// Hands out what is held, in reading order.
    mutating func finish(emit: (TextParagraph) -> Void) {
        if let held = interrupted { emit(held) }
        interrupted = nil
        flushBetween(emit: emit)
    }

    private mutating func flushBetween(emit: (TextParagraph) -> Void) {
        for paragraph in between { emit(paragraph) }
        between = []
        linesBetween = 0
    }

    /// A Western sentence cut off: the last line ends in a letter or digit (Latin, Greek,
    /// Cyrillic), a comma or a hyphen (soft or hard).
    static func breaksOffMidSentence(_ paragraph: TextParagraph) -> Bool {
        guard paragraph.furniture == nil, paragraph.lines.count >= 2, let last = paragraph.lines.last?.last else { return false }
        return CharacterKind(last) == .word || [",", "-", "\u{AD}", "\u{2010}"].contains(last)
    }

    /// Whether `next` is `held`'s sentence going on: same size and face, a lower-case start, neither
    /// indented nor centred (ragged-left text may set it at the right).
    private static func goesOn(_ held: TextParagraph, in next: TextParagraph) -> Bool {
        guard let b = next.lines.first else { return false }
        return sameFace(held, next) && next.alignment != .indented && next.alignment != .centered && b.first.properties.isLowercase
    }

    /// Text set like the held paragraph, and as long as text: two lines or more, or a line at least
    /// half as wide as the held paragraph's last — or any line going on in lower case that is not
    /// the held sentence's (indented, centred). Short lines in the same face (labels inside a
    /// figure, wherever they stand) are not.
    private static func isText(like held: TextParagraph, _ next: TextParagraph) -> Bool {
        guard sameFace(held, next), let a = held.lines.last, let b = next.lines.first else { return false }
        return next.lines.count >= 2 || b.end - b.start >= 0.5 * (a.end - a.start) || b.first.properties.isLowercase
    }

    private static func sameFace(_ held: TextParagraph, _ next: TextParagraph) -> Bool {
        guard let a = held.lines.last, let b = next.lines.first, next.furniture == nil else { return false }
        return abs(a.size - b.size) <= 0.1 * max(a.size, b.size) && a.lastFont == b.firstFont
    }
}
