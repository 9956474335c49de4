import Foundation

/// The report as one self-contained HTML page: inline CSS and script, no network, images by
/// relative path (`pages/…png`, written beside it). Pages that changed come first, the most
/// changed at the top (errors before all), each with the list of changes and four views of the
/// page: side by side, a slider that wipes from expected to actual, an overlay with adjustable
/// opacity, and the difference image (red: ink added, blue: ink removed, yellow: anti-aliasing
/// forgiven).
public enum HTMLReport {
    public static func render(_ report: DiffReport) -> String {
        var html = """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>bulletin-pdf diff: \(escape(headline(report)))</title>
        <style>\(style)</style>
        </head>
        <body data-view="side">
        <header>
        <h1 class="\(report.outcome.rawValue)">\(escape(headline(report)))</h1>
        <p>base: \(escape(report.base))<br>new: \(escape(report.new))</p>
        <p class="settings">\(escape(settings(report.settings)))</p>

        """
        if !report.errors.isEmpty || report.documents.contains(where: { !$0.errors.isEmpty }) {
            html += "<ul class=\"errors\">"
            for error in report.errors { html += "<li>\(escape(error))</li>" }
            for document in report.documents {
                for error in document.errors { html += "<li>\(escape(document.name)): \(escape(error))</li>" }
            }
            html += "</ul>\n"
        }
        if !report.warnings.isEmpty {
            html += "<ul class=\"warnings\">" + report.warnings.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        if !report.updates.isEmpty {
            html += "<ul class=\"updates\">" + report.updates.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        html += """
        <nav>View:
        <label><input type="radio" name="view" value="side" checked> side by side</label>
        <label><input type="radio" name="view" value="slider"> slider</label>
        <label><input type="radio" name="view" value="overlay"> overlay</label>
        <label><input type="radio" name="view" value="difference"> difference</label>
        <span class="legend"><i style="background:#e60012"></i>ink added <i style="background:#005ae6"></i>ink removed
        <i style="background:#fac800"></i>forgiven (anti-aliasing, shift)</span>
        </nav>
        </header>
        <main>

        """
        for document in report.documents where document.status == .added || document.status == .removed {
            html += "<section class=\"page \(document.status.rawValue)\"><h2>\(escape(document.name)) "
                + "<span class=\"badge\">document \(document.status.rawValue)</span></h2>"
                + "<p>\((document.newPages ?? document.basePages).map { "\($0) pages" } ?? "")</p></section>\n"
        }
        for (document, page) in changedPages(report) { html += section(document, page) }
        let same = report.documents.compactMap { document -> String? in
            let pages = document.pages.filter { $0.status == .same }.map(\.page)
            return pages.isEmpty ? nil : "\(escape(document.name.isEmpty ? "document" : document.name)): p\(ranges(pages))"
        }
        if !same.isEmpty {
            html += "<section class=\"same\"><h2>Same (within budget)</h2><p>\(same.joined(separator: "<br>"))</p></section>\n"
        }
        html += "</main>\n<script>\(script)</script>\n</body>\n</html>\n"
        return html
    }

    /// Pages that are not the same, most changed first: errors, then added or removed pages, then
    /// by the share of differing pixels.
    public static func changedPages(_ report: DiffReport) -> [(DocumentReport, PageReport)] {
        func weight(_ page: PageReport) -> Double {
            switch page.status {
            case .error: return 3
            case .added, .removed: return 2
            default: return page.ratio
            }
        }
        let pages = report.documents.flatMap { document in document.pages.filter { $0.status != .same }.map { (document, $0) } }
        return pages.sorted { a, b in
            let (wa, wb) = (weight(a.1), weight(b.1))
            return wa != wb ? wa > wb : (a.0.name, a.1.page) < (b.0.name, b.1.page)
        }
    }

    private static func section(_ document: DocumentReport, _ page: PageReport) -> String {
        let name = document.name.isEmpty ? "document" : document.name
        var amount = ""
        if page.status == .different {
            amount = String(format: " %.3f%% (%d px)", page.ratio * 100, page.differingPixels)
        }
        var html = "<section class=\"page \(page.status.rawValue)\" id=\"\(escape(name))-p\(page.page)\">\n"
            + "<h2>\(escape(name)) · p\(page.page) <span class=\"badge\">\(page.status.rawValue)</span>\(amount)</h2>\n"
        if let error = page.error { html += "<p class=\"error\">\(escape(error))</p>\n" }
        let changes = document.changes.filter { $0.touches(page: page.page) }
        if !changes.isEmpty {
            html += "<ul class=\"changes\">" + changes.map { "<li class=\"\($0.kind.rawValue)\">\(escape($0.description))</li>" }.joined()
                + "</ul>\n"
        }
        guard let images = page.images else { return html + "</section>\n" }
        let expected = images.expected.map { "<img src=\"\(escape($0))\" alt=\"expected\" loading=\"lazy\">" } ?? "<div class=\"none\">no page</div>"
        let actual = images.actual.map { "<img src=\"\(escape($0))\" alt=\"actual\" loading=\"lazy\">" } ?? "<div class=\"none\">no page</div>"
        html += "<div class=\"views\">\n"
        html += "<div class=\"side\"><figure>\(expected)<figcaption>expected (base)</figcaption></figure>"
            + "<figure>\(actual)<figcaption>actual (new)</figcaption></figure></div>\n"
        if let e = images.expected, let a = images.actual {
            html += "<div class=\"slider\"><div class=\"stack\" style=\"--position:50%\"><img src=\"\(escape(e))\" alt=\"expected\" loading=\"lazy\">"
                + "<img class=\"top wipe\" src=\"\(escape(a))\" alt=\"actual\" loading=\"lazy\"></div>"
                + "<input type=\"range\" min=\"0\" max=\"100\" value=\"50\" data-var=\"--position\" data-unit=\"%\"> expected | actual</div>\n"
            html += "<div class=\"overlay\"><div class=\"stack\" style=\"--opacity:0.5\"><img src=\"\(escape(e))\" alt=\"expected\" loading=\"lazy\">"
                + "<img class=\"top fade\" src=\"\(escape(a))\" alt=\"actual\" loading=\"lazy\"></div>"
                + "<input type=\"range\" min=\"0\" max=\"1\" step=\"0.05\" value=\"0.5\" data-var=\"--opacity\" data-unit=\"\"> opacity of actual</div>\n"
        }
        html += "<div class=\"difference\">"
            + (images.diff.map { "<img src=\"\(escape($0))\" alt=\"difference\" loading=\"lazy\">" } ?? "<div class=\"none\">no difference image (see above)</div>")
            + "</div>\n</div>\n</section>\n"
        return html
    }

    static func headline(_ report: DiffReport) -> String {
        let t = report.totals
        switch report.outcome {
        case .same: return "same — \(t.pages) pages in \(t.documents) documents"
        case .different: return "different — \(t.differentPages) of \(t.pages) pages in \(t.differentDocuments) of \(t.documents) documents"
        case .error: return "error — \(report.errors.count + t.errorPages + t.errorDocuments) problems; \(t.differentPages) pages different"
        }
    }

    static func settings(_ s: DiffReport.Settings) -> String {
        var parts = ["threshold \(s.threshold)", s.detectsAntialiasing ? "anti-aliasing forgiven" : "anti-aliasing counted"]
        if s.shiftTolerance > 0 { parts.append("shifts up to \(s.shiftTolerance) px forgiven") }
        parts.append("budget \(s.maxDiffPixels.map(String.init) ?? (s.maxDiffRatio == nil ? "0" : "any")) px"
                     + (s.maxDiffRatio.map { ", ratio \($0)" } ?? ""))
        if let dpi = s.dpi { parts.append(String(format: "%g dpi", dpi)) }
        if let rasterizer = s.rasterizer { parts.append("PDFs by \(rasterizer)") }
        return parts.joined(separator: " · ")
    }

    /// `1–3, 5`.
    static func ranges(_ pages: [Int]) -> String {
        var parts: [String] = []
        var start = pages.first ?? 0, previous = start
        for page in pages.dropFirst() + [Int.min] {
            if page == previous + 1 { previous = page; continue }
            parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
            start = page
            previous = page
        }
        return parts.joined(separator: ", ")
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    private static let style = """
    body{font:14px/1.45 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f4f4f2}
    header{background:#fff;padding:12px 20px;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2}
    h1{font-size:20px;margin:0 0 6px}h1.same{color:#1a7f37}h1.different{color:#b35900}h1.error{color:#c00}
    h2{font-size:16px;margin:0 0 8px}.settings{color:#666;margin:4px 0}
    .errors li,.error{color:#c00}.warnings li{color:#8a6100}.updates li{color:#1a5fb4}
    nav label{margin-right:10px}.legend{margin-left:16px;color:#555}.legend i{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:middle}
    main{padding:12px 20px}
    section.page{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px;margin:0 0 16px}
    section.error{border-color:#c00}section.added,section.removed{border-color:#1a5fb4}
    .badge{font-size:12px;padding:1px 6px;border-radius:8px;background:#eee;margin:0 6px}
    .error .badge{background:#fdd}.different .badge{background:#fec}
    .changes{margin:0 0 10px;padding-left:20px}.changes li{margin:2px 0}
    .views img{display:block;width:100%;height:auto;border:1px solid #ccc;background:#fff}
    .side{display:grid;grid-template-columns:1fr 1fr;gap:10px}figure{margin:0}figcaption{color:#666;font-size:12px}
    .stack{position:relative;max-width:900px}.stack .top{position:absolute;left:0;top:0}
    .stack .wipe{clip-path:inset(0 0 0 var(--position))}.stack .fade{opacity:var(--opacity)}
    .difference img{max-width:900px}.none{padding:40px;color:#999;border:1px dashed #ccc;text-align:center}
    .views>div{display:none}
    body[data-view=side] .views>.side,body[data-view=slider] .views>.slider,
    body[data-view=overlay] .views>.overlay,body[data-view=difference] .views>.difference{display:block}
    body[data-view=side] .views>.side{display:grid}
    body[data-view=slider] .views:not(:has(.slider))>.side,body[data-view=overlay] .views:not(:has(.overlay))>.side{display:grid}
    input[type=range]{width:60%;max-width:540px}
    """

    private static let script = """
    function setView(v){document.body.dataset.view=v;document.querySelectorAll('input[name=view]').forEach(function(r){r.checked=r.value===v;});}
    document.querySelectorAll('input[name=view]').forEach(function(r){r.addEventListener('change',function(){setView(r.value);history.replaceState(null,'','#view='+r.value);});});
    var m=/view=(side|slider|overlay|difference)/.exec(location.hash);if(m)setView(m[1]);
    document.querySelectorAll('input[type=range]').forEach(function(r){r.addEventListener('input',function(){
    var stack=r.parentNode.querySelector('.stack');stack.style.setProperty(r.dataset.var,r.value+r.dataset.unit);});});
    """
}
