/// Tells a pixel that differs only because a glyph edge moved by a fraction of a pixel from one
/// that really changed. This is pixelmatch's test (mapbox/pixelmatch, after V. Vyšniauskas,
/// "Anti-aliased Pixel and Intensity Slope Detector", 2009), written for our RGB views:
///
/// a pixel of image A is anti-aliasing when, among its 8 neighbours in A, at most two share its
/// colour, some are darker and some brighter (it lies on an intensity slope, i.e. an edge), and the
/// darkest or the brightest neighbour sits inside a flat area (3+ identical neighbours) in BOTH
/// images — so the edge exists in the other image too and only its sub-pixel position differs.
enum AntialiasingDetector {
    /// Whether the pixel (x, y) of `image` is anti-aliasing, judged with `other` as the second image;
    /// `brightness` holds `image`'s brightness for rows y − 1 … y + 1.
    @inline(__always)
    static func isAntialiased(_ image: PixelView, _ brightness: BrightnessRows, _ other: PixelView, _ x: Int, _ y: Int) -> Bool {
        let x0 = max(x - 1, 0), y0 = max(y - 1, 0)
        let x2 = min(x + 1, image.width - 1), y2 = min(y + 1, image.height - 1)
        // A pixel on the image border has fewer neighbours; count the missing ones as one equal.
        var equal = (x == x0 || x == x2 || y == y0 || y == y2) ? 1 : 0
        var darkest: Float = 0, brightest: Float = 0
        var darkX = 0, darkY = 0, brightX = 0, brightY = 0
        let center = brightness.row(y)[x]
        for ny in y0...y2 {
            let row = brightness.row(ny)
            for nx in x0...x2 where nx != x || ny != y {
                let delta = center - row[nx]
                if delta == 0 {
                    equal += 1
                    if equal > 2 { return false }  // inside a flat area: not an edge
                } else if delta < darkest {
                    darkest = delta
                    darkX = nx; darkY = ny
                } else if delta > brightest {
                    brightest = delta
                    brightX = nx; brightY = ny
                }
            }
        }
        // On an edge there is both a darker and a brighter neighbour.
        guard darkest != 0, brightest != 0 else { return false }
        return (hasManySiblings(image, darkX, darkY) && hasManySiblings(other, darkX, darkY))
            || (hasManySiblings(image, brightX, brightY) && hasManySiblings(other, brightX, brightY))
    }

    /// Whether (x, y) has 3 or more neighbours of exactly its colour (a flat area).
    @inline(__always)
    static func hasManySiblings(_ image: PixelView, _ x: Int, _ y: Int) -> Bool {
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

    /// Row y's values; y must be within one row of the last `prepare(around:)`.
    @inline(__always)
    func row(_ y: Int) -> UnsafePointer<Float> { UnsafePointer(values + (y % 3) * view.width) }

    /// Makes rows y − 1 … y + 1 (within the image) available.
    @_optimize(speed)
    func prepare(around y: Int) {
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
