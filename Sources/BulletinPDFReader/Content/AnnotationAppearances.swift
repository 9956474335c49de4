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

/// The visible annotations of a page with an appearance to draw.
struct PageAnnotations {
    /// The appearances, in /Annots order (the order viewers paint them).
    var appearances: [AnnotationAppearance] = []
    /// Form fields that hold a value but have no appearance to show it (the document asks the
    /// viewer to make one, /NeedAppearances): their values are not on the page as drawn.
    var fieldsWithoutAppearance = 0

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
                if subtype == "Widget", hasValue(annotation, store: store) { fieldsWithoutAppearance += 1 }
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

    /// Whether a field widget (or the field it belongs to, /Parent) has a non-empty /V.
    private func hasValue(_ annotation: PDFDictionary, store: ObjectStore) -> Bool {
        var node: PDFDictionary? = annotation
        for _ in 0..<8 {
            guard let current = node else { return false }
            switch store.resolve(current["V"]) {
            case .string(let bytes): return !bytes.isEmpty
            case .null: node = store.dictionary(current["Parent"])
            default: return false
            }
        }
        return false
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
