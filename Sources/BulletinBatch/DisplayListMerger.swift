import BulletinFonts
import BulletinLayout

/// Appends display lists one after another into one: pages in order, one shared font table (a
/// face used by several lists appears once, so the PDF embeds each font once), glyph runs'
/// font indices rewritten, outline entries and line records moved to their new pages.
struct DisplayListMerger {
    private(set) var list: DisplayList
    private var fontIndex: [ObjectIdentifier: Int] = [:]

    init(metadata: DocumentMetadata) {
        list = DisplayList(pages: [], fonts: [], metadata: metadata, outline: [])
    }

    var pageCount: Int { list.pages.count }

    /// Appends `other`'s pages; `outline` (pages counted within `other`) replaces its own outline.
    mutating func append(_ other: DisplayList, outline: [OutlineEntry]) {
        let offset = list.pages.count
        let mapping = other.fonts.map { face -> Int in
            let key = ObjectIdentifier(face)
            if let index = fontIndex[key] { return index }
            list.fonts.append(face)
            fontIndex[key] = list.fonts.count - 1
            return list.fonts.count - 1
        }
        for page in other.pages {
            var moved = page
            moved.items = page.items.map { item in
                guard case .glyphs(var run) = item else { return item }
                run.font = mapping[run.font]
                return .glyphs(run)
            }
            list.pages.append(moved)
        }
        list.outline += outline.map { entry in
            var moved = entry
            moved.page += offset
            return moved
        }
        list.lineRecords += other.lineRecords.map { record in
            var moved = record
            moved.page += offset
            return moved
        }
    }
}
