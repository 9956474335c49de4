/// The first pass of an extraction: what every page contributes to the document-wide decisions —
/// which outer lines are running heads (`FurnitureFilter.Decision`) and what body text looks like
/// (`PageMetrics`) — kept as tallies, not lines, so the pages need not stay in memory.
///
/// A page's outer lines may turn out to be running heads, which must not count as body text; until
/// the whole document has been seen they are held back as geometry (`DeferredPage`, at most two
/// lines at each edge plus the content lines next to them). Everything else is tallied at once.
/// The tallies give exactly what counting over all lines at the end would give — for documents of
/// up to `deferredLimit` pages with such lines. Past that, so that memory does not grow with the
/// document, the oldest held-back pages are settled with the verdict the pages so far give
/// (`settleOldest`): after thousands of pages a line that repeats on 40 % of them is not in doubt.
struct DocumentStatistics {
    /// What the tallies need of a line.
    struct LineGeometry: Sendable {
        var size: Double
        var baseline: Double
        var start: Double
        var end: Double
        var characterCount: Int
        var hasFieldGap: Bool
        var endsInClosingMark: Bool
        var role: Role

        enum Role: Sendable, Equatable {
            /// Body text for certain.
            case content
            /// Furniture for certain: /Artifact content or a page number.
            case furniture
            /// An outer line: a running head if the document repeats it (index into the page's
            /// candidates).
            case candidate(Int)
        }

        init(_ line: TextLine, role: Role) {
            size = line.size
            baseline = line.baseline
            start = line.start
            end = line.end
            characterCount = line.characterCount
            hasFieldGap = line.hasFieldGap
            endsInClosingMark = line.last.isClosingMark
            self.role = role
        }
    }

    /// A page whose edges wait for the furniture verdict: its outer lines, and the first and last
    /// content lines between them (already tallied; kept to pair baselines across the edges).
    private struct DeferredPage {
        var head: [LineGeometry]
        var firstMiddle: LineGeometry?
        var lastMiddle: LineGeometry?
        var tail: [LineGeometry]
        var candidates: [FurnitureFilter.Candidate]
        /// Its number among the pages summarised.
        var ordinal: Int
    }

    /// How often a candidate key was seen, and on which page last.
    private struct SightingCount {
        var pages = 0
        var lastPage = 0
    }

    /// A candidate key seen on a page at a size (the smallest, if the page has it twice).
    private struct HeadSighting: Hashable {
        var key: UInt64
        var size: Double
    }

    /// Pages summarised (context pages included: they vote on running heads).
    private var pageCount = 0
    /// Pages per candidate key and size.
    private var sightings: [HeadSighting: SightingCount] = [:]
    /// Characters per size bucket of every line not flagged before the verdict (page numbers and
    /// candidates included): the body size that bounds a running head's size.
    private var sizesBeforeVerdict: [Int: Int] = [:]
    private var tallies = Tallies()
    private var deferred: [DeferredPage] = []
    /// Pages held back at most (`settleOldest`).
    let deferredLimit: Int

    init(deferredLimit: Int = 2_048) {
        self.deferredLimit = max(2, deferredLimit)
    }

    /// Pages held back now (tests).
    var deferredCount: Int { deferred.count }
    /// Candidate keys being counted now (tests).
    var sightingCount: Int { sightings.count }

    /// Adds a page's lines (page numbers marked, candidates named). A `context` page only votes on
    /// running heads: it is not part of the text.
    mutating func add(_ lines: [TextLine], candidates: [FurnitureFilter.Candidate], context: Bool) {
        pageCount += 1
        var smallest: [UInt64: Double] = [:]
        for candidate in candidates { smallest[candidate.key] = min(smallest[candidate.key] ?? .infinity, candidate.size) }
        for (key, size) in smallest {
            sightings[HeadSighting(key: key, size: size), default: SightingCount()].pages += 1
            sightings[HeadSighting(key: key, size: size)]!.lastPage = pageCount
        }
        for line in lines where line.furniture != .artifact {
            sizesBeforeVerdict[PageMetrics.bucket(line.size), default: 0] += line.characterCount
        }
        guard !context else { return }

        var roles = lines.map { $0.furniture == nil ? LineGeometry.Role.content : .furniture }
        for (c, candidate) in candidates.enumerated() { roles[candidate.line] = .candidate(c) }
        let geometry = lines.indices.map { LineGeometry(lines[$0], role: roles[$0]) }
        // Candidates are among the two outermost lines at each edge: the lines between are settled.
        let n = lines.count
        let headCount = candidates.contains { $0.line < 2 } ? min(2, n) : 0
        let tailStart = candidates.contains { $0.line >= max(headCount, n - 2) } ? max(headCount, n - 2) : n
        let middle = geometry[headCount..<tailStart].filter { $0.role == .content }
        tallies.add(middle)
        tallies.addPitches(middle)
        if headCount > 0 || tailStart < n {
            deferred.append(DeferredPage(head: Array(geometry[0..<headCount]), firstMiddle: middle.first,
                                         lastMiddle: middle.last, tail: Array(geometry[tailStart..<n]),
                                         candidates: candidates, ordinal: pageCount))
            if deferred.count > deferredLimit { settleOldest() }
        }
    }

    /// Tallies the older half of the held-back pages with the verdict the pages so far give, and
    /// forgets the keys seen once, on one of those pages: the first line of a page's text, which
    /// is a candidate only by position and would otherwise be counted for every page of the file.
    private mutating func settleOldest() {
        let settled = deferred.count / 2
        let decision = verdict()
        for page in deferred[..<settled] { fold(page, into: &tallies, decision: decision) }
        let horizon = deferred[settled - 1].ordinal
        deferred.removeFirst(settled)
        sightings = sightings.filter { $0.value.pages > 1 || $0.value.lastPage > horizon }
    }

    /// The verdict on running heads, and the metrics of the body text without them.
    func resolve() -> (furniture: FurnitureFilter.Decision, metrics: PageMetrics) {
        let (decision, tallies) = resolveTallies()
        return (decision, tallies.metrics())
    }

    /// The verdict on running heads, and the counts over the body text without them.
    func resolveTallies() -> (furniture: FurnitureFilter.Decision, tallies: Tallies) {
        let decision = verdict()
        var tallies = self.tallies
        for page in deferred { fold(page, into: &tallies, decision: decision) }
        return (decision, tallies)
    }

    /// Running heads as the pages summarised so far show them: keys on enough pages at no more
    /// than body size × 1.2.
    private func verdict() -> FurnitureFilter.Decision {
        let largest = PageMetrics.bodySize(sizesBeforeVerdict) * 1.2 + 0.01
        var runningHeads = Set<UInt64>()
        if pageCount >= 2 {
            var pages: [UInt64: Int] = [:]
            for (sighting, count) in sightings where sighting.size <= largest { pages[sighting.key, default: 0] += count.pages }
            let needed = FurnitureFilter.pagesNeeded(pageCount: pageCount)
            runningHeads = Set(pages.filter { $0.value >= needed }.keys)
        }
        return FurnitureFilter.Decision(largestSize: largest, runningHeads: runningHeads)
    }

    /// Adds a held-back page's lines that `decision` leaves as content.
    private func fold(_ page: DeferredPage, into tallies: inout Tallies, decision: FurnitureFilter.Decision) {
        func isContent(_ line: LineGeometry) -> Bool {
            switch line.role {
            case .content: return true
            case .furniture: return false
            case .candidate(let c):
                let candidate = page.candidates[c]
                return !(candidate.size <= decision.largestSize && decision.runningHeads.contains(candidate.key))
            }
        }
        let head = page.head.filter(isContent), tail = page.tail.filter(isContent)
        tallies.add(head)
        tallies.add(tail)
        if let first = page.firstMiddle, let last = page.lastMiddle {
            tallies.addPitches(head + [first])
            tallies.addPitches([last] + tail)
        } else {
            tallies.addPitches(head + tail)
        }
    }
}

/// Counts over the content lines of the document, the material of `PageMetrics`.
struct Tallies: Equatable {
    /// Characters per size bucket.
    var sizes: [Int: Int] = [:]
    /// Per size bucket: line ends (rounded) → lines.
    var ends: [Int: [Int: Int]] = [:]
    /// Per size bucket: line starts (rounded) → lines.
    var starts: [Int: [Int: Int]] = [:]
    /// Per size bucket: baseline distances (quarter points) of consecutive lines → pairs.
    var pitches: [Int: [Int: Int]] = [:]
    /// Per size bucket: how short of each possible right edge the lines end.
    var shortfalls: [Int: Shortfalls] = [:]

    mutating func add(_ lines: [DocumentStatistics.LineGeometry]) {
        for line in lines {
            let b = PageMetrics.bucket(line.size)
            sizes[b, default: 0] += line.characterCount
            if !line.hasFieldGap { ends[b, default: [:]][Int(line.end.rounded()), default: 0] += 1 }
            starts[b, default: [:]][Int(line.start.rounded()), default: 0] += 1
            if !line.hasFieldGap && !line.endsInClosingMark { shortfalls[b, default: Shortfalls()].add(end: line.end, size: line.size) }
        }
    }

    /// Baseline distances of consecutive content lines of one page (`lines` in page order).
    mutating func addPitches(_ lines: [DocumentStatistics.LineGeometry]) {
        for (a, b) in zip(lines, lines.dropFirst()) where PageMetrics.bucket(a.size) == PageMetrics.bucket(b.size) {
            let d = b.baseline - a.baseline
            if d > 0 { pitches[PageMetrics.bucket(b.size), default: [:]][Int((d * 4).rounded()), default: 0] += 1 }
        }
    }

    func metrics() -> PageMetrics {
        let bodySize = PageMetrics.bodySize(sizes)
        let rightEdge = ends.reduce(into: [Int: Double]()) { $0[$1.key] = PageMetrics.rightEdge(ends: $1.value, bucket: $1.key) }
        var fullTolerance: [Int: Double] = [:]
        for (b, edge) in rightEdge {
            guard let tolerance = shortfalls[b]?.tolerance(edge: Int(edge)) else { continue }
            fullTolerance[b] = tolerance
        }
        let bodyStarts = starts[PageMetrics.bucket(bodySize)] ?? [:]
        return PageMetrics(bodySize: bodySize, pitch: pitches.mapValues { Double(PageMetrics.mode($0) ?? 0) / 4 },
                           rightEdge: rightEdge, fullTolerance: fullTolerance,
                           defaultLeft: PageMetrics.mode(bodyStarts).map(Double.init) ?? 0)
    }
}

/// How far short of the right edge lines of one size end, for every edge the document may turn out
/// to have (the edge is known only once all lines are counted).
///
/// `PageMetrics.fullTolerance` asks, for the edge E: of the lines whose shortfall s = (E − end) / size
/// lies in (−0.5, 4), is the 95th percentile of max(0, s) at most 0.4 em? That needs two counts
/// per E — lines in range, and those with s ≤ 0.4 — and each line adds 1 to both over an interval
/// of integer E (s grows with E), so the counts are kept as differences at the interval ends.
struct Shortfalls: Equatable {
    private var inRange: [Int: Int] = [:]
    private var nearlyFull: [Int: Int] = [:]

    mutating func add(end: Double, size: Double) {
        guard size > 0, size.isFinite, end.isFinite, abs(end) < 1e12, size < 1e9 else { return }
        func s(_ edge: Int) -> Double { (Double(edge) - end) / size }
        var low = Int((end - 0.5 * size).rounded(.down)) - 2
        while !(s(low) > -0.5) { low += 1 }
        var high = Int((end + 4 * size).rounded(.up)) + 2
        while !(s(high) < 4) { high -= 1 }
        guard low <= high else { return }
        inRange[low, default: 0] += 1
        inRange[high + 1, default: 0] -= 1
        var full = Int((end + 0.4 * size).rounded(.up)) + 2
        while !(s(full) <= 0.4) { full -= 1 }
        let top = min(high, full)
        guard low <= top else { return }
        nearlyFull[low, default: 0] += 1
        nearlyFull[top + 1, default: 0] -= 1
    }

    /// 0.8 em when 95 % of the lines (at least eight) end within 0.4 em of `edge` (justified
    /// text), 4 em when they do not (ragged text); nil with fewer than eight lines.
    func tolerance(edge: Int) -> Double? {
        let n = inRange.reduce(0) { $1.key <= edge ? $0 + $1.value : $0 }
        guard n >= 8 else { return nil }
        let m = nearlyFull.reduce(0) { $1.key <= edge ? $0 + $1.value : $0 }
        // The sorted values' element at min(n − 1, ⌊0.95 n⌋) is ≤ 0.4 when that many + 1 are.
        let p95 = min(n - 1, Int(Double(n) * 0.95))
        return m >= p95 + 1 ? 0.8 : 4
    }
}
