import ArgumentParser
import VetaProgress

/// `--site ID`: at a store that takes other sites' bundles (the centre), only the trainees whose
/// registration or entries came from that site (``ProgressService/trainees(from:)``).
struct SiteFilter: ParsableArguments {
    @Option(
        name: .customLong("site"),
        help: ArgumentHelp("Only the trainees whose entries came from this site (veta sync import).", valueName: "id"))
    var id: String?

    func validate() throws {
        if let id, let problem = SiteIdentity.problem(id) { throw ValidationError("--site: \(problem)") }
    }

    /// The trainees of the site, or nil without `--site`; a site this store never received from is refused.
    func trainees(_ service: ProgressService) async throws -> Set<String>? {
        guard let id else { return nil }
        let trainees = try await service.trainees(from: id)
        if trainees.isEmpty, try await service.siteChains().contains(where: { $0.site == id }) == false {
            throw Refusal("this store has received nothing from site \(id) (veta sync import); nothing to show")
        }
        return trainees
    }

    /// The refusal of `trainee`, who is not among the site's trainees: it names what did come from the
    /// site (entries kept as a conflict, not applied) and where the trainee's entries here came from.
    func refusal(_ trainee: TraineeID, _ service: ProgressService) async throws -> Refusal {
        let site = id ?? ""
        let sites = try await service.sites(of: trainee)
        let origin =
            sites.applied.isEmpty
            ? "trainee \(trainee) here was not received from a site"
            : "trainee \(trainee)'s entries here came from \(sites.applied.joined(separator: ", "))"
        guard sites.conflicting.contains(site) else { return Refusal("trainee \(trainee) has no entries from site \(site): \(origin)") }
        return Refusal(
            "site \(site)'s entries about trainee \(trainee) are kept as a CURP conflict, not applied (the registration here stands); \(origin)",
            reasons: ["veta sync conflicts lists them; without --site, status shows the trainee registered here"])
    }
}
