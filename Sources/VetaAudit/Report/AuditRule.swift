public import VetaCurricula

/// The audit rules: catalogue rules (A…) and record-store rules (B…).
public enum AuditRule: String, CaseIterable, Sendable {
    case invalidCurriculum = "VETA-A001"
    case unitDiffers = "VETA-A002"
    case progression = "VETA-A003"
    case hoursOutsideNorm = "VETA-A004"
    case supersededWithoutSuccessor = "VETA-A005"
    case twoCurrentVersions = "VETA-A006"
    case ledgerBroken = "VETA-B001"
    case recordNotBacked = "VETA-B002"
    case signOffUnauthorised = "VETA-B003"
    case dc3Late = "VETA-B004"
    case lifecycleInconsistent = "VETA-B005"
    case recordIssuedUnbacked = "VETA-B006"

    /// The rule's descriptor.
    public var descriptor: RuleDescriptor {
        switch self {
        case .invalidCurriculum:
            RuleDescriptor(
                id: rawValue, name: "curriculum-invalid", severity: .error,
                summary: "Every curriculum in the catalogue validates with no errors.",
                fix: "run veta validate on the file and fix what it reports.")
        case .unitDiffers:
            RuleDescriptor(
                id: rawValue, name: "unit-code-differs", severity: .error,
                summary: "A unit code means the same unit everywhere: identical elements, criteria, knowledge items, occasions and hours.",
                fix: "make the units identical, or give the variant its own code.")
        case .progression:
            RuleDescriptor(
                id: rawValue, name: "progression", severity: .error,
                summary:
                    "Within an area, technician and supervisor curricula include the safety-critical units of the area's operator curricula.",
                fix: "add the operator safety unit to the curriculum, or move the curriculum to another area in the policy.")
        case .hoursOutsideNorm:
            RuleDescriptor(
                id: rawValue, name: "hours-outside-norm", severity: .warning,
                summary: "Total hours are within the policy's norm for the level.",
                fix: "check the hours, or the policy's norm for the level.")
        case .supersededWithoutSuccessor:
            RuleDescriptor(
                id: rawValue, name: "superseded-without-successor", severity: .error,
                summary: "Every superseded curriculum version has a successor in the catalogue that names it in <supersedes>.",
                fix: "add the successor to the catalogue, or correct the status.")
        case .twoCurrentVersions:
            RuleDescriptor(
                id: rawValue, name: "two-current-versions", severity: .error, summary: "No code has two current versions.",
                fix: "mark the older version superseded.")
        case .ledgerBroken:
            RuleDescriptor(
                id: rawValue, name: "ledger-broken", severity: .error, summary: "The ledger's hash chain and sign-off signatures verify.",
                fix: "restore the store from a backup and investigate who changed it.")
        case .recordNotBacked:
            RuleDescriptor(
                id: rawValue, name: "record-not-backed", severity: .error,
                summary:
                    "Every issued record is still backed by evidence: the engine, re-run as of the issue date on the ledger as it is now (every later correction applied), finds the trainee competent.",
                fix: "revoke the record, or record the missing evidence and re-issue.")
        case .signOffUnauthorised:
            RuleDescriptor(
                id: rawValue, name: "sign-off-unauthorised", severity: .error,
                summary: "Every sign-off was made by an assessor authorised for that unit.",
                fix: "correct the sign-off and have an authorised assessor sign.")
        case .dc3Late:
            RuleDescriptor(
                id: rawValue, name: "dc3-late", severity: .warning,
                summary: "DC-3 constancias are delivered within 20 working days of completion.",
                fix: "issue constancias promptly after sign-off.")
        case .lifecycleInconsistent:
            RuleDescriptor(
                id: rawValue, name: "lifecycle-inconsistent", severity: .error,
                summary:
                    "Revoked and superseded records are consistent: a superseded record names successors that exist and point back to it.",
                fix: "re-issue through veta reissue so the link is kept.")
        case .recordIssuedUnbacked:
            RuleDescriptor(
                id: rawValue, name: "record-issued-unbacked", severity: .error,
                summary:
                    "Every record was backed when it was issued: the engine, re-run as of the issue date on only the entries the store had recorded by the moment of issue, finds the trainee competent.",
                fix: "revoke the record and find out how it was issued; issue anew once the evidence is recorded.")
        }
    }

    func finding(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(code: rawValue, severity: descriptor.severity, location: location, message: message, fix: descriptor.fix)
    }
}
