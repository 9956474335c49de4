/// The result of a diff, as the JSON output gives it (`--json`) and the HTML report shows it.
/// Format `bulletin-pdf-diff/1`: see README "Visual diffs".
public struct DiffReport: Equatable, Sendable, Codable {
    public var format = "bulletin-pdf-diff/1"
    /// What the two sides were (`archive Samples (4 issues)`, `PDF old.pdf` …).
    public var base: String
    public var new: String
    public var settings: Settings
    /// `same` (exit 0), `different` (exit 1) or `error` (exit 2).
    public var outcome: Outcome
    public var exitCode: Int
    public var totals: Totals
    public var documents: [DocumentReport]
    /// Errors not tied to one page (an input that cannot be read, goldens from another machine).
    public var errors: [String]
    public var warnings: [String]
    /// Files `--update` re-recorded or removed, and why.
    public var updates: [String]

    public init(base: String, new: String, settings: Settings, documents: [DocumentReport] = [],
                errors: [String] = [], warnings: [String] = [], updates: [String] = []) {
        self.base = base
        self.new = new
        self.settings = settings
        self.documents = documents
        self.errors = errors
        self.warnings = warnings
        self.updates = updates
        outcome = .same
        exitCode = 0
        totals = Totals()
        finish()
    }

    /// Recomputes the totals and the outcome from the documents and errors.
    public mutating func finish() {
        var totals = Totals()
        totals.documents = documents.count
        for document in documents {
            totals.pages += document.pages.count
            totals.differentPages += document.pages.filter { [.different, .added, .removed].contains($0.status) }.count
            totals.errorPages += document.pages.filter { $0.status == .error }.count
            if document.status == .different || document.status == .added || document.status == .removed {
                totals.differentDocuments += 1
            }
            if document.status == .error { totals.errorDocuments += 1 }
        }
        self.totals = totals
        if !errors.isEmpty || totals.errorDocuments > 0 {
            outcome = .error
        } else if totals.differentDocuments > 0 {
            outcome = .different
        } else {
            outcome = .same
        }
        exitCode = outcome.exitCode
    }

    public enum Outcome: String, Equatable, Sendable, Codable {
        case same, different, error

        public var exitCode: Int {
            switch self {
            case .same: return 0
            case .different: return 1
            case .error: return 2
            }
        }
    }

    /// How the pages were compared.
    public struct Settings: Equatable, Sendable, Codable {
        public var threshold: Double
        public var detectsAntialiasing: Bool
        /// Pixels an edge may shift and be forgiven (0: off); see `PixelComparison.shiftTolerance`.
        public var shiftTolerance: Int
        public var maxDiffPixels: Int?
        public var maxDiffRatio: Double?
        /// Resolution PDFs and issues were rasterized at (nil when both sides are PNGs).
        public var dpi: Double?
        public var rasterizer: String?

        public init(threshold: Double, detectsAntialiasing: Bool, shiftTolerance: Int = 0, maxDiffPixels: Int?,
                    maxDiffRatio: Double?, dpi: Double?, rasterizer: String?) {
            self.threshold = threshold
            self.detectsAntialiasing = detectsAntialiasing
            self.shiftTolerance = shiftTolerance
            self.maxDiffPixels = maxDiffPixels
            self.maxDiffRatio = maxDiffRatio
            self.dpi = dpi
            self.rasterizer = rasterizer
        }
    }

    public struct Totals: Equatable, Sendable, Codable {
        public var documents = 0
        public var differentDocuments = 0
        public var errorDocuments = 0
        public var pages = 0
        public var differentPages = 0
        public var errorPages = 0
    }
}

/// Where a document or page stands.
public enum DiffStatus: String, Equatable, Sendable, Codable {
    /// Within the budget.
    case same
    /// Over the budget.
    case different
    /// Only in the new version, or only in the base.
    case added, removed
    /// Could not be compared (see `error`).
    case error
}

/// One document of a diff.
public struct DocumentReport: Equatable, Sendable, Codable {
    public var name: String
    public var status: DiffStatus
    public var basePages: Int?
    public var newPages: Int?
    public var pages: [PageReport]
    /// What changed, in document order (text changes, regions, pages added or removed).
    public var changes: [Change]
    public var errors: [String]
    public var warnings: [String]

    public init(name: String, status: DiffStatus, basePages: Int?, newPages: Int?, pages: [PageReport] = [],
                changes: [Change] = [], errors: [String] = [], warnings: [String] = []) {
        self.name = name
        self.status = status
        self.basePages = basePages
        self.newPages = newPages
        self.pages = pages
        self.changes = changes
        self.errors = errors
        self.warnings = warnings
    }
}

/// One page of a diff.
public struct PageReport: Equatable, Sendable, Codable {
    /// 1-based.
    public var page: Int
    public var status: DiffStatus
    public var differingPixels: Int
    public var antialiasedPixels: Int
    /// Forgiven by the shift tolerance.
    public var shiftedPixels: Int
    public var totalPixels: Int
    public var ratio: Double
    /// Clusters of differing pixels (pixel coordinates of the compared area).
    public var regions: [DiffRegion]
    public var error: String?
    /// Report images, relative to the report directory.
    public var images: Images?

    public struct Images: Equatable, Sendable, Codable {
        public var expected: String?
        public var actual: String?
        public var diff: String?

        public init(expected: String? = nil, actual: String? = nil, diff: String? = nil) {
            self.expected = expected
            self.actual = actual
            self.diff = diff
        }
    }

    public init(page: Int, status: DiffStatus, differingPixels: Int = 0, antialiasedPixels: Int = 0, shiftedPixels: Int = 0, totalPixels: Int = 0,
                ratio: Double = 0, regions: [DiffRegion] = [], error: String? = nil, images: Images? = nil) {
        self.page = page
        self.status = status
        self.differingPixels = differingPixels
        self.antialiasedPixels = antialiasedPixels
        self.shiftedPixels = shiftedPixels
        self.totalPixels = totalPixels
        self.ratio = ratio
        self.regions = regions
        self.error = error
        self.images = images
    }
}
