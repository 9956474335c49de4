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
    let rows: Int
    private var counts: [Int32]
    private var bounds: [(minX: Int32, minY: Int32, maxX: Int32, maxY: Int32)]

    init(width: Int, height: Int) {
        columns = (width + Self.tile - 1) / Self.tile
        rows = (height + Self.tile - 1) / Self.tile
        counts = [Int32](repeating: 0, count: columns * rows)
        bounds = Array(repeating: (Int32.max, Int32.max, Int32.min, Int32.min), count: columns * rows)
    }

    @inline(__always)
    mutating func add(_ x: Int, _ y: Int) {
        let index = (y / Self.tile) * columns + x / Self.tile
        counts[index] += 1
        let x32 = Int32(x), y32 = Int32(y)
        if x32 < bounds[index].minX { bounds[index].minX = x32 }
        if y32 < bounds[index].minY { bounds[index].minY = y32 }
        if x32 > bounds[index].maxX { bounds[index].maxX = x32 }
        if y32 > bounds[index].maxY { bounds[index].maxY = y32 }
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
