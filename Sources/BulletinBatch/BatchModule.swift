/// The BulletinBatch module: a whole archive through the render pipeline — parallel,
/// incremental, resumable, and never leaving a half-written file or a false claim behind.
///
/// Steps of `BatchRunner.run()`, in order:
/// 1. `ArchiveDiscovery` — directories (recursively) and files become `ArchiveItem`s (`.json`
///    issues, `.txt` bulletins); unreadable directories, symbolic-link loops and missing inputs
///    are reported, not fatal; `OutputCollisions` refuses two inputs with one output.
/// 2. `Shard` — keeps a deterministic 1/N of the items (stable hash of the output path).
/// 3. `SettingsFingerprint` — one digest of everything besides the input that shapes a PDF:
///    tool (the executable's SHA-256), layout file, font files, output options.
/// 4. `ManifestStore` — the record of finished outputs in OUTDIR (JSON lines, append-only journal,
///    compacted atomically); loads every manifest (shards included) and locks its own.
/// 5. `Scheduler` — worker threads take `IssueJob`s from a shared queue: read + hash the input,
///    skip it when the manifest's claim still holds, else import/decode → lay out → PDF (→ PNGs)
///    → write atomically → claim it in the journal. One failure never stops the others; a stop
///    request (SIGINT/SIGTERM through `SignalTrap`) lets the jobs in flight finish.
/// 6. `ProgressPrinter` reports as issues finish; `BatchReport` and `IndexCSV` are written at the end.
///
/// `VolumeBinder` binds a selection into one PDF: a contents page, every issue's pages, an outline
/// entry per issue and article, page labels per issue.
public enum BulletinBatch {
    /// The format version of the manifest and report this module writes.
    public static let formatVersion = 1
}
