/// How many differing pixels a page may have and still count as the same: both limits must hold
/// (`--max-diff-pixels`, `--max-diff-ratio`). The default budget is zero: any pixel beyond the
/// colour threshold that is not anti-aliasing makes the page different.
public struct DiffBudget: Equatable, Sendable, Codable {
    public var maxDifferingPixels: Int
    /// Fraction of the page's pixels (0…1).
    public var maxDifferingRatio: Double

    public init(maxDifferingPixels: Int = 0, maxDifferingRatio: Double = 1) {
        self.maxDifferingPixels = maxDifferingPixels
        self.maxDifferingRatio = maxDifferingRatio
    }

    /// When only one limit is given, the other does not constrain.
    public init(maxDifferingPixels: Int?, maxDifferingRatio: Double?) {
        switch (maxDifferingPixels, maxDifferingRatio) {
        case (nil, nil): self.init()
        case (let pixels?, nil): self.init(maxDifferingPixels: pixels, maxDifferingRatio: 1)
        case (nil, let ratio?): self.init(maxDifferingPixels: Int.max, maxDifferingRatio: ratio)
        case (let pixels?, let ratio?): self.init(maxDifferingPixels: pixels, maxDifferingRatio: ratio)
        }
    }

    public func allows(_ result: PixelComparison.Result) -> Bool {
        result.differingPixels <= maxDifferingPixels && result.ratio <= maxDifferingRatio
    }
}
