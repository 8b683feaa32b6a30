extension CurriculumSkeleton {
    /// The file's text.
    public var xml: String {
        let t = text
        let c = comment
        let languageNote =
            languages == .both
            ? ""
            : c(
                2, "Borrador en un solo idioma: veta validate lista los textos que aún necesitan traducción (VETA-R021).",
                "A draft in one language: veta validate lists the texts that still need a translation (VETA-R021).")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- \(code): a new curriculum written by `veta new curriculum`. It is a valid draft as it stands:
                 change one part at a time and run `veta validate` after each change.
                 Schemas/curriculum.xsd defines every element; Schemas/RULES.md lists the rules Veta checks.
                 Set status="current" only when the curriculum is complete and bilingual (Spanish and English). -->
            <curriculum xmlns="urn:veta:curriculum:1" code="\(code)" version="0.1.0" level="\(level.rawValue)" status="draft">
            \(languageNote)\(c(2, "Título y descripción, como aparecen en la constancia y en veta show.", "Title and description, as shown on completion records and by veta show."))\
              <title>\(t("Título del plan", "Curriculum title"))</title>
              <description>\(t("Para quién es el plan y qué prepara.", "Who the curriculum is for and what it prepares them for."))</description>
            \(c(2, "Las fuentes publicadas de las que se transcribió: una <citation> por fuente, con su dirección (href) y su versión (release).", "The published sources it was transcribed from: one <citation> per source, with its address (href) and release."))\
              <source>
                <citation release="Release 1" href="https://training.gov.au/">Source title (replace)</citation>
              </source>
            \(c(2, "Sector SCIAN (212: minería) y ocupaciones SINCO (4 dígitos).", "SCIAN sector (212: mining) and SINCO occupations (4 digits)."))\
              <sector scian="212">Minería de minerales metálicos y no metálicos, excepto petróleo y gas</sector>
              <occupations>
                <occupation sinco="8111">Operadores de máquinas y equipos en minas y canteras</occupation>
              </occupations>
              <issuingBody>Issuing body (replace)</issuingBody>
              <published>\(published)</published>
            \(c(2, "Horas del plan: entre el núcleo más las optativas mínimas y el núcleo más las máximas (VETA-R008).", "Hours of the curriculum: between core plus the fewest electives and core plus the most (VETA-R008)."))\
              <volumeOfLearning hours="\(hours)"/>
              <units>
            \(c(4, "Una unidad de competencia: elementos numerados 1, 2 ... con criterios 1.1, 1.2 ...; evidencia de desempeño y de conocimiento; condiciones de evaluación.", "A unit of competency: elements numbered 1, 2 ... with criteria 1.1, 1.2 ...; performance and knowledge evidence; assessment conditions."))\
                <unit code="\(Self.unitCode)" hours="\(hours)" safetyCritical="true">
                  <title>\(t("Título de la unidad", "Unit title"))</title>
                  <element number="1">
                    <title>\(t("Primer elemento", "First element"))</title>
                    <criterion number="1.1">\(t("Primer criterio de desempeño", "First performance criterion"))</criterion>
                  </element>
            \(c(6, "Opcional (1.1): <foundationSkills> y <rangeOfConditions> van aquí, después de los elementos.", "Optional (1.1): <foundationSkills> and <rangeOfConditions> go here, after the elements."))\
            \(c(6, "occasions: observaciones satisfactorias requeridas, cada una en una fecha distinta.", "occasions: satisfactory observations required, each on a different date."))\
                  <performanceEvidence occasions="1">\(t("Lo que la persona debe demostrar.", "What the candidate must demonstrate."))</performanceEvidence>
                  <knowledgeEvidence>
                    <item id="K1">\(t("Lo que la persona debe saber.", "What the candidate must know."))</item>
                  </knowledgeEvidence>
                  <assessmentConditions>\(t("Dónde, con qué y por quién se evalúa.", "Where, with what and by whom it is assessed."))</assessmentConditions>
                </unit>
              </units>
            \(c(2, "Reglas de integración: cuántas unidades en total, las del núcleo y los grupos de optativas (min/max).", "Packaging rules: how many units in all, the core units and the elective groups (min/max)."))\
              <packaging totalUnits="1">
                <core>
                  <unitRef code="\(Self.unitCode)"/>
                </core>
              </packaging>
            </curriculum>

            """
    }
}
