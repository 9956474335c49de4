/// The parts of the graphics state (§8.4) and text state (§9.3) that affect where text lands and how
/// it looks. Saved and restored by q/Q.
struct GraphicsState {
    var ctm = Matrix.identity
    var fillSpace = ColorSpace.gray
    var strokeSpace = ColorSpace.gray
    var fillColor = PDFColor.black
    var strokeColor = PDFColor.black
    var lineWidth = 1.0
    var font: PDFFont?
    var fontSize = 0.0
    /// Tc, Tw (unscaled text space units), Th = Tz/100, TL, Ts, Tr.
    var characterSpacing = 0.0
    var wordSpacing = 0.0
    var horizontalScaling = 1.0
    var leading = 0.0
    var rise = 0.0
    var renderingMode = 0
}
