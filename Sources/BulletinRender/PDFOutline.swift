import BulletinLayout

/// The document outline, the bookmarks a viewer lists (PDF 32000 §12.3.3): one item per
/// `OutlineEntry`, nested by level, every item open, each going to its page at its y.
enum PDFOutline {
    /// Writes the items and their root; returns the root's object number (nil: no entries).
    /// `pages` are the page objects' numbers and heights, in order.
    static func write(_ entries: [OutlineEntry], pages: [(id: Int, height: Double)],
                      to file: inout PDFFileWriter) -> Int? {
        guard !entries.isEmpty, !pages.isEmpty else { return nil }
        // An entry's parent is the nearest earlier entry of a smaller level; none: the root.
        // Index `entries.count` stands for the root.
        let root = entries.count
        var children = [[Int]](repeating: [], count: entries.count + 1)
        var parent = [Int](repeating: root, count: entries.count)
        var open: [Int] = []
        for (index, entry) in entries.enumerated() {
            while let last = open.last, entries[last].level >= entry.level { open.removeLast() }
            parent[index] = open.last ?? root
            children[parent[index]].append(index)
            open.append(index)
        }
        // Every item is open, so an item's /Count is the number of all its descendants.
        var descendants = [Int](repeating: 0, count: entries.count + 1)
        for index in entries.indices.reversed() { descendants[parent[index]] += 1 + descendants[index] }

        let ids = (0...entries.count).map { _ in file.reserve() }
        for (index, entry) in entries.enumerated() {
            let siblings = children[parent[index]]
            let position = siblings.firstIndex(of: index)!
            file.beginObject(ids[index])
            file.out.append("<< /Title ")
            file.out.append(textString: entry.title)
            file.out.append(" /Parent ")
            file.append(reference: ids[parent[index]])
            if position > 0 {
                file.out.append(" /Prev ")
                file.append(reference: ids[siblings[position - 1]])
            }
            if position + 1 < siblings.count {
                file.out.append(" /Next ")
                file.append(reference: ids[siblings[position + 1]])
            }
            appendFamily(children[index], count: descendants[index], ids: ids, to: &file)
            // /XYZ left top zoom: the entry's y at the window's top, zoom unchanged (§12.3.2.2).
            let page = pages[min(max(entry.page, 0), pages.count - 1)]
            file.out.append(" /Dest [")
            file.append(reference: page.id)
            file.out.append(" /XYZ 0 ")
            file.out.append(page.height - entry.y, decimals: 3)
            file.out.append(" null] >>")
            file.endObject()
        }
        file.beginObject(ids[root])
        file.out.append("<< /Type /Outlines")
        appendFamily(children[root], count: descendants[root], ids: ids, to: &file)
        file.out.append(" >>")
        file.endObject()
        return ids[root]
    }

    private static func appendFamily(_ children: [Int], count: Int, ids: [Int], to file: inout PDFFileWriter) {
        guard let first = children.first, let last = children.last else { return }
        file.out.append(" /First ")
        file.append(reference: ids[first])
        file.out.append(" /Last ")
        file.append(reference: ids[last])
        file.out.append(" /Count ")
        file.out.append(count)
    }
}
