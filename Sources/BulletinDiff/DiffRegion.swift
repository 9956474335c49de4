/// A rectangle in pixels: `x`, `y` of the top-left corner, `width` and `height`.
public struct PixelRect: Equatable, Hashable, Sendable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func union(_ other: PixelRect) -> PixelRect {
        let minX = min(x, other.x), minY = min(y, other.y)
        return PixelRect(x: minX, y: minY, width: max(maxX, other.maxX) - minX, height: max(maxY, other.maxY) - minY)
    }
}

/// A cluster of differing pixels: its bounding box and how many pixels in it differ.
public struct DiffRegion: Equatable, Sendable, Codable {
    public var rect: PixelRect
    public var differingPixels: Int

    public init(rect: PixelRect, differingPixels: Int) {
        self.rect = rect
        self.differingPixels = differingPixels
    }
}

/// Counts differing pixels per 16 × 16 tile with their exact bounds, then joins touching tiles
/// (8-neighbourhood) into regions. Tiles keep the work proportional to the page, not to the
/// number of differing pixels, and a glyph's strokes (gaps well under 16 px at 150 dpi) join into
/// one region while text lines mostly stay apart.
struct TileGrid {
    static let tile = 16
    let columns: Int
    /// The tile rows this grid covers: one band's, or those of all bands of a comparison.
    let tileRows: Range<Int>
    var rows: Int { tileRows.count }
    private var counts: [Int32]
    private var bounds: [Bounds]

    private struct Bounds {
        var minX = Int32.max, minY = Int32.max, maxX = Int32.min, maxY = Int32.min
    }

    /// A grid over the tile rows `tileRows` of a page `width` pixels wide (pixel rows from
    /// tileRows.lowerBound × 16 on): a comparison's band, or the rows of all its bands.
    init(width: Int, tileRows: Range<Int>) {
        self.init(columns: (width + Self.tile - 1) / Self.tile, tileRows: tileRows)
    }

    private init(columns: Int, tileRows: Range<Int>) {
        self.columns = columns
        self.tileRows = tileRows
        counts = [Int32](repeating: 0, count: columns * tileRows.count)
        bounds = Array(repeating: Bounds(), count: columns * tileRows.count)
    }

    @inline(__always)
    mutating func add(_ x: Int, _ y: Int) {
        let index = (y / Self.tile - tileRows.lowerBound) * columns + x / Self.tile
        counts[index] += 1
        let x32 = Int32(x), y32 = Int32(y)
        if x32 < bounds[index].minX { bounds[index].minX = x32 }
        if y32 < bounds[index].minY { bounds[index].minY = y32 }
        if x32 > bounds[index].maxX { bounds[index].maxX = x32 }
        if y32 > bounds[index].maxY { bounds[index].maxY = y32 }
    }

    /// One grid over the tile rows of `bands` (grids of consecutive bands, top to bottom), so
    /// that regions crossing a band boundary are found whole; nil when there are none.
    init?(joining bands: [TileGrid]) {
        guard let first = bands.first, let last = bands.last else { return nil }
        guard bands.count > 1 else {
            self = first
            return
        }
        self.init(columns: first.columns, tileRows: first.tileRows.lowerBound..<last.tileRows.upperBound)
        for band in bands { merge(band) }
    }

    /// Takes over the tiles of `band`, a grid over some of this grid's tile rows that no other
    /// merged band shares (bands of a comparison are cut at tile boundaries), so its tiles are
    /// copied, not added: the merged grid is exactly the one a single pass would have filled.
    private mutating func merge(_ band: TileGrid) {
        precondition(band.columns == columns && tileRows.lowerBound <= band.tileRows.lowerBound
                     && band.tileRows.upperBound <= tileRows.upperBound, "band outside the grid")
        let start = (band.tileRows.lowerBound - tileRows.lowerBound) * columns
        counts.replaceSubrange(start..<start + band.counts.count, with: band.counts)
        bounds.replaceSubrange(start..<start + band.bounds.count, with: band.bounds)
    }

    /// Connected groups of non-empty tiles, sorted top to bottom, then left to right.
    func regions() -> [DiffRegion] {
        var seen = [Bool](repeating: false, count: counts.count)
        var regions: [DiffRegion] = []
        for start in counts.indices where counts[start] > 0 && !seen[start] {
            var stack = [start]
            seen[start] = true
            var rect: PixelRect?
            var pixels = 0
            while let index = stack.popLast() {
                let b = bounds[index]
                let tileRect = PixelRect(x: Int(b.minX), y: Int(b.minY), width: Int(b.maxX - b.minX) + 1,
                                         height: Int(b.maxY - b.minY) + 1)
                rect = rect.map { $0.union(tileRect) } ?? tileRect
                pixels += Int(counts[index])
                let column = index % columns, row = index / columns
                for dy in -1...1 {
                    for dx in -1...1 {
                        let c = column + dx, r = row + dy
                        guard c >= 0, c < columns, r >= 0, r < rows else { continue }
                        let neighbour = r * columns + c
                        if counts[neighbour] > 0 && !seen[neighbour] {
                            seen[neighbour] = true
                            stack.append(neighbour)
                        }
                    }
                }
            }
            regions.append(DiffRegion(rect: rect!, differingPixels: pixels))
        }
        // Reading order: by tile row, then left to right (regions of one text line share a row).
        return regions.sorted { ($0.rect.y / Self.tile, $0.rect.x) < ($1.rect.y / Self.tile, $1.rect.x) }
    }
}
