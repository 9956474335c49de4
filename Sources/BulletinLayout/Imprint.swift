import BulletinModel

/// The footer fields and the 版记 (GB/T 9704-2012 §7.4): footer fields (责编, 核稿 …) packed into
/// rows, then the 报/送/发 lines between rules as wide as the type area — first and last
/// `imprintOuter` mm, between lines `imprintInner` mm — text indented one character on each side,
/// continuation lines aligned after the colon. Placed at the foot of the last page.
extension Typesetter {
    func buildImprint(_ issue: Issue, context: inout CompositionContext) -> PlacedGroup? {
        let styles = spec.styles
        guard !issue.footer.isEmpty || issue.distribution != nil else { return nil }
        var group = PlacedGroup(items: [], height: 0)
        var y = 0.0
        let footer = styles.footer
        if !issue.footer.isEmpty {
            // Fields are never broken; they are packed left to right, two characters apart.
            let gap = 1 * footer.size
            let measure = typeAreaWidth - 2 * footer.inset * footer.size
            var x = 0.0
            var rowHeight = 0.0
            y += footer.spaceBefore
            for (i, field) in issue.footer.enumerated() {
                let lines = context.lines([StyledSpan(text: "\(field.label)：\(field.value)",
                                                      style: context.resolve(footer), path: "footer[\(i)]")],
                                          style: footer)
                let width = lines.map(\.usedWidth).max() ?? 0
                if x > 0 && x + width > measure {
                    y += rowHeight
                    x = 0
                    rowHeight = 0
                }
                var lineY = y
                for (index, line) in lines.enumerated() {
                    group.add(line, x: footer.inset * footer.size + x, y: lineY, role: .footer, path: "footer[\(i)]",
                              index: index, count: lines.count)
                    lineY += line.height
                }
                rowHeight = max(rowHeight, lineY - y)
                x += width
                // The gap to the next field is filled with two ideographic spaces (U+3000), real
                // glyphs rather than empty space, so extractors read the row left to right instead
                // of taking the aligned fields of two rows for columns.
                if i + 1 < issue.footer.count, let first = lines.first {
                    let spacer = context.lines([StyledSpan(text: "\u{3000}", style: context.resolve(footer),
                                                           path: "footer[\(i)]")], style: footer)
                    if x + gap <= measure, let line = spacer.first {
                        group.items += line.placed(x: footer.inset * footer.size + x - line.startX, y: y)
                        _ = first
                    }
                }
                x += gap
            }
            y += rowHeight + footer.spaceAfter
        }
        guard let distribution = issue.distribution else {
            group.height = y
            return group
        }
        let style = styles.distribution
        let outer = mm(spec.rules.imprintOuter), inner = mm(spec.rules.imprintInner)
        func rule(_ thickness: Double) {
            group.items.append(.rule(Rule(x: 0, y: y + thickness / 2, width: typeAreaWidth, thickness: thickness,
                                          color: .black)))
            y += thickness
        }
        var texts: [(String, String)] = distribution.lines.enumerated().map {
            ("\($0.element.label)：\($0.element.text)", "distribution.lines[\($0.offset)]")
        }
        texts += distribution.notes.enumerated().map { ($0.element, "distribution.notes[\($0.offset)]") }
        rule(outer)
        for (i, (text, path)) in texts.enumerated() {
            var lineStyle = style
            // Continuation lines align after the colon: label characters plus the colon.
            if let colon = text.firstIndex(of: "：") {
                lineStyle.hangingIndent = Double(text.distance(from: text.startIndex, to: colon) + 1)
            }
            let lines = context.lines([StyledSpan(text: text, style: context.resolve(lineStyle), path: path)],
                                      style: lineStyle)
            y += style.spaceBefore
            for (index, line) in lines.enumerated() {
                group.add(line, x: style.inset * style.size, y: y, role: .distribution, path: path, index: index,
                          count: lines.count)
                y += line.height
            }
            y += style.spaceAfter
            if i < texts.count - 1 { rule(inner) }
        }
        if let printRun = distribution.printRun {
            var right = style
            right.align = .right
            let lines = context.lines([StyledSpan(text: printRun, style: context.resolve(right),
                                                  path: "distribution.printRun")], style: right)
            for (index, line) in lines.enumerated() {
                group.add(line, x: style.inset * style.size, y: y, role: .distribution, path: "distribution.printRun",
                          index: index, count: lines.count)
                y += line.height
            }
        }
        rule(outer)
        group.height = y
        return group
    }
}
