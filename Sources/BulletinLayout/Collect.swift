import BulletinFonts
import BulletinModel

/// Step 1 of laying out an issue: walk the model in reading order and compose each element into
/// a `FlowBlock` of lines in its style. The masthead and the 版记 are composed separately
/// (`MastheadBuilder`, `ImprintBuilder`) because they are placed, not flowed.
extension Typesetter {
    func collectBlocks(_ issue: Issue, context: inout CompositionContext) -> [FlowBlock] {
        var blocks: [FlowBlock] = []
        let styles = spec.styles
        for (s, section) in issue.sections.enumerated() {
            let sp = "sections[\(s)]"
            if let column = section.column {
                blocks.append(context.block(.column, text: "【\(column)】", style: styles.column, path: "\(sp).column",
                                            keepWithNext: true, outline: ("【\(column)】", 1)))
            }
            let articleLevel = section.column == nil ? 1 : 2
            for (a, article) in section.articles.enumerated() {
                let ap = "\(sp).articles[\(a)]"
                var outlineTitle: String? = article.headline ?? article.runInTitle ?? article.kicker
                if outlineTitle == nil, let first = article.blocks.first {
                    outlineTitle = String(first.plainText.prefix(24))
                }
                func takeOutline() -> (String, Int)? {
                    defer { outlineTitle = nil }
                    return outlineTitle.map { ($0, articleLevel) }
                }
                if let note = article.editorsNote {
                    blocks.append(context.paragraph(.editorsNote, note, style: styles.editorsNote,
                                                    path: "\(ap).editorsNote", outline: takeOutline()))
                }
                if let kicker = article.kicker {
                    blocks.append(context.block(.kicker, text: kicker, style: styles.kicker, path: "\(ap).kicker",
                                                keepWithNext: true, outline: takeOutline()))
                }
                if let headline = article.headline {
                    blocks.append(context.block(.headline, text: headline, style: styles.headline,
                                                path: "\(ap).headline", keepWithNext: true, outline: takeOutline()))
                }
                if let subtitle = article.subtitle {
                    blocks.append(context.block(.subtitle, text: subtitle, style: styles.subtitle,
                                                path: "\(ap).subtitle", keepWithNext: true, outline: takeOutline()))
                }
                for (b, block) in article.blocks.enumerated() {
                    let bp = "\(ap).blocks[\(b)]"
                    switch block {
                    case .paragraph(let paragraph):
                        blocks.append(context.paragraph(.paragraph, paragraph, style: styles.body, path: bp,
                                                        outline: takeOutline()))
                    case .note(let paragraph):
                        blocks.append(context.paragraph(.note, paragraph, style: styles.note, path: bp,
                                                        outline: takeOutline()))
                    case .heading(let heading):
                        let level = min(max(heading.level, 1), styles.heading.count)
                        blocks.append(context.block(.heading, text: (heading.label ?? "") + heading.text,
                                                    style: styles.heading[level - 1], path: bp, keepWithNext: true,
                                                    outline: takeOutline()))
                    }
                }
                if let attribution = article.attribution {
                    var block = context.block(.attribution, text: "（\(attribution)）", style: styles.attribution,
                                              path: "\(ap).attribution", keepWithNext: false, outline: nil)
                    block.keepWithPrevious = true
                    blocks.append(block)
                }
            }
        }
        return blocks
    }
}

extension Article {
    /// The run-in title of the first paragraph, if it has one.
    public var runInTitle: String? {
        guard case .paragraph(let p)? = blocks.first else { return nil }
        let title = p.runs.prefix { $0.role == .title }.map(\.text).joined()
        return title.isEmpty ? nil : title
    }
}

extension Block {
    /// The block's text as printed (a heading with its label).
    public var plainText: String {
        switch self {
        case .paragraph(let p), .note(let p): return p.text
        case .heading(let h): return (h.label ?? "") + h.text
        }
    }
}
