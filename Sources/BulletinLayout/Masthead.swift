import BulletinModel

/// The 报头 on page 1 (bulletin-format.md §3): red title centred near the top, 期号 (总期号)
/// centred below, issuer flush left and date flush right on one line, and a red rule under them.
/// It takes `rules.mastheadLines` grid lines, about the top third of the type area.
extension Typesetter {
    func buildMasthead(_ masthead: Masthead, context: inout CompositionContext) -> PlacedGroup {
        let styles = spec.styles
        var items: [DisplayItem] = []
        var y = 0.0
        func add(_ lines: [ComposedLine], style: BlockStyle) {
            y += style.spaceBefore
            for line in lines {
                items += line.placed(x: style.inset * style.size, y: y)
                y += line.height
            }
            y += style.spaceAfter
        }
        for (i, line) in masthead.extraLines.enumerated() {
            add(context.lines([span(line, styles.mastheadExtra, "masthead.extraLines[\(i)]", context)],
                              style: styles.mastheadExtra), style: styles.mastheadExtra)
        }
        add(fittedTitle(masthead.title, context: &context), style: styles.mastheadTitle)
        let number = masthead.number + (masthead.totalNumber.map { "（\($0)）" } ?? "")
        add(context.lines([span(number, styles.mastheadNumber, "masthead.number", context)],
                          style: styles.mastheadNumber), style: styles.mastheadNumber)
        // Issuer left and date right share one line.
        var left = styles.mastheadIssuer
        left.align = .left
        var right = styles.mastheadIssuer
        right.align = .right
        let issuer = context.lines([span(masthead.issuer, left, "masthead.issuer", context)], style: left)
        let date = context.lines([span(masthead.date, right, "masthead.date", context)], style: right)
        y += left.spaceBefore
        let lineTop = y
        for line in issuer { items += line.placed(x: 0, y: y); y += line.height }
        var dateY = lineTop
        for line in date { items += line.placed(x: 0, y: dateY); dateY += line.height }
        y = max(y, dateY)
        let ruleY = y + mm(spec.rules.mastheadGap) - (left.leading - left.size) / 2
        items.append(.rule(Rule(x: 0, y: ruleY, width: typeAreaWidth, thickness: spec.rules.mastheadThickness,
                                color: spec.rules.mastheadColor)))
        var height = ruleY + spec.rules.mastheadThickness / 2
        let reserved = Double(spec.rules.mastheadLines) * (gridPitch ?? spec.styles.body.leading)
        height = max(height, reserved)
        if let pitch = gridPitch { height = (height / pitch - 0.001).rounded(.up) * pitch }
        return PlacedGroup(items: items, height: height)
    }

    private func span(_ text: String, _ style: BlockStyle, _ path: String, _ context: CompositionContext) -> StyledSpan {
        StyledSpan(text: text, style: context.resolve(style), path: path)
    }

    /// The title in one line: a title wider than the type area is set smaller until it fits
    /// (a masthead title never wraps).
    private func fittedTitle(_ title: String, context: inout CompositionContext) -> [ComposedLine] {
        var style = spec.styles.mastheadTitle
        var lines = context.lines([span(title, style, "masthead.title", context)], style: style)
        var attempts = 0
        while lines.count > 1 && attempts < 6 {
            let natural = lines.reduce(0) { $0 + $1.usedWidth }
            let measure = typeAreaWidth - 2 * style.inset * style.size
            style.size = (style.size * measure / natural * 0.995 * 100).rounded(.down) / 100
            lines = context.lines([span(title, style, "masthead.title", context)], style: style)
            attempts += 1
        }
        return lines
    }
}
