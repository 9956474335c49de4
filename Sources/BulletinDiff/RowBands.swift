import Foundation

/// How `PixelComparison` cuts a page's differing rows into horizontal bands compared in parallel.
///
/// Two unrelated pages differ on nearly every text row (≈ 30 ms for one thread at 150 dpi); a
/// page with one edited sentence differs on a few dozen rows (≈ 0.5 ms), where starting threads
/// would cost more than it saves. So a page is cut only when it has enough differing rows, into
/// at most two bands per processor.
///
/// Bands are cut at tile boundaries (multiples of `TileGrid.tile` rows), so every tile of the
/// region grid belongs to exactly one band and the bands' grids merge by copying. The
/// anti-aliasing test of a row reads the rows above and below it too, but only as read-only
/// pixels; each band computes the brightness of the rows it needs in its own memory.
enum RowBands {
    /// Fewer differing rows than this per band: not worth a thread.
    static let minimumRowsPerBand = 128
    /// Rows differ in work (a line of dense glyphs against white space), so bands of equal row
    /// counts don't take equally long: with two per processor, a thread done early takes another
    /// (measured on two unrelated A4 pages on 2 cores: 4 bands 9.3 ms, 2 bands 10.6 ms).
    static let bandsPerProcessor = 2
    /// More bands than this gain nothing on page-sized work.
    static let maximumCount = 8
    /// Asked once: `activeProcessorCount` reads the system's CPU list.
    static let processors = ProcessInfo.processInfo.activeProcessorCount

    /// The number of bands for a page with `differingRows` differing rows on this machine.
    static func automaticCount(differingRows: Int) -> Int {
        max(1, min(bandsPerProcessor * processors, maximumCount, differingRows / minimumRowsPerBand))
    }

    /// Cuts `rows` (ascending row numbers) into at most `count` runs of roughly equal numbers of
    /// rows (the work is in the differing rows, not in the page's height), each cut moved up to
    /// the start of its tile row. Returns index ranges into `rows`, top to bottom, none empty
    /// (one empty range when `rows` is empty).
    static func split(_ rows: [Int32], into count: Int) -> [Range<Int>] {
        guard count > 1, rows.count > 1 else { return [0..<rows.count] }
        var cuts = [0]
        for k in 1..<count {
            var cut = k * rows.count / count
            let tileRowStart = Int(rows[cut]) / TileGrid.tile * TileGrid.tile
            // Rows of the same tile row stay together: move the cut up to the tile row's first row.
            while cut > cuts.last!, rows[cut - 1] >= tileRowStart { cut -= 1 }
            if cut > cuts.last! { cuts.append(cut) }
        }
        cuts.append(rows.count)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }
}
