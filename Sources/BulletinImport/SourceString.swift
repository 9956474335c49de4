/// Text on its way from the input to the model: scalars, and for each the offset of the input
/// scalar it came from (`SourceText.scalars`). A converted mark keeps the origin of the mark it
/// replaced; text is only ever cut, never invented, so origins rise from left to right.
struct SourceString: Sendable {
    var scalars: [Unicode.Scalar]
    var origins: [Int]

    init() {
        scalars = []
        origins = []
    }

    init(scalars: [Unicode.Scalar], origins: [Int]) {
        precondition(scalars.count == origins.count)
        self.scalars = scalars
        self.origins = origins
    }

    /// A stretch of the input as it is.
    init(_ source: SourceText, _ range: Range<Int>) {
        scalars = Array(source.scalars[range])
        var origins: [Int] = []
        origins.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            origins.append(i)
            i += 1
        }
        self.origins = origins
    }

    var count: Int { scalars.count }
    var isEmpty: Bool { scalars.isEmpty }
    var string: String { scalars.string }
    subscript(_ i: Int) -> Unicode.Scalar { scalars[i] }

    /// The origin of the first scalar (where notes about the whole string point).
    var firstOrigin: Int? { origins.first }

    func slice(_ range: Range<Int>) -> SourceString {
        SourceString(scalars: Array(scalars[range]), origins: Array(origins[range]))
    }

    func prefix(_ n: Int) -> SourceString { slice(0..<min(n, count)) }
    func dropFirst(_ n: Int) -> SourceString { slice(min(n, count)..<count) }

    mutating func append(_ other: SourceString) {
        scalars.append(contentsOf: other.scalars)
        origins.append(contentsOf: other.origins)
    }

    mutating func append(_ scalar: Unicode.Scalar, origin: Int) {
        scalars.append(scalar)
        origins.append(origin)
    }

    /// Index of the first scalar that is not whitespace at or after `i`.
    func skipSpaces(from i: Int) -> Int {
        var j = i
        while j < count && Scalars.isSpace(scalars[j]) { j += 1 }
        return j
    }

    /// Whether `literal` occurs at `i`.
    func has(_ literal: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + literal.count <= count else { return false }
        for k in 0..<literal.count where scalars[i + k] != literal[k] { return false }
        return true
    }

    func hasPrefix(_ literal: [Unicode.Scalar]) -> Bool { has(literal, at: 0) }

    /// The range without leading and trailing whitespace.
    var trimmedRange: Range<Int> {
        var start = 0, end = count
        while start < end && Scalars.isSpace(scalars[start]) { start += 1 }
        while end > start && Scalars.isSpace(scalars[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The scalars without `**` (markdown bold markers, paired from the left as the readers pair
    /// them; a single `*` is text), for classifying a line.
    var plain: [Unicode.Scalar] { plainPrefix(Int.max) }

    /// The first `limit` scalars of `plain`: enough to classify a line. Every line class but
    /// the body paragraph is short, so a long line is classified by its start alone.
    func plainPrefix(_ limit: Int) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(Swift.min(limit, scalars.count))
        var i = 0
        let n = scalars.count
        while i < n && result.count < limit {
            let c = scalars[i]
            if c == "*" && i + 1 < n && scalars[i + 1] == "*" {
                i += 2
                continue
            }
            result.append(c)
            i += 1
        }
        return result
    }
}
