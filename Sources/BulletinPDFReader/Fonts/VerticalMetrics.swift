/// A CIDFont's metrics for vertical writing (§9.7.4.3): for each CID the vertical advance w1y and
/// the position vector v from the glyph's horizontal origin to its vertical one, in text space
/// units (thousandths of the font's /W2 and /DW2 numbers). A glyph is drawn with its horizontal
/// origin at the current point minus v, and the pen then moves w1y × font size (negative: down).
struct VerticalMetrics {
    struct Metric: Equatable {
        /// w1y: the vertical advance (−1 for a full em downwards).
        var advance: Double
        /// v: from the horizontal origin to the vertical one. x is half the horizontal width
        /// unless /W2 gives it.
        var originX: Double?
        var originY: Double
    }

    /// /DW2 [vy w1y]; the default [880 −1000] when absent.
    var defaultMetric = Metric(advance: -1, originX: nil, originY: 0.88)
    private var singles: [UInt32: Metric] = [:]
    private var ranges: [(low: UInt32, high: UInt32, metric: Metric)] = []

    /// Whether /W2 or /DW2 changed anything from the defaults.
    var isDefault: Bool { singles.isEmpty && ranges.isEmpty && defaultMetric == VerticalMetrics().defaultMetric }

    init() {}

    /// Reads /DW2 and /W2 of a descendant CIDFont; `number` resolves each item (references allowed).
    /// Malformed parts are skipped, as /W's are: a metric less is one em more, not a lost glyph.
    init(dw2: [PDFObject]?, w2: [PDFObject]?, number: (PDFObject) -> Double?, array: (PDFObject) -> [PDFObject]?) {
        if let dw2, dw2.count >= 2, let vy = number(dw2[0]), let w1 = number(dw2[1]) {
            defaultMetric = Metric(advance: w1 / 1000, originX: nil, originY: vy / 1000)
        }
        let items = w2 ?? []
        var index = 0
        func cid(_ item: PDFObject) -> UInt32? {
            guard let value = number(item), value >= 0, value < Double(UInt32.max) - 65_536 else { return nil }
            return UInt32(value)
        }
        while index < items.count {
            guard let first = cid(items[index]) else { index += 1; continue }
            // `c [w1y v1x v1y w1y v1x v1y …]`: consecutive CIDs from c.
            if index + 1 < items.count, let list = array(items[index + 1]) {
                let values = list.prefix(3 * 65_536).compactMap(number)
                for k in 0..<(values.count / 3) {
                    singles[first + UInt32(k)] = Metric(advance: values[3 * k] / 1000, originX: values[3 * k + 1] / 1000,
                                                        originY: values[3 * k + 2] / 1000)
                }
                index += 2
            // `cfirst clast w1y v1x v1y`: one metric for the range.
            } else if index + 4 < items.count, let last = cid(items[index + 1]), last >= first,
                      let w1 = number(items[index + 2]), let vx = number(items[index + 3]), let vy = number(items[index + 4]) {
                ranges.append((first, last, Metric(advance: w1 / 1000, originX: vx / 1000, originY: vy / 1000)))
                index += 5
            } else {
                index += 1
            }
        }
    }

    /// The metric of `cid` (nil: a code no CID maps), with v's x filled in from the horizontal
    /// `width` (§9.7.4.3: half of it by default).
    func metric(cid: UInt32?, width: Double) -> Metric {
        var metric = defaultMetric
        if let cid {
            if let single = singles[cid] {
                metric = single
            } else if let range = ranges.first(where: { cid >= $0.low && cid <= $0.high }) {
                metric = range.metric
            }
        }
        if metric.originX == nil { metric.originX = width / 2 }
        return metric
    }
}
