import Dispatch
import Foundation

/// Compares two page images pixel by pixel, the way pixelmatch does: a pixel differs when the
/// YIQ colour distance exceeds `threshold`, unless `AntialiasingDetector` finds it on a glyph edge
/// that only moved by a fraction of a pixel. Differing pixels are gathered into regions.
///
/// Fast path first (a page at 150 dpi is 2.2 million pixels): rows are compared with `memcmp` and
/// identical rows skipped, identical pixels are skipped before any arithmetic, and the
/// anti-aliasing test runs only on pixels that already differ. Pages with many differing rows
/// (two unrelated pages) are cut into horizontal bands compared on all processors (`RowBands`);
/// the result is exactly the one a single pass gives.
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
    public struct Result: Equatable, Sendable {
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
        try compare(expected, actual, keepingMarks: keepingMarks, bands: nil)
    }

    /// `compare(_:_:keepingMarks:)` cut into at most `bands` bands (nil: as many as `RowBands`
    /// finds worth it), so tests can compare a banded run with a single pass.
    func compare(_ expected: RasterImage, _ actual: RasterImage, keepingMarks: Bool,
                 bands: Int?) throws(SizeMismatch) -> Result {
        guard abs(expected.width - actual.width) <= Self.roundingTolerance,
              abs(expected.height - actual.height) <= Self.roundingTolerance else {
            throw SizeMismatch(expected: expected.size, actual: actual.size)
        }
        let size = PixelSize(width: min(expected.width, actual.width), height: min(expected.height, actual.height))
        return expected.pixels.withUnsafeBufferPointer { a in
            actual.pixels.withUnsafeBufferPointer { b in
                compare(PixelView(base: a.baseAddress!, width: size.width, height: size.height, stride: expected.width * 3),
                        PixelView(base: b.baseAddress!, width: size.width, height: size.height, stride: actual.width * 3),
                        keepingMarks: keepingMarks, bands: bands)
            }
        }
    }

    private func compare(_ a: PixelView, _ b: PixelView, keepingMarks: Bool, bands requested: Int?) -> Result {
        let rows = Self.differingRows(a, b)
        let bands = RowBands.split(rows, into: requested ?? RowBands.automaticCount(differingRows: rows.count))
        let parts: [Band]
        if bands.count == 1 {
            parts = [compare(a, b, rows: rows[bands[0]], keepingMarks: keepingMarks)]
        } else {
            let slots = BandSlots(count: bands.count)
            DispatchQueue.concurrentPerform(iterations: bands.count) { index in
                slots.store(compare(a, b, rows: rows[bands[index]], keepingMarks: keepingMarks), at: index)
            }
            parts = slots.bands
        }
        // Merged in band order, i.e. top to bottom: counts, tiles and marks come out exactly as a
        // single pass over all rows would leave them.
        var result = Result(size: PixelSize(width: a.width, height: a.height), differingPixels: 0, antialiasedPixels: 0,
                            shiftedPixels: 0, isIdentical: rows.isEmpty, regions: [],
                            marks: keepingMarks ? DiffMarks(width: a.width) : nil)
        for part in parts {
            result.differingPixels += part.differing
            result.antialiasedPixels += part.antialiased
            result.shiftedPixels += part.shifted
            if let marks = part.marks { result.marks?.append(marks) }
        }
        result.regions = TileGrid(joining: parts.compactMap(\.tiles))?.regions() ?? []
        return result
    }

    /// The rows whose bytes differ, top to bottom (`memcmp`: the rest of the comparison never
    /// looks at identical rows).
    private static func differingRows(_ a: PixelView, _ b: PixelView) -> [Int32] {
        let rowBytes = a.width * 3
        var rows: [Int32] = []
        for y in 0..<a.height where memcmp(a.base + y * a.stride, b.base + y * b.stride, rowBytes) != 0 {
            rows.append(Int32(y))
        }
        return rows
    }

    /// What one band found: counts, its own tiles (covering only its tile rows) and marks.
    private struct Band {
        var differing = 0, antialiased = 0, shifted = 0
        var tiles: TileGrid?
        var marks: DiffMarks?
    }

    /// The bands' results, stored by the threads that computed them.
    private final class BandSlots: @unchecked Sendable {  // every access holds `lock`
        private var slots: [Band?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ band: Band, at index: Int) { lock.withLock { slots[index] = band } }

        var bands: [Band] { lock.withLock { slots.map { $0! } } }
    }

    /// Compares the given differing rows (ascending): the pixelmatch loop. Touches no memory but
    /// its own besides reading the two images, so bands run on several threads at once.
    @_optimize(speed)
    private func compare(_ a: PixelView, _ b: PixelView, rows: ArraySlice<Int32>, keepingMarks: Bool) -> Band {
        guard let first = rows.first, let last = rows.last else { return Band() }
        let maximumDelta = YIQ.maximumDelta(threshold: threshold)
        var band = Band()
        var tiles = TileGrid(width: a.width, tileRows: Int(first) / TileGrid.tile..<Int(last) / TileGrid.tile + 1)
        var marks = keepingMarks ? DiffMarks(width: a.width) : nil
        let brightness = detectsAntialiasing ? (a: BrightnessRows.allocate(for: a), b: BrightnessRows.allocate(for: b)) : nil
        defer { brightness?.a.deallocate(); brightness?.b.deallocate() }
        for y in rows.lazy.map(Int.init) {
            let rowA = a.base + y * a.stride, rowB = b.base + y * b.stride
            // Brightness only for rows with a pixel beyond the threshold (the anti-aliasing test).
            var window: (a: BrightnessWindow, b: BrightnessWindow)?
            // Most of a differing row is still white on both pages: skip 8 equal pixels at a time.
            for chunk in stride(from: 0, to: a.width, by: 8) {
                let end = min(chunk + 8, a.width)
                if end - chunk == 8 && PixelView.sameEight(rowA + chunk * 3, rowB + chunk * 3) { continue }
                for x in chunk..<end {
                    let p = rowA + x * 3, q = rowB + x * 3
                    if p[0] == q[0] && p[1] == q[1] && p[2] == q[2] { continue }
                    guard YIQ.delta(p, q) > maximumDelta else { continue }
                    if let brightness, window == nil { window = (brightness.a.window(around: y), brightness.b.window(around: y)) }
                    if let window, AntialiasingDetector.isAntialiased(a, window.a, b, x, y)
                        || AntialiasingDetector.isAntialiased(b, window.b, a, x, y) {
                        band.antialiased += 1
                        marks?.antialiased.append(Int32(y * a.width + x))
                    } else if shiftTolerance > 0 && hasColour(p, near: x, y, in: b, maximumDelta)
                                && hasColour(q, near: x, y, in: a, maximumDelta) {
                        band.shifted += 1
                        marks?.antialiased.append(Int32(y * a.width + x))
                    } else {
                        band.differing += 1
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
        }
        band.tiles = tiles
        band.marks = marks
        return band
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
public struct DiffMarks: Equatable, Sendable {
    public var width: Int
    /// Differing pixels darker in the new image (ink added) and lighter (ink removed).
    public var added: [Int32] = []
    public var removed: [Int32] = []
    /// Differences forgiven as anti-aliasing.
    public var antialiased: [Int32] = []
}

extension DiffMarks {
    /// Appends the marks of the rows below these (bands are merged top to bottom).
    mutating func append(_ below: DiffMarks) {
        added += below.added
        removed += below.removed
        antialiased += below.antialiased
    }
}
