/// Classifies paragraphs as they come, in reading order, holding only the few that a role still
/// depends on: markdown, JSON and the recovered issue are written while the document is read, and
/// memory does not grow with it.
///
/// `BlockClassifier`'s rules look at a bounded neighbourhood:
/// - the masthead is among the first `mastheadReach` content paragraphs: they wait until it is read;
/// - the footer and 版记 are at the end: a paragraph waits until `tailReach` paragraphs follow it
///   and one of it or those after it (within all but the last `tailReach`) is no footer field —
///   then the tail cannot reach back to it;
/// - kickers, headlines and subtitles are told apart within a run of consecutive centred or large
///   paragraphs: the run waits until it ends; a note waits for the paragraph after it (an editor's
///   note when an article's title follows).
///
/// The result equals the rules applied to the whole document. Only past `holdLimit` waiting
/// paragraphs — a run of that many footer-like or centred lines, which no bulletin has — is the
/// oldest let go with what is known then, so that memory stays bounded on any input.
///
/// Furniture paragraphs (kept by `--keep-furniture`) are not classified: they come out in their
/// place among the others.
public struct ClassifierStream {
    /// A paragraph as handed out: furniture as it came, content with its role.
    public enum Output {
        case furniture(TextParagraph)
        case content(ClassifiedParagraph)
    }

    /// Most paragraphs held at one stage before the oldest is let go.
    static let holdLimit = 512

    private let profile: DocumentProfile
    private let bodyIsHeavy: Bool
    /// The first content paragraphs, until the masthead is read (nil afterwards).
    private var opening: [ClassifiedParagraph]? = []
    /// Paragraphs after the masthead that the tail may still claim, each with whether it reads as
    /// a footer field.
    private var tailCandidates: [(block: ClassifiedParagraph, footer: Bool)] = []
    /// The current run of kickers and headlines.
    private var run: [ClassifiedParagraph] = []
    /// A note waiting for the paragraph after it.
    private var note: ClassifiedParagraph?
    /// Furniture waiting for the content paragraphs before it: `after` of them came before it.
    private var furniture: [(after: Int, paragraph: TextParagraph)] = []
    private var received = 0
    private var emitted = 0

    public init(profile: DocumentProfile) {
        self.profile = profile
        bodyIsHeavy = profile.bodyFont.map { profile.fonts[$0].isHeavyFace } ?? false
    }

    /// Paragraphs held now (tests).
    var heldCount: Int { (opening?.count ?? 0) + tailCandidates.count + run.count + (note == nil ? 0 : 1) }

    /// Takes the next paragraph in reading order; `emit` receives those whose role is now known.
    public mutating func add(_ paragraph: TextParagraph, emit: (Output) -> Void) {
        if paragraph.furniture != nil {
            furniture.append((received, paragraph))
            flushFurniture(emit)
            return
        }
        received += 1
        let block = BlockClassifier.emphasised(paragraph, profile: profile, bodyIsHeavy: bodyIsHeavy)
        guard var opening else { return enterBody(block, emit) }
        opening.append(block)
        if opening.count < BlockClassifier.mastheadReach {
            self.opening = opening
        } else {
            self.opening = nil
            settleOpening(opening, emit)
        }
    }

    /// Hands out every paragraph still held: call after the last `add`.
    public mutating func finish(emit: (Output) -> Void) {
        if let opening {
            self.opening = nil
            settleOpening(opening, emit)
        }
        var blocks = tailCandidates.map(\.block)
        tailCandidates = []
        let tail = BlockClassifier.markTail(&blocks)
        for block in blocks[..<tail] { enterRun(block, emit) }
        closeRun(emit)
        for block in blocks[tail...] { output(block, emit) }
        for waiting in furniture { emit(.furniture(waiting.paragraph)) }
        furniture = []
    }

    private mutating func settleOpening(_ opening: [ClassifiedParagraph], _ emit: (Output) -> Void) {
        var opening = opening
        let start = BlockClassifier.markMasthead(&opening, bodySize: profile.bodySize)
        for block in opening[..<start] { output(block, emit) }
        for block in opening[start...] { enterBody(block, emit) }
    }

    /// A paragraph after the masthead: its own role read, then held while the tail may claim it.
    private mutating func enterBody(_ block: ClassifiedParagraph, _ emit: (Output) -> Void) {
        var block = block
        block.role = BlockClassifier.ownRole(block, profile: profile)
        tailCandidates.append((block, BlockClassifier.isFooter(block.paragraph.text)))
        // The newest paragraph that `tailReach` others follow, and the first one before it that is
        // no footer field: the tail cannot reach back past it.
        var last = tailCandidates.count - BlockClassifier.tailReach - 1
        guard last >= 0 else { return }
        while last >= 0 && tailCandidates[last].footer { last -= 1 }
        if last < 0 {
            guard tailCandidates.count > Self.holdLimit else { return }
            last = 0
        }
        for candidate in tailCandidates[...last] { enterRun(candidate.block, emit) }
        tailCandidates.removeFirst(last + 1)
    }

    /// A paragraph known to be in the body (not masthead, not tail).
    private mutating func enterRun(_ block: ClassifiedParagraph, _ emit: (Output) -> Void) {
        if block.role == .kicker || block.role == .headline {
            if var waiting = note {
                // A note in another face right before an article's title is its editor's note.
                waiting.role = .editorsNote
                note = nil
                output(waiting, emit)
            }
            run.append(block)
            if run.count > Self.holdLimit { closeRun(emit) }
            return
        }
        closeRun(emit)
        if block.role == .note {
            note = block
        } else {
            output(block, emit)
        }
    }

    /// Resolves the run (if any) and hands it out, with a waiting note (a plain note: no title
    /// follows it).
    private mutating func closeRun(_ emit: (Output) -> Void) {
        if !run.isEmpty {
            BlockClassifier.resolveRun(&run)
            for block in run { output(block, emit) }
            run = []
        }
        if let waiting = note {
            note = nil
            output(waiting, emit)
        }
    }

    private mutating func output(_ block: ClassifiedParagraph, _ emit: (Output) -> Void) {
        flushFurniture(emit)
        emit(.content(block))
        emitted += 1
    }

    /// Hands out the furniture that no held content paragraph comes before.
    private mutating func flushFurniture(_ emit: (Output) -> Void) {
        var count = 0
        while count < furniture.count && furniture[count].after <= emitted {
            emit(.furniture(furniture[count].paragraph))
            count += 1
        }
        if count > 0 { furniture.removeFirst(count) }
    }
}
