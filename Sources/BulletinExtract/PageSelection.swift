/// A `--pages` selection: 1-based pages and ranges, `2-3`, `1,4,6-`, `-2`, kept in the order given.
public struct PageSelection: Sendable, Equatable {
    /// One item: a range of 1-based pages; `upper` nil means "to the last page".
    public struct Item: Sendable, Equatable {
        public var lower: Int
        public var upper: Int?
    }

    public var items: [Item]

    /// A selection that cannot be read, with what was expected.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A selection outside the document.
    public struct RangeError: Error, Equatable, CustomStringConvertible {
        public var page: Int
        public var pageCount: Int
        public var description: String {
            "page \(page) does not exist: the document has \(pageCount) page\(pageCount == 1 ? "" : "s")"
        }
    }

    public init(parsing text: String) throws(ParseError) {
        var items: [Item] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let piece = part.trimmingSpaces
            func number(_ s: Substring) throws(ParseError) -> Int {
                guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s), n >= 1 else {
                    throw ParseError(message: "“\(text)”: “\(s)” is not a page number (pages count from 1; "
                                     + "expected e.g. 2, 2-3, 1,4,6- or -2)")
                }
                return n
            }
            if let dash = piece.firstIndex(of: "-") {
                let left = piece[..<dash], right = piece[piece.index(after: dash)...]
                if left.isEmpty && right.isEmpty { throw ParseError(message: "“\(text)”: “-” alone is not a range") }
                let lower = left.isEmpty ? 1 : try number(left)
                let upper = right.isEmpty ? nil : try number(right)
                if let upper, upper < lower {
                    throw ParseError(message: "“\(text)”: range \(piece) runs backwards")
                }
                items.append(Item(lower: lower, upper: upper))
            } else {
                let n = try number(piece)
                items.append(Item(lower: n, upper: n))
            }
        }
        self.items = items
    }

    /// Zero-based page indices in the order given; every page must exist.
    public func indices(pageCount: Int) throws(RangeError) -> [Int] {
        var result: [Int] = []
        for item in items {
            let upper = item.upper ?? pageCount
            if item.lower > pageCount { throw RangeError(page: item.lower, pageCount: pageCount) }
            if upper > pageCount { throw RangeError(page: upper, pageCount: pageCount) }
            result += (item.lower - 1)..<upper
        }
        return result
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
