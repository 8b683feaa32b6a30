/// Where a published curriculum version is in its life, as the log's ``LedgerEntry/Kind/lifecycle``
/// entries say: a version with no such entry is in use as published; a newer version that declares
/// `<supersedes>` moves it to ``Status/superseded``; `veta retire` moves it to ``Status/withdrawn``.
///
/// The published bytes never change: the lifecycle is an entry of the log about the version
/// (subject `CODE@x.y.z`, fields `status`, `successor`; the reason is the entry's note), and the
/// `curriculum_lifecycle` table is its projection.
public struct CurriculumLifecycle: Hashable, Sendable, Codable {
    /// The states a lifecycle entry moves a version to.
    public enum Status: String, Hashable, Sendable, Codable {
        /// Replaced by a newer version (``CurriculumLifecycle/successor``); enrolments in it stay valid.
        case superseded
        /// Withdrawn from use: it takes no new enrolments. Final.
        case withdrawn
    }

    /// The state.
    public let status: Status
    /// For a superseded version: the version that supersedes it, `CODE@x.y.z`.
    public let successor: String?
    /// The date of the entry that moved it.
    public let since: CalendarDate
    /// Why (the entry's note), when one was given.
    public let reason: String?

    /// Creates a lifecycle state.
    public init(status: Status, successor: String?, since: CalendarDate, reason: String?) {
        self.status = status
        self.successor = successor
        self.since = since
        self.reason = reason
    }

    /// The registry fields of a lifecycle entry that moves a version to `status`.
    public static func fields(_ status: Status, successor: CurriculumRefText?) -> [String: String] {
        var fields = ["status": status.rawValue]
        if let successor { fields["successor"] = successor }
        return fields
    }

    /// The problem, if any, with moving a version from `current` (nil: as published) to `next`.
    public static func transitionProblem(from current: CurriculumLifecycle?, to next: Status, subject: String) -> String? {
        switch (current?.status, next) {
        case (nil, _), (.superseded?, .withdrawn): return nil
        case (.superseded?, .superseded): return "curriculum \(subject) is already superseded by \(current?.successor ?? "another version")"
        case (.withdrawn?, _): return "curriculum \(subject) is withdrawn (on \(current?.since.description ?? "")); a withdrawal is final"
        }
    }
}

/// A curriculum version as text, `CODE@x.y.z`.
public typealias CurriculumRefText = String
