public import VetaProgress

/// What `issue --cohort` did: the records issued and, for each trainee it could not issue, why.
///
/// One trainee's problem (a name the form cannot print, data missing from the registry) never
/// stops the cohort: the others are issued, and each failure names the trainee and the fix.
public struct CohortIssue: Sendable {
    /// One trainee the cohort could not issue for.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        /// The trainee.
        public let trainee: TraineeID
        /// What went wrong, naming the field when it is the record's data.
        public let message: String
        /// How to fix it.
        public let fix: String
        /// Whether the trainee's data or the request caused it (exit 1); otherwise the machine or
        /// the store did (a file that cannot be written: exit 2).
        public let isAboutTheData: Bool

        /// The trainee, the message and the fix on one line.
        public var description: String { "\(trainee): \(message) Fix: \(fix)" }
    }

    /// The records issued, in the order they were issued.
    public var issued: [RecordService.Issued] = []
    /// The trainees not issued, in the order they were tried.
    public var failures: [Failure] = []

    /// Creates an empty result.
    public init() {}

    /// The failure for `trainee` that `error` describes.
    static func failure(_ trainee: TraineeID, _ error: any Error, cohort: CurriculumRef) -> Failure {
        let again = "then run veta issue --cohort \(cohort.code) again (only trainees not yet issued are issued)."
        switch error {
        case let error as PDFError:
            return Failure(
                trainee: trainee, message: error.message, fix: (error.fix.map { $0 + " " } ?? "") + again,
                isAboutTheData: error.isAboutTheData)
        case let refusal as Refusal:
            return Failure(trainee: trainee, message: refusal.description, fix: "correct what is named, " + again, isAboutTheData: true)
        case let error as StoreError where error.kind == .storage:
            return Failure(
                trainee: trainee, message: error.message, fix: "make the store and --out usable, " + again, isAboutTheData: false)
        case let error as StoreError:
            return Failure(trainee: trainee, message: error.message, fix: "correct what is named, " + again, isAboutTheData: true)
        case let error as IdentityError:
            return Failure(trainee: trainee, message: error.description, fix: "correct the trainee's data, " + again, isAboutTheData: true)
        case let error as RecordError:
            return Failure(trainee: trainee, message: error.description, fix: "correct what is named, " + again, isAboutTheData: true)
        default:
            return Failure(trainee: trainee, message: "\(error)", fix: "see the message, " + again, isAboutTheData: false)
        }
    }
}
