/// Compares two images pixel by pixel (the idea behind pixelmatch): a pixel differs when its
/// colour distance exceeds `threshold`, unless it lies on an anti-aliased edge that merely moved
/// a fraction of a pixel (its neighbourhood in the other image contains a close colour).
public struct PixelComparison: Sendable {
    /// Maximum per-channel difference (0…255) that still counts as the same colour.
    public var threshold: Int
    /// Whether to forgive differences a one-pixel neighbourhood explains (edge shifts).
    public var ignoresAntialiasing: Bool

    public init(threshold: Int = 48, ignoresAntialiasing: Bool = true) {
        self.threshold = threshold
        self.ignoresAntialiasing = ignoresAntialiasing
    }

    /// The outcome: differing pixels and the total.
    public struct Result: Equatable, Sendable {
        public var differingPixels: Int
        public var totalPixels: Int
        public var sizeMismatch: Bool
        public var ratio: Double { totalPixels == 0 ? 0 : Double(differingPixels) / Double(totalPixels) }
    }

    public func compare(_ expected: RasterImage, _ actual: RasterImage) -> Result {
        guard expected.width == actual.width, expected.height == actual.height else {
            return Result(differingPixels: max(expected.width * expected.height, actual.width * actual.height),
                          totalPixels: max(expected.width * expected.height, actual.width * actual.height),
                          sizeMismatch: true)
        }
        let w = expected.width, h = expected.height
        var differing = 0
        expected.pixels.withUnsafeBufferPointer { a in
            actual.pixels.withUnsafeBufferPointer { b in
                for y in 0..<h {
                    for x in 0..<w {
                        let i = (y * w + x) * 3
                        guard distance(a, i, b, i) > threshold else { continue }
                        if ignoresAntialiasing && (matchesNeighbour(a, i, in: b, x, y, w, h)
                                                   && matchesNeighbour(b, i, in: a, x, y, w, h)) { continue }
                        differing += 1
                    }
                }
            }
        }
        return Result(differingPixels: differing, totalPixels: w * h, sizeMismatch: false)
    }

    @inline(__always)
    private func distance(_ a: UnsafeBufferPointer<UInt8>, _ i: Int, _ b: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int {
        max(abs(Int(a[i]) - Int(b[j])), abs(Int(a[i + 1]) - Int(b[j + 1])), abs(Int(a[i + 2]) - Int(b[j + 2])))
    }

    /// Whether some pixel within one step of (x, y) in `other` has the colour of pixel `i` of `image`.
    private func matchesNeighbour(_ image: UnsafeBufferPointer<UInt8>, _ i: Int, in other: UnsafeBufferPointer<UInt8>,
                                  _ x: Int, _ y: Int, _ w: Int, _ h: Int) -> Bool {
        for dy in -1...1 {
            let ny = y + dy
            guard ny >= 0 && ny < h else { continue }
            for dx in -1...1 {
                let nx = x + dx
                guard nx >= 0 && nx < w else { continue }
                if distance(image, i, other, (ny * w + nx) * 3) <= threshold { return true }
            }
        }
        return false
    }
}
