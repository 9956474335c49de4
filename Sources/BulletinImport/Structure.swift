import BulletinModel

/// Step 5 — structure (bulletin-format.md §1): masthead → body (columns, articles) → footer and
/// 版记, then two inferences over the whole body, then the model.
///
/// Until the model is assembled, text stays `SourceString`, so that every character a rule
/// removes, converts or moves is logged at its input position.
enum Structure {
    static func issue(_ chunks: [Chunk], log: inout ImportLog) throws(DiagnosticsError) -> Issue {
        let (masthead, bodyStart) = try MastheadReader.read(chunks, log: &log)
        let tailStart = TailReader.start(chunks, from: bodyStart)
        var sections = BodyReader.read(chunks[bodyStart..<tailStart], log: &log)
        Infer.runInTitles(&sections, log: &log)
        Infer.lostSubLeads(&sections, log: &log)
        let tail = TailReader.read(chunks[tailStart...], log: &log)
        return try Assemble.issue(masthead, sections, tail, log: &log)
    }
}

// MARK: Drafts: the model's shape, with located text

struct DraftMasthead {
    var title: SourceString
    var number: SourceString
    var totalNumber: SourceString?
    var issuer: SourceString
    var date: SourceString
    var extraLines: [SourceString]
}

struct DraftRun {
    var role: Run.Role
    var text: SourceString
    /// Why the run has its role (for the note), and whether that is uncertain.
    var reason: String? = nil
    var uncertain = false
}

struct DraftParagraph {
    var runs: [DraftRun]
    /// Input offsets of healed page breaks inside the paragraph.
    var breaks: [Int] = []

    var firstOrigin: Int? { runs.lazy.compactMap(\.text.firstOrigin).first }
    var lastOrigin: Int? { runs.last?.text.origins.last }
}

enum DraftBlock {
    case paragraph(DraftParagraph)
    case heading(label: SourceString, text: SourceString)
    case note(DraftParagraph)

    var firstOrigin: Int? {
        switch self {
        case .paragraph(let p), .note(let p): return p.firstOrigin
        case .heading(let label, _): return label.firstOrigin
        }
    }
}

struct DraftArticle {
    var kicker: SourceString?
    var headline: SourceString?
    var subtitle: SourceString?
    var editorsNote: DraftParagraph?
    var blocks: [DraftBlock] = []
    var attribution: SourceString?
    /// Where the article starts in the input (for notes about the article as a whole).
    var origin: Int
    /// The editor's note stood above the headline in the input; it is printed below it.
    var moveNoteBelowHeader = false
}

struct DraftSection {
    var column: SourceString?
    var articles: [DraftArticle]
}

struct DraftTail {
    var footer: [(label: SourceString, value: SourceString)] = []
    var lines: [(label: SourceString, text: SourceString)] = []
    var printRun: SourceString?
    var notes: [SourceString] = []
}

// MARK: Helpers shared by the readers

extension ImportLog {
    /// Removes `**` markers from a line that is not a body paragraph (title, headline, column …).
    mutating func stripMarkers(_ text: SourceString) -> SourceString {
        guard text.scalars.contains("*") else { return text }
        var kept = SourceString(), markers = SourceString()
        var i = 0
        while i < text.count {
            if text[i] == "*", i + 1 < text.count, text[i + 1] == "*" {
                markers.append(text.slice(i..<(i + 2)))
                i += 2
            } else {
                kept.append(text[i], origin: text.origins[i])
                i += 1
            }
        }
        remove(markers, rule: .markdown, "bold marker ** (a hint only)")
        return trim(kept, "space left by a removed marker")
    }

    /// The text without edge whitespace; removed whitespace is logged as a separator.
    mutating func trim(_ text: SourceString, _ why: String) -> SourceString {
        let range = text.trimmedRange
        if range.count == text.count { return text }
        remove(text.slice(0..<range.lowerBound), rule: .separator, why)
        remove(text.slice(range.upperBound..<text.count), rule: .separator, why)
        return text.slice(range)
    }

    /// What stands between two fields (spaces, a colon, a bracket …) where the layout prints
    /// `printed` (possibly nothing): spaces are removed, the first mark becomes `printed`, and when
    /// there is no mark at all, `printed` is inserted before `insertion`.
    mutating func separator(_ text: SourceString, printed: String, insertion: Int?, _ why: String) {
        var spaces = SourceString()
        var markSeen = false
        for i in 0..<text.count {
            let c = text[i]
            if !printed.isEmpty && !markSeen && !Scalars.isSpace(c) {
                markSeen = true
                if String(Character(c)) != printed { replace(at: text.origins[i], with: printed, rule: .separator, why) }
            } else {
                spaces.append(c, origin: text.origins[i])
            }
        }
        remove(spaces, rule: .separator, why)
        if !printed.isEmpty && !markSeen, let insertion { insert(printed, before: insertion, rule: .separator, why) }
    }

    /// A bracket the layout prints itself as `printed`: nothing to log when it is already that.
    mutating func expect(_ text: SourceString, at i: Int, printed: Unicode.Scalar, _ why: String) {
        if text[i] != printed { replace(at: text.origins[i], with: String(Character(printed)), rule: .separator, why) }
    }
}
