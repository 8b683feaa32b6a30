public import VetaCurricula

/// What a badge image shows: the code, the title and the level of what was achieved.
public struct BadgeFace: Hashable, Sendable {
    /// The code printed large: the unit's code for a unit's credential, else the curriculum's.
    public var code: String
    /// The title in Spanish.
    public var titleES: String
    /// The title in English.
    public var titleEN: String
    /// The level in Spanish (`operador`, `técnico`, `supervisor`).
    public var levelES: String
    /// The level in English (`operator`, `technician`, `supervisor`).
    public var levelEN: String
    /// The curriculum and version, printed small (`VTOPHT 1.0.0`).
    public var curriculum: String

    /// Creates a face from its parts.
    public init(code: String, titleES: String, titleEN: String, levelES: String, levelEN: String, curriculum: String) {
        self.code = code
        self.titleES = titleES
        self.titleEN = titleEN
        self.levelES = levelES
        self.levelEN = levelEN
        self.curriculum = curriculum
    }

    /// The face for a credential of `curriculum`, or of one of its units.
    public init(curriculum: Curriculum, unit: VetaCurricula.Unit? = nil) {
        let levels: (String, String) =
            switch curriculum.level {
            case .operator: ("operador", "operator")
            case .technician: ("técnico", "technician")
            case .supervisor: ("supervisor", "supervisor")
            }
        self.init(
            code: unit.map { $0.code.description } ?? curriculum.code.description,
            titleES: unit?.title.es ?? curriculum.title.es, titleEN: unit?.title.en ?? curriculum.title.en,
            levelES: levels.0, levelEN: levels.1, curriculum: "\(curriculum.code) \(curriculum.version)")
    }
}
