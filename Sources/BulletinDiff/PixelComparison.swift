import Foundation

/// Compares two page images pixel by pixel, the way pixelmatch does: a pixel differs when the
/// YIQ colour distance exceeds `threshold`, unless `AntialiasingDetector` finds it on a glyph edge
/// that only moved by a fraction of a pixel. Differing pixels are gathered into regions.
///
/// Fast path first (a page at 150 dpi is 2.2 million pixels): rows are compared with `memcmp` and
/// identical rows skipped, identical pixels are skipped before any arithmetic, and the
/// anti-aliasing test runs only on pixels that already differ.
public struct PixelComparison: Sendable {
    /// Colour distance that still counts as the same colour, on pixelmatch's 0…1 scale (0.1 by
    /// default; 0 counts any change).
    public var threshold: Double
    /// Whether to forgive anti-aliased edge pixels (pixelmatch's default). When off, they count.
    public var detectsAntialiasing: Bool
    /// Forgive a differing pixel when each image has the other's colour within this many pixels
    /// (0: off). For comparing two different rasterizers (poppler and Cairo place glyphs at
    /// different sub-pixel offsets, so thin strokes shift by a fraction of a pixel where the
    /// anti-aliasing test cannot tell); a changed glyph still differs, since its new strokes have
    /// no close colour nearby in the old image.
    public var shiftTolerance: Int

    /// Rasterizers round a page's size in pixels differently (poppler rounds up, our Cairo path to
    /// the nearest pixel): an A4 page at 150 dpi is 1241 or 1240 pixels wide. A difference of this
    /// many pixels per dimension is rounding, and the common area is compared; more is a different
    /// page size.
    public static let roundingTolerance = 1

    public init(threshold: Double = 0.1, detectsAntialiasing: Bool = true, shiftTolerance: Int = 0) {
        self.threshold = threshold
        self.detectsAntialiasing = detectsAntialiasing
        self.shiftTolerance = shiftTolerance
    }

    /// Two pages of different sizes (beyond rounding): an error, never resized.
    public struct SizeMismatch: Error, Equatable, Sendable, CustomStringConvertible {
        public var expected: PixelSize
        public var actual: PixelSize
        public var description: String { "page sizes differ: \(expected) vs \(actual) (never resized)" }
    }

    /// The outcome of one comparison.
    public struct Result: Sendable {
        /// The compared area (the common area when sizes differ by rounding).
        public var size: PixelSize
        /// Pixels beyond the threshold that are not anti-aliasing: what the budget counts.
        public var differingPixels: Int
        /// Pixels beyond the threshold forgiven as anti-aliasing.
        public var antialiasedPixels: Int
        /// Pixels beyond the threshold forgiven by `shiftTolerance`.
        public var shiftedPixels: Int
        /// Whether every compared pixel is bit-identical.
        public var isIdentical: Bool
        /// Clusters of differing pixels, top to bottom.
        public var regions: [DiffRegion]
        /// Where the differing and anti-aliased pixels are, when asked for (to draw a diff image).
        public var marks: DiffMarks?

        public var totalPixels: Int { size.width * size.height }
        public var ratio: Double { totalPixels == 0 ? 0 : Double(differingPixels) / Double(totalPixels) }
    }

    /// Compares `actual` against `expected`. `keepingMarks` records every differing pixel's
    /// position for `DiffImage` (costs memory; only for reports).
    public func compare(_ expected: RasterImage, _ actual: RasterImage,
                        keepingMarks: Bool = false) throws(SizeMismatch) -> Result {
        guard abs(expected.width - actual.width) <= Self.roundingTolerance,
              abs(expected.height - actual.height) <= Self.roundingTolerance else {
            throw SizeMismatch(expected: expected.size, actual: actual.size)
        }
        let size = PixelSize(width: min(expected.width, actual.width), height: min(expected.height, actual.height))
        return expected.pixels.withUnsafeBufferPointer { a in
            actual.pixels.withUnsafeBufferPointer { b in
                compare(PixelView(base: a.baseAddress!, width: size.width, height: size.height, stride: expected.width * 3),
                        PixelView(base: b.baseAddress!, width: size.width, height: size.height, stride: actual.width * 3),
                        keepingMarks: keepingMarks)
            }
        }
    }

    @_optimize(speed)
    private func compare(_ a: PixelView, _ b: PixelView, keepingMarks: Bool) -> Result {
        let maximumDelta = YIQ.maximumDelta(threshold: threshold)
        let rowBytes = a.width * 3
        var differing = 0, antialiased = 0, shifted = 0, identical = true
        var tiles = TileGrid(width: a.width, height: a.height)
        var marks = keepingMarks ? DiffMarks(width: a.width) : nil
        var brightness: (a: BrightnessPlane, b: BrightnessPlane)?
        defer { brightness?.a.deallocate(); brightness?.b.deallocate() }
        for y in 0..<a.height {
            let rowA = a.base + y * a.stride, rowB = b.base + y * b.stride
            if memcmp(rowA, rowB, rowBytes) == 0 { continue }
            identical = false
            if detectsAntialiasing {
                if brightness == nil { brightness = (.allocate(for: a), .allocate(for: b)) }
                brightness!.a.prepare(around: y)
                brightness!.b.prepare(around: y)
            }
            for x in 0..<a.width {
                let p = rowA + x * 3, q = rowB + x * 3
                if p[0] == q[0] && p[1] == q[1] && p[2] == q[2] { continue }
                guard YIQ.delta(p, q) > maximumDelta else { continue }
                if let (planeA, planeB) = brightness, AntialiasingDetector.isAntialiased(a, planeA, b, x, y)
                    || AntialiasingDetector.isAntialiased(b, planeB, a, x, y) {
                    antialiased += 1
                    marks?.antialiased.append(Int32(y * a.width + x))
                } else if shiftTolerance > 0 && hasColour(p, near: x, y, in: b, maximumDelta)
                            && hasColour(q, near: x, y, in: a, maximumDelta) {
                    shifted += 1
                    marks?.antialiased.append(Int32(y * a.width + x))
                } else {
                    differing += 1
                    tiles.add(x, y)
                    // Darker in the new image: ink added there; lighter: ink removed.
                    if YIQ.brightnessDelta(q, p) < 0 {
                        marks?.added.append(Int32(y * a.width + x))
                    } else {
                        marks?.removed.append(Int32(y * a.width + x))
                    }
                }
            }
        }
        return Result(size: PixelSize(width: a.width, height: a.height), differingPixels: differing,
                      antialiasedPixels: antialiased, shiftedPixels: shifted, isIdentical: identical, regions: tiles.regions(), marks: marks)
    }
}

extension PixelComparison {
    /// Whether `image` has a pixel within `shiftTolerance` of (x, y) whose colour is within the
    /// threshold of `colour`.
    @inline(__always)
    func hasColour(_ colour: UnsafePointer<UInt8>, near x: Int, _ y: Int, in image: PixelView, _ maximumDelta: Double) -> Bool {
        let r = shiftTolerance
        for ny in max(0, y - r)...min(image.height - 1, y + r) {
            for nx in max(0, x - r)...min(image.width - 1, x + r) where YIQ.delta(colour, image.pixel(nx, ny)) <= maximumDelta {
                return true
            }
        }
        return false
    }
}

/// A width and height in pixels.
public struct PixelSize: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height) px" }
}

extension RasterImage {
    public var size: PixelSize { PixelSize(width: width, height: height) }
}

/// Positions (y × width + x) of the pixels a comparison found, for drawing the difference view.
public struct DiffMarks: Sendable {
    public var width: Int
    /// Differing pixels darker in the new image (ink added) and lighter (ink removed).
    public var added: [Int32] = []
    public var removed: [Int32] = []
    /// Differences forgiven as anti-aliasing.
    public var antialiased: [Int32] = []
}
