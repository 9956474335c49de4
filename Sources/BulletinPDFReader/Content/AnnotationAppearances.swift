/// An annotation's normal appearance as a viewer draws it over the page (ISO 32000-2 §12.5.5):
/// a form XObject and the matrix that puts it in the annotation's rectangle. Filled-in form
/// fields, text boxes (FreeText) and stamps carry their text this way, outside the page's content
/// stream; pdftotext and MuPDF read it, and a reader of the page sees it.
struct AnnotationAppearance {
    var form: PDFStream
    var id: ObjectID?
    /// /Subtype of the annotation (Widget, FreeText, Stamp, …), for messages.
    var subtype: String
    /// The map of the form's /BBox, transformed by its /Matrix, onto the annotation's /Rect
    /// (§12.5.5, matrix A): the form is run with its /Matrix and then this as its CTM.
    var placement: Matrix
}

/// Text an annotation holds but has no appearance for: a form field's value (/V) or a FreeText
/// box's /Contents, when the document leaves drawing them to the viewer (/NeedAppearances). Viewers
/// and pdftotext draw it in the annotation's rectangle; so does the reader, in the size its /DA
/// asks for and with advances estimated (the font's own are not at hand).
struct UnpaintedText {
    var text: String
    var rect: (x0: Double, y0: Double, x1: Double, y1: Double)
    var size: Double
    /// A FreeText box or a multi-line value: lines from the top; else one line centred.
    var fromTop: Bool
}

/// The visible annotations of a page with an appearance to draw.
struct PageAnnotations {
    /// The appearances, in /Annots order (the order viewers paint them).
    var appearances: [AnnotationAppearance] = []
    /// Values and FreeText contents with no appearance, in /Annots order.
    var unpainted: [UnpaintedText] = []

    /// Annotation flags (§12.5.3, Table 167): Hidden (bit 2) and NoView (bit 6) are not shown.
    static let hiddenFlags = 1 << 1 | 1 << 5

    init(page: PDFDictionary, store: ObjectStore) {
        guard let annotations = store.array(page["Annots"]) else { return }
        for reference in annotations {
            guard let annotation = store.dictionary(reference) else { continue }
            let subtype = store.name(annotation["Subtype"]) ?? "annotation"
            // A pop-up shows another annotation's /Contents only when opened.
            guard subtype != "Popup", (store.integer(annotation["F"]) ?? 0) & PageAnnotations.hiddenFlags == 0 else { continue }
            guard let (form, id) = normalAppearance(of: annotation, store: store) else {
                let text = subtype == "Widget" ? value(annotation, store: store)
                    : subtype == "FreeText" ? store.resolve(annotation["Contents"]).string.map(TextString.decode) : nil
                if let text, !text.allSatisfy(\.isWhitespace), let rect = store.rectangle(annotation["Rect"]) {
                    let size = PageAnnotations.fontSize(annotation, store: store) ?? min(12, max(4, (rect.y1 - rect.y0) - 4))
                    let multiline = subtype == "FreeText" || text.contains(where: \.isNewline)
                    unpainted.append(UnpaintedText(text: text, rect: rect, size: size, fromTop: multiline))
                }
                continue
            }
            guard let rect = store.rectangle(annotation["Rect"]),
                  let placement = PageAnnotations.placement(of: form, in: rect, store: store) else { continue }
            appearances.append(AnnotationAppearance(form: form, id: id, subtype: subtype, placement: placement))
        }
    }

    /// /AP /N: a stream, or a dictionary of states of which /AS names the one shown.
    private func normalAppearance(of annotation: PDFDictionary, store: ObjectStore) -> (PDFStream, ObjectID?)? {
        guard let normal = store.dictionary(annotation["AP"])?["N"] else { return nil }
        var chosen = normal
        if case .dictionary(let states) = store.resolve(normal) {
            guard let state = store.name(annotation["AS"]), let entry = states[state] else { return nil }
            chosen = entry
        }
        guard case .stream(let stream) = store.resolve(chosen) else { return nil }
        return (stream, chosen.reference ?? stream.objectID)
    }

    /// The text value (/V) of a field widget or of the field it belongs to (/Parent).
    private func value(_ annotation: PDFDictionary, store: ObjectStore) -> String? {
        var node: PDFDictionary? = annotation
        for _ in 0..<8 {
            guard let current = node else { return nil }
            switch store.resolve(current["V"]) {
            case .string(let bytes): return TextString.decode(bytes)
            case .null: node = store.dictionary(current["Parent"])
            default: return nil
            }
        }
        return nil
    }

    /// The size of `/Font size Tf` in the default appearance string (/DA, §12.7.4.3), the
    /// annotation's or its field's; nil when absent or 0 (auto-size).
    static func fontSize(_ annotation: PDFDictionary, store: ObjectStore) -> Double? {
        var node: PDFDictionary? = annotation
        for _ in 0..<8 {
            guard let current = node else { return nil }
            if let bytes = store.resolve(current["DA"]).string {
                let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
                guard let tf = words.lastIndex(of: "Tf"), tf > 0, let size = Double(words[tf - 1]), size > 0 else { return nil }
                return size
            }
            node = store.dictionary(current["Parent"])
        }
        return nil
    }

    /// Maps the form's /BBox, transformed by its /Matrix, onto `rect` (§12.5.5): nil when the box
    /// is missing or flat.
    static func placement(of form: PDFStream, in rect: (x0: Double, y0: Double, x1: Double, y1: Double),
                          store: ObjectStore) -> Matrix? {
        guard let bbox = store.rectangle(form.dictionary["BBox"]) else { return nil }
        let formMatrix = store.array(form.dictionary["Matrix"]).flatMap { Matrix($0.compactMap { store.number($0) }) } ?? .identity
        let corners = [(bbox.x0, bbox.y0), (bbox.x1, bbox.y0), (bbox.x0, bbox.y1), (bbox.x1, bbox.y1)].map { formMatrix.apply($0.0, $0.1) }
        let x0 = corners.map(\.x).min()!, x1 = corners.map(\.x).max()!
        let y0 = corners.map(\.y).min()!, y1 = corners.map(\.y).max()!
        guard x1 - x0 > 0, y1 - y0 > 0 else { return nil }
        let sx = (rect.x1 - rect.x0) / (x1 - x0), sy = (rect.y1 - rect.y0) / (y1 - y0)
        return Matrix(a: sx, b: 0, c: 0, d: sy, e: rect.x0 - x0 * sx, f: rect.y0 - y0 * sy)
    }
}
