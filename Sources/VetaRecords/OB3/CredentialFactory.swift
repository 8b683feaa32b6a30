public import Foundation
public import VetaCurricula
public import VetaProgress

/// Builds and signs the credentials of one curriculum (or unit) and issuer: the parts that are the
/// same for every trainee are encoded once (``CredentialTemplate``), each credential is appended
/// from them, and signing uses swift-crypto directly (``CredentialSigner``), split over the cores.
///
/// The tokens are byte for byte those of ``CredentialBuilder`` and the claims writer signed by
/// ``CredentialSigner``, whichever path builds them.
public struct CredentialFactory: Sendable {
    /// One credential to issue.
    public struct Item: Sendable {
        /// The trainee.
        public var trainee: Trainee
        /// The record's serial.
        public var serial: String
        /// The completion date.
        public var validFrom: CalendarDate
        /// The expiry, if any.
        public var validUntil: CalendarDate?
        /// The salt of the subject's hash (``Salts``).
        public var salt: String
        /// The checkpoint of the issuer's log the credential is issued at, if any.
        public var checkpoint: (size: Int64, hash: String)?
        /// The units achieved, as ``CredentialBuilder`` takes them (nil: the whole curriculum).
        public var achieved: [VetaCurricula.Unit]?

        /// Creates an item.
        public init(
            trainee: Trainee, serial: String, validFrom: CalendarDate, validUntil: CalendarDate?, salt: String,
            checkpoint: (size: Int64, hash: String)?, achieved: [VetaCurricula.Unit]?
        ) {
            self.trainee = trainee
            self.serial = serial
            self.validFrom = validFrom
            self.validUntil = validUntil
            self.salt = salt
            self.checkpoint = checkpoint
            self.achieved = achieved
        }

        /// The values a template fills.
        public var values: CredentialTemplate.Values {
            CredentialTemplate.Values(
                serial: serial, validFrom: validFrom, validUntil: validUntil, curp: trainee.curp, salt: salt, checkpoint: checkpoint)
        }
    }

    /// The curriculum.
    public let curriculum: Curriculum
    /// The unit, for unit credentials.
    public let unit: VetaCurricula.Unit?
    /// The issuer.
    public let issuer: Issuer
    /// The signer.
    public let signer: CredentialSigner
    /// The site's time zone the dates are local days of (``CredentialBuilder``); nil: UTC days.
    public let timeZone: TimeZone?

    /// A factory for credentials of `curriculum` (or `unit` of it) signed by `issuer` with `key`;
    /// the tokens' `kid` is `kid` (``CredentialSigner``) and their dates are days in `timeZone`.
    public init(
        curriculum: Curriculum, unit: VetaCurricula.Unit?, issuer: Issuer, key: SigningKey, kid: String? = nil, timeZone: TimeZone? = nil
    ) throws {
        self.curriculum = curriculum
        self.unit = unit
        self.issuer = issuer
        self.timeZone = timeZone
        signer = try CredentialSigner(key, kid: kid)
    }

    /// The credential of `item` as ``CredentialBuilder`` builds it in full.
    public func credential(_ item: Item) -> AchievementCredential {
        var credential = CredentialBuilder.credential(
            serial: item.serial, curriculum: curriculum, unit: unit, trainee: item.trainee, issuer: issuer, validFrom: item.validFrom,
            validUntil: item.validUntil, salt: item.salt, achieved: item.achieved, timeZone: timeZone ?? .gmt)
        if let checkpoint = item.checkpoint {
            credential.evidence = [CredentialBuilder.checkpointEvidence(size: checkpoint.size, hash: checkpoint.hash)]
        }
        return credential
    }

    /// The claims of `item` built in full (the path a template is checked against).
    public func fullClaims(_ item: Item) throws -> [UInt8] {
        var json = JSONBytes()
        try VCJWT.Claims(credential(item)).write(to: &json)
        return json.bytes
    }

    /// The token of one item, built in full (one credential does not pay for a template).
    public func token(_ item: Item) throws -> [UInt8] {
        try signer.token(claims: try fullClaims(item))
    }

    /// The templates `items` need, one per achievement and shape; nil where no template can be made.
    public func templates(for items: [Item]) -> [TemplateKey: CredentialTemplate?] {
        var templates: [TemplateKey: CredentialTemplate?] = [:]
        for item in items {
            let key = TemplateKey(item)
            if templates[key] == nil {
                templates[key] = .some(
                    CredentialTemplate.make(
                        curriculum: curriculum, unit: unit, achieved: item.achieved, issuer: issuer, shape: item.values.shape))
            }
        }
        return templates
    }

    /// The claims of `item` from its template, or built in full when there is none.
    public func claims(_ item: Item, templates: [TemplateKey: CredentialTemplate?]) throws -> [UInt8] {
        if case .some(.some(let template)) = templates[TemplateKey(item)], template.fits(item.values) {
            var values = item.values
            values.timeZone = timeZone
            return try template.claims(values)
        }
        return try fullClaims(item)
    }

    /// The tokens of `items`, in the order given, signed over `tasks` concurrent tasks (nil: one
    /// per core); each task signs a contiguous run of the items. An item that cannot be signed
    /// gives its error in its place, and the others are signed.
    public func tokens(_ items: [Item], tasks: Int? = nil) async -> [Result<[UInt8], any Error>] {
        let templates = templates(for: items)
        return await Self.parallelMap(items.count, tasks: tasks ?? ProcessInfo.processInfo.activeProcessorCount) { index in
            Result(catching: { try token(items[index], templates: templates) })
        }
    }

    /// The token of `item`: from its template's signing input (the literals encoded once, ``CredentialTemplate/signingInput(_:after:)``),
    /// or built in full when there is none. The same bytes either way.
    func token(_ item: Item, templates: [TemplateKey: CredentialTemplate?]) throws -> [UInt8] {
        guard case .some(.some(let template)) = templates[TemplateKey(item)], template.fits(item.values) else {
            return try signer.token(claims: try fullClaims(item))
        }
        var values = item.values
        values.timeZone = timeZone
        var token = try template.signingInput(values, after: signer.headerPrefix)
        try signer.appendSignature(to: &token)
        return token
    }

    /// `body` of 0..<count, in order, computed over `tasks` concurrent tasks in contiguous runs.
    public static func parallelMap<T: Sendable>(_ count: Int, tasks: Int, _ body: @escaping @Sendable (Int) -> T) async -> [T] {
        let runs = max(1, min(tasks, count))
        guard runs > 1 else { return (0..<count).map(body) }
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for run in 0..<runs {
                let range = (count * run / runs)..<(count * (run + 1) / runs)
                group.addTask { (run, range.map(body)) }
            }
            var parts = [[T]](repeating: [], count: runs)
            for await (run, part) in group { parts[run] = part }
            return parts.flatMap { $0 }
        }
    }

    /// What a template depends on besides the curriculum, unit and issuer.
    public struct TemplateKey: Hashable, Sendable {
        let achieved: [String]?
        let shape: CredentialTemplate.Shape

        init(_ item: Item) {
            achieved = item.achieved?.map(\.code.rawValue)
            shape = item.values.shape
        }
    }
}
