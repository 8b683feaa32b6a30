public import VetaCurricula

/// One audit finding and what it is about, for the report's per-curriculum and per-employer summary.
public struct AuditFinding: Hashable, Sendable, Codable {
    /// The finding.
    public let diagnostic: Diagnostic
    /// The curriculum (code or code@version) it concerns, if any.
    public let curriculum: String?
    /// The employer (RFC) it concerns, if any.
    public let employer: String?

    /// Creates a finding.
    public init(_ diagnostic: Diagnostic, curriculum: String? = nil, employer: String? = nil) {
        self.diagnostic = diagnostic
        self.curriculum = curriculum
        self.employer = employer
    }
}

/// The result of an audit: what was audited and every finding, in a stable order.
public struct AuditReport: Hashable, Sendable, Codable {
    /// `catalogue` or `records`.
    public let kind: String
    /// The date the audit speaks for, only when given (reports carry no clock time, so they are reproducible).
    public let asOf: String?
    /// Every curriculum audited (code@version).
    public let curricula: [String]
    /// Every employer audited (RFC), for record audits.
    public let employers: [String]
    /// The findings, sorted.
    public let findings: [AuditFinding]

    /// Creates a report; findings are sorted by location, code and message.
    public init(kind: String, asOf: String?, curricula: [String], employers: [String], findings: [AuditFinding]) {
        self.kind = kind
        self.asOf = asOf
        self.curricula = curricula.sorted()
        self.employers = employers.sorted()
        self.findings = findings.sorted { Diagnostic.sourceOrder($0.diagnostic, $1.diagnostic) }
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { findings.contains { $0.diagnostic.severity == .error } }

    /// Errors and warnings.
    public var counts: (errors: Int, warnings: Int) {
        (findings.filter { $0.diagnostic.severity == .error }.count, findings.filter { $0.diagnostic.severity == .warning }.count)
    }

    /// Whether the curriculum (`CODE@x.y.z`) has no error: no error finding names it, by code and
    /// version or by its code alone, and the log verifies (a log that does not verify fails every row).
    public func passes(curriculum: String) -> Bool {
        !logBroken
            && !findings.contains {
                $0.diagnostic.severity == .error
                    && $0.curriculum.map { $0 == curriculum || curriculum.hasPrefix($0 + "@") || $0.hasPrefix(curriculum + "@") } == true
            }
    }

    /// Whether the employer has no error, and the log verifies (a log that does not verify fails every row).
    public func passes(employer: String) -> Bool {
        !logBroken && !findings.contains { $0.diagnostic.severity == .error && $0.employer == employer }
    }

    /// Whether a finding says the log does not verify: then no summary row passes.
    public var logBroken: Bool { findings.contains { $0.diagnostic.code == AuditRule.ledgerBroken.rawValue } }
}
