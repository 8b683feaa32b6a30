/// The outcome of `veta import`.
public struct ImportReport: Hashable, Sendable, Codable {
    /// What the file held.
    public enum Kind: String, Hashable, Sendable, Codable {
        case trainees, enrolments, evidence
    }

    /// What the file held.
    public let kind: Kind
    /// Data rows read (the header is not counted).
    public let rows: Int
    /// Rows written: all of them, or none when any row is bad.
    public let written: Int
    /// Rows that were already in the store (see ``ImportOptions/allowRepeat``): skipped for trainees
    /// and enrolments, written again for evidence.
    public let alreadyStored: Int
    /// Every bad row, by line number.
    public let errors: [RowError]
    /// The entries the import wrote (``ImportID``), for `veta import --undo`; `nil` when it wrote no
    /// entry that a correction can void (nothing, or trainees).
    public var importID: ImportID? = nil

    /// One bad row.
    public struct RowError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The 1-based line in the file.
        public let line: Int
        /// Why it is bad.
        public let reason: String

        public var description: String { "line \(line): \(reason)" }
    }
}

/// How to read a CSV file for import.
public struct ImportOptions: Hashable, Sendable {
    /// The file's encoding; UTF-8 (with or without a byte-order mark) unless the user says otherwise.
    public var encoding: CSV.Encoding
    /// The field separator, or nil to take it from the header line.
    public var delimiter: CSV.Delimiter?
    /// Whether rows already in the store are accepted. A trainee row is already in the store when a
    /// trainee with the same id and the same details is; an enrolment row when the trainee is still
    /// enrolled in the same curriculum version from the same date; an evidence row when an entry
    /// (not voided by a correction) has the same trainee, curriculum, unit, target, method, outcome,
    /// date and assessor. Such trainees and enrolments are skipped; such evidence is written again.
    public var allowRepeat: Bool

    /// Creates options; the defaults read Excel's "CSV UTF-8" with either separator and refuse repeats.
    public init(encoding: CSV.Encoding = .utf8, delimiter: CSV.Delimiter? = nil, allowRepeat: Bool = false) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.allowRepeat = allowRepeat
    }
}
