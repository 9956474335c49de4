/// Tells a pixel that differs only because a glyph edge moved by a fraction of a pixel from one
/// that really changed. This is pixelmatch's test (mapbox/pixelmatch, after V. Vyšniauskas,
/// "Anti-aliased Pixel and Intensity Slope Detector", 2009), written for our RGB views:
///
/// a pixel of image A is anti-aliasing when, among its 8 neighbours in A, at most two share its
/// colour, some are darker and some brighter (it lies on an intensity slope, i.e. an edge), and the
/// darkest or the brightest neighbour sits inside a flat area (3+ identical neighbours) in BOTH
/// images — so the edge exists in the other image too and only its sub-pixel position differs.
///
/// Pixels inside the image take a fast path (their 8 neighbours at fixed offsets, compared without
/// branches); pixels on the border, with fewer neighbours, the plain loops. Both visit neighbours
/// in the same order — row above, left and right, row below, each left to right — which decides
/// which neighbour is taken when several are equally bright.
enum AntialiasingDetector {
    /// Whether the pixel (x, y) of `image` is anti-aliasing, judged with `other` as the second image;
    /// `brightness` holds `image`'s brightness for rows y − 1 … y + 1.
    @inline(__always)
    static func isAntialiased(_ image: PixelView, _ brightness: BrightnessWindow, _ other: PixelView, _ x: Int, _ y: Int) -> Bool {
        guard x > 0, y > 0, x < image.width - 1, y < image.height - 1 else {
            return isAntialiasedGeneral(image, brightness, other, x, y)
        }
        let above = brightness.above, row = brightness.center, below = brightness.below
        // delta = centre − neighbour: negative for a brighter neighbour, positive for a darker one.
        let deltas = SIMD8(repeating: row[x]) - SIMD8(above[x - 1], above[x], above[x + 1], row[x - 1],
                                                     row[x + 1], below[x - 1], below[x], below[x + 1])
        // 3 neighbours as bright as the pixel: inside a flat area, not an edge.
        guard count(deltas .== 0) <= 2 else { return false }
        // On an edge there is both a brighter and a darker neighbour.
        let lowest = minimum(deltas), highest = maximum(deltas)
        guard lowest < 0, highest > 0 else { return false }
        let (brighterX, brighterY) = neighbour(firstLane(of: lowest, in: deltas), of: x, y)
        let (darkerX, darkerY) = neighbour(firstLane(of: highest, in: deltas), of: x, y)
        return (hasManySiblings(image, brighterX, brighterY) && hasManySiblings(other, brighterX, brighterY))
            || (hasManySiblings(image, darkerX, darkerY) && hasManySiblings(other, darkerX, darkerY))
    }

    /// `isAntialiased` neighbour by neighbour, for any pixel: used on the image border, where the
    /// missing neighbours count as one of the same brightness (as in pixelmatch), and by the tests
    /// as the reference for the fast path.
    static func isAntialiasedGeneral(_ image: PixelView, _ brightness: BrightnessWindow, _ other: PixelView,
                                      _ x: Int, _ y: Int) -> Bool {
        let x0 = max(x - 1, 0), y0 = max(y - 1, 0)
        let x2 = min(x + 1, image.width - 1), y2 = min(y + 1, image.height - 1)
        var equal = (x == x0 || x == x2 || y == y0 || y == y2) ? 1 : 0
        var lowest: Float = 0, highest: Float = 0
        var brighterX = 0, brighterY = 0, darkerX = 0, darkerY = 0
        let centre = brightness.center[x]
        for ny in y0...y2 {
            let row = brightness.row(ny, around: y)
            for nx in x0...x2 where nx != x || ny != y {
                let delta = centre - row[nx]
                if delta == 0 {
                    equal += 1
                    if equal > 2 { return false }
                } else if delta < lowest {
                    lowest = delta
                    brighterX = nx; brighterY = ny
                } else if delta > highest {
                    highest = delta
                    darkerX = nx; darkerY = ny
                }
            }
        }
        guard lowest != 0, highest != 0 else { return false }
        return (hasManySiblings(image, brighterX, brighterY) && hasManySiblings(other, brighterX, brighterY))
            || (hasManySiblings(image, darkerX, darkerY) && hasManySiblings(other, darkerX, darkerY))
    }

    /// Whether (x, y) has 3 or more neighbours of exactly its colour (a flat area).
    @inline(__always)
    static func hasManySiblings(_ image: PixelView, _ x: Int, _ y: Int) -> Bool {
        guard x > 0, y > 0, x < image.width - 1, y < image.height - 1 else {
            return hasManySiblingsGeneral(image, x, y)
        }
        let above = image.pixel(x - 1, y - 1), row = image.pixel(x - 1, y), below = image.pixel(x - 1, y + 1)
        let centre = colour(row + 3)
        @inline(__always) func same(_ p: UnsafePointer<UInt8>) -> Int { colour(p) == centre ? 1 : 0 }
        let equal = same(above) + same(above + 3) + same(above + 6) + same(row)
            + same(row + 6) + same(below) + same(below + 3) + same(below + 6)
        return equal > 2
    }

    /// `hasManySiblings` neighbour by neighbour, for any pixel (the border; the tests' reference).
    static func hasManySiblingsGeneral(_ image: PixelView, _ x: Int, _ y: Int) -> Bool {
        let x0 = max(x - 1, 0), y0 = max(y - 1, 0)
        let x2 = min(x + 1, image.width - 1), y2 = min(y + 1, image.height - 1)
        var equal = (x == x0 || x == x2 || y == y0 || y == y2) ? 1 : 0
        for ny in y0...y2 {
            for nx in x0...x2 where nx != x || ny != y {
                if image.same(x, y, nx, ny) {
                    equal += 1
                    if equal > 2 { return true }
                }
            }
        }
        return false
    }

    /// A pixel's three bytes as one number, to compare colours at once.
    @inline(__always)
    private static func colour(_ p: UnsafePointer<UInt8>) -> UInt32 {
        UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16
    }

    @inline(__always)
    private static func count(_ mask: SIMDMask<SIMD8<Int32>>) -> Int32 {
        SIMD8<Int32>(repeating: 0).replacing(with: 1, where: mask).wrappedSum()
    }

    // SIMD8's own min() and max() (and pointwiseMin) stay generic calls here; lane by lane they
    // compile to a few minss/maxss.
    @inline(__always)
    private static func minimum(_ v: SIMD8<Float>) -> Float {
        Swift.min(Swift.min(Swift.min(v[0], v[1]), Swift.min(v[2], v[3])), Swift.min(Swift.min(v[4], v[5]), Swift.min(v[6], v[7])))
    }

    @inline(__always)
    private static func maximum(_ v: SIMD8<Float>) -> Float {
        Swift.max(Swift.max(Swift.max(v[0], v[1]), Swift.max(v[2], v[3])), Swift.max(Swift.max(v[4], v[5]), Swift.max(v[6], v[7])))
    }

    /// The first of the 8 neighbours (in reading order) whose delta is `value`.
    @inline(__always)
    private static func firstLane(of value: Float, in deltas: SIMD8<Float>) -> Int {
        // Without branches (which lane it is can't be predicted): the lanes equal to `value` as
        // bits, the lowest set bit.
        let bits = SIMD8<Int32>(repeating: 0).replacing(with: SIMD8(1, 2, 4, 8, 16, 32, 64, 128), where: deltas .== value)
        return bits.wrappedSum().trailingZeroBitCount
    }

    /// The position of neighbour `lane` (0 1 2 above, 3 left, 4 right, 5 6 7 below) of (x, y).
    @inline(__always)
    private static func neighbour(_ lane: Int, of x: Int, _ y: Int) -> (Int, Int) {
        switch lane {
        case 0...2: (x + lane - 1, y - 1)
        case 3: (x - 1, y)
        case 4: (x + 1, y)
        default: (x + lane - 6, y + 1)
        }
    }
}

/// The brightness (YIQ's Y) of the three rows y − 1 … y + 1 of an image that the anti-aliasing
/// test of row y reads (each neighbour's brightness up to 16 times), computed when first needed.
/// Row r lives in slot r % 3, so moving down one row computes one new row and the 3 rows stay in
/// cache (a whole page's plane would be 8.7 MB per image at 150 dpi). Each band of a parallel
/// comparison has its own: no two threads ever write the same memory. A plain view of memory the
/// comparison allocates and frees (no reference counting in the inner loop).
struct BrightnessRows {
    let view: PixelView
    /// 3 × width values: slot s holds the row `rowInSlot[s]`.
    let values: UnsafeMutablePointer<Float>
    let rowInSlot: UnsafeMutablePointer<Int>

    /// Allocates the rows; `deallocate()` frees them.
    static func allocate(for view: PixelView) -> BrightnessRows {
        let rowInSlot = UnsafeMutablePointer<Int>.allocate(capacity: 3)
        rowInSlot.initialize(repeating: -1, count: 3)
        return BrightnessRows(view: view, values: .allocate(capacity: 3 * view.width), rowInSlot: rowInSlot)
    }

    func deallocate() {
        values.deallocate()
        rowInSlot.deallocate()
    }

    /// Rows y − 1 … y + 1, computed if need be (at the image's top and bottom the missing row is
    /// row y again; only the border path reads there, and never that row).
    @inline(__always)
    func window(around y: Int) -> BrightnessWindow {
        prepare(around: y)
        return BrightnessWindow(above: row(max(0, y - 1)), center: row(y), below: row(min(view.height - 1, y + 1)))
    }

    @inline(__always)
    private func row(_ y: Int) -> UnsafePointer<Float> { UnsafePointer(values + (y % 3) * view.width) }

    /// Makes rows y − 1 … y + 1 (within the image) available.
    @_optimize(speed)
    private func prepare(around y: Int) {
        for row in max(0, y - 1)...min(view.height - 1, y + 1) where rowInSlot[row % 3] != row {
            let source = view.base + row * view.stride
            let out = values + (row % 3) * view.width
            for x in 0..<view.width {
                let p = source + x * 3
                out[x] = Float(p[0]) * 0.29889531 + Float(p[1]) * 0.58662247 + Float(p[2]) * 0.11448223
            }
            rowInSlot[row % 3] = row
        }
    }
}

/// The brightness of rows y − 1, y and y + 1 around the pixel row y being compared.
struct BrightnessWindow {
    let above: UnsafePointer<Float>
    let center: UnsafePointer<Float>
    let below: UnsafePointer<Float>

    /// Row `ny` (y − 1, y or y + 1) of the window around row y.
    @inline(__always)
    func row(_ ny: Int, around y: Int) -> UnsafePointer<Float> { ny < y ? above : ny > y ? below : center }
}
