/// Spends a line's slack on its gaps in clreq's priority order (see `GapSpacing`): each tier is
/// used up, proportionally within the tier, before the next one is touched.
enum Justifier {
    /// Adjustment of each gap (same order as `gaps`) so the line changes width by `slack`
    /// (positive: stretch, negative: shrink). When every tier is exhausted, the last stretch tier
    /// (all inter-character gaps equally) takes the rest; shrinking never goes past what the gaps
    /// allow (an overfull line stays overfull rather than overlapping glyphs).
    static func adjustments(for gaps: [GapSpacing], slack: Double) -> [Double] {
        var result = [Double](repeating: 0, count: gaps.count)
        guard slack != 0, !gaps.isEmpty else { return result }
        var remaining = abs(slack)
        let stretching = slack > 0
        let tierCount = stretching ? GapSpacing.StretchTier.allCases.count : GapSpacing.ShrinkTier.allCases.count
        for tier in 0..<tierCount {
            let capacity = gaps.reduce(0) { $0 + (stretching ? $1.stretch[tier] : $1.shrink[tier]) }
            guard capacity > 0 else { continue }
            let isLastResort = stretching && tier == tierCount - 1
            let used = isLastResort ? remaining : min(remaining, capacity)
            let fraction = used / capacity
            for (i, gap) in gaps.enumerated() {
                let amount = (stretching ? gap.stretch[tier] : gap.shrink[tier]) * fraction
                result[i] += stretching ? amount : -amount
            }
            remaining -= used
            if remaining <= 1e-9 { break }
        }
        return result
    }
}
