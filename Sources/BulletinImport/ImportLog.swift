import BulletinModel

/// The account of one import as it is made: every step reports its changes and guesses here, by
/// the input offsets its text carries, and the log turns them into located notes.
///
/// Changes compose: when a later step removes or re-converts a character an earlier step already
/// changed, the earlier note is updated instead of a second one being added, so that replaying
/// the notes on the input is well defined (each input character is touched by at most one note).
struct ImportLog {
    let file: String
    let source: SourceText
    private(set) var notes: [ImportNote] = []
    private(set) var warnings: [Diagnostic] = []
    /// Per note: input offset, and whether it is an insertion (sorted before other notes there).
    private var keys: [(offset: Int, insertion: Bool)] = []
    /// Input offset → index of the change note that replaced that single character.
    private var replaced: [Int: Int] = [:]

    init(file: String, source: SourceText) {
        self.file = file
        self.source = source
    }

    // MARK: Changes

    /// One character converted (e.g. `,` → `，`); `after` may be empty (removed).
    mutating func replace(at origin: Int, with after: String, rule: ImportRule, _ message: String) {
        if let index = replaced[origin] {
            notes[index].after = after
            if notes[index].rule != rule { notes[index].message += "; then \(rule.rawValue): \(message)" }
            return
        }
        replaced[origin] = notes.count
        add(.change, at: origin, before: String(Character(source.scalars[origin])), after: after, rule: rule, message)
    }

    /// Text removed: one note per stretch of consecutive input characters.
    mutating func remove(_ text: SourceString, rule: ImportRule, _ message: String) {
        var start: Int?
        var previous = -2
        func flush(_ end: Int, _ log: inout ImportLog) {
            guard let s = start else { return }
            log.add(.change, at: s, before: log.source.scalars[s...end].string, after: "", rule: rule, message)
            start = nil
        }
        for origin in text.origins {
            if let index = replaced[origin] {
                flush(previous, &self)
                notes[index].after = ""
                notes[index].message += "; then removed: \(message)"
                previous = -2
                continue
            }
            if start != nil && origin != previous + 1 { flush(previous, &self) }
            if start == nil { start = origin }
            previous = origin
        }
        flush(previous, &self)
    }

    /// Text the model prints that the input does not have at this place, inserted before `origin`.
    mutating func insert(_ text: String, before origin: Int, rule: ImportRule, _ message: String) {
        add(.change, at: origin, before: "", after: text, rule: rule, message, insertion: true)
    }

    /// Text printed elsewhere than it stands: removed here, inserted before `origin`.
    mutating func move(_ text: SourceString, before origin: Int, _ message: String) {
        remove(text, rule: .move, message)
        insert(text.string, before: origin, rule: .move, message)
    }

    // MARK: Guesses and warnings

    /// A decision about the text at `origin`; uncertain ones are also warnings.
    mutating func guess(at origin: Int, _ text: String, takenAs: String, rule: ImportRule, _ message: String,
                        uncertain: Bool = false) {
        add(.guess, at: origin, before: text, after: takenAs, rule: rule, message, uncertain: uncertain)
        if uncertain {
            warn(at: origin, "uncertain guess (\(rule.rawValue)): \(ImportNote.quote(text)) taken as \(takenAs) (\(message))",
                 hint: "check it; --explain lists every change and guess")
        }
    }

    /// A problem worth telling the user that does not stop the import.
    mutating func warn(at origin: Int?, _ message: String, hint: String? = nil) {
        let position = origin.map { source.position(of: $0) }
        warnings.append(Diagnostic(.warning, file: file, line: position?.line, column: position?.column,
                                   message: message, hint: hint))
    }

    // MARK: Result

    /// The notes in input order (insertions before other notes at the same place).
    var sortedNotes: [ImportNote] {
        let order = keys.indices.sorted { a, b in
            let ka = keys[a], kb = keys[b]
            if ka.offset != kb.offset { return ka.offset < kb.offset }
            if ka.insertion != kb.insertion { return ka.insertion }
            return a < b
        }
        return order.map { notes[$0] }
    }

    var sortedWarnings: [Diagnostic] {
        warnings.enumerated().sorted { a, b in
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            if la != lb { return la < lb }
            let ca = a.element.column ?? 0, cb = b.element.column ?? 0
            return ca != cb ? ca < cb : a.offset < b.offset
        }.map(\.element)
    }

    private mutating func add(_ kind: ImportNote.Kind, at origin: Int, before: String, after: String,
                              rule: ImportRule, _ message: String, uncertain: Bool = false, insertion: Bool = false) {
        let position = source.position(of: origin)
        notes.append(ImportNote(kind: kind, line: position.line, column: position.column, before: before,
                                after: after, rule: rule, message: message, uncertain: uncertain))
        keys.append((origin, insertion))
    }

    /// A located error for this input.
    func error(at origin: Int?, _ message: String, hint: String? = nil) -> Diagnostic {
        let position = origin.map { source.position(of: $0) }
        return Diagnostic(.error, file: file, line: position?.line, column: position?.column, message: message, hint: hint)
    }
}
