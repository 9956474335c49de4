import BulletinDiff

/// Compares one document's pages with another's: pages paired by number (a page only one side
/// has is `added` or `removed`, never stretched to fit), each pair by `PixelComparison` within
/// `DiffBudget`, then `ChangeSummary` names what changed on the pages that differ.
struct DocumentComparer {
    var comparison: PixelComparison
    var budget: DiffBudget
    /// Where report images go (nil: no report).
    var images: ReportImages?

    func compare(name: String, base: LoadedDocument, new: LoadedDocument) -> DocumentReport {
        var report = DocumentReport(name: name, status: .same, basePages: base.pages.count, newPages: new.pages.count,
                                    warnings: base.warnings + new.warnings)
        var regions: [Int: [DiffRegion]] = [:]
        for index in 0..<max(base.pages.count, new.pages.count) {
            let basePage = index < base.pages.count ? base.pages[index] : nil
            let newPage = index < new.pages.count ? new.pages[index] : nil
            var page: PageReport
            do {
                page = try comparePage(index, name: name, base: basePage, new: newPage)
            } catch {
                page = PageReport(page: index + 1, status: .error, error: error.description)
            }
            if page.status == .different { regions[index] = page.regions }
            report.pages.append(page)
        }
        report.changes = changes(base: base, new: new, pages: report.pages, regions: regions)
        if report.pages.contains(where: { $0.status == .error }) {
            report.status = .error
        } else if report.pages.contains(where: { $0.status != .same }) {
            report.status = .different
        }
        return report
    }

    /// One page pair (either side may be missing).
    private func comparePage(_ index: Int, name: String, base: LoadedDocument.Page?,
                             new: LoadedDocument.Page?) throws(DiffError) -> PageReport {
        let number = index + 1
        guard let base else {
            let image = try new!.image.get()
            return PageReport(page: number, status: .added, totalPixels: image.width * image.height,
                              images: try images?.write(name, number, actual: new!, image: image))
        }
        guard let new else {
            let image = try base.image.get()
            return PageReport(page: number, status: .removed, totalPixels: image.width * image.height,
                              images: try images?.write(name, number, expected: base, image: image))
        }
        let expected = try base.image.get(), actual = try new.image.get()
        let result: PixelComparison.Result
        do {
            result = try comparison.compare(expected, actual, keepingMarks: images != nil)
        } catch {
            var page = PageReport(page: number, status: .error, error: DiffError.pageSize(document: name, page: index, error).description)
            page.images = try images?.write(name, number, expected: base, expectedImage: expected, actual: new,
                                            actualImage: actual, diff: nil)
            return page
        }
        var page = PageReport(page: number, status: budget.allows(result) ? .same : .different,
                              differingPixels: result.differingPixels, antialiasedPixels: result.antialiasedPixels,
                              shiftedPixels: result.shiftedPixels,
                              totalPixels: result.totalPixels, ratio: result.ratio, regions: result.regions)
        if page.status == .different, let images {
            page.images = try images.write(name, number, expected: base, expectedImage: expected, actual: new,
                                           actualImage: actual, diff: DiffImage.draw(expected: expected, result: result))
        }
        return page
    }

    /// What changed, page by page in order: a page added or removed, the text changes touching
    /// the page, then the regions no text change explains. Pages within budget get no entries.
    private func changes(base: LoadedDocument, new: LoadedDocument, pages: [PageReport],
                         regions: [Int: [DiffRegion]]) -> [Change] {
        let changed = pages.filter { $0.status == .different || $0.status == .added || $0.status == .removed }.map(\.page)
        guard !changed.isEmpty else { return [] }
        // Text is compared only when both sides know it; otherwise regions say where.
        let bothLines = base.lines != nil && new.lines != nil
        let text = bothLines ? ChangeSummary.textChanges(base: base.lines!, new: new.lines!) : []
        var result: [Change] = []
        var listed = Set<Int>()
        for number in changed {
            let page = pages[number - 1]
            if page.status == .added || page.status == .removed {
                result.append(ChangeSummary.pageChange(page: number - 1, added: page.status == .added))
            }
            for (i, change) in text.enumerated() where !listed.contains(i) && change.touches(page: number) {
                listed.insert(i)
                result.append(change)
            }
            if let pageRegions = regions[number - 1] {
                result += ChangeSummary.regions(pageRegions, page: number - 1,
                                                pointsPerPixel: new.pointsPerPixel ?? base.pointsPerPixel,
                                                base: bothLines ? base.lines! : [], new: bothLines ? new.lines! : [],
                                                known: text)
            }
        }
        return result
    }
}
