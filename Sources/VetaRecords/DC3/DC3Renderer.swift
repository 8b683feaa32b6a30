/// Renders a ``DC3Constancia`` as a one-page PDF laid out like the STPS form
/// "Formato DC-3: Constancia de competencias o de habilidades laborales".
public enum DC3Renderer {
    /// Renders `constancia` as a one-page US Letter PDF.
    ///
    /// The page has the form's title, the boxed sections on the worker, the company and the
    /// training programme, the signature lines with the names under them (the workers'
    /// representative only when there is one), and the folio, the verification code and a QR
    /// code (error correction level M) that encodes the verification payload. The text is
    /// embedded DejaVu Sans, so the accents survive text extraction.
    ///
    /// - Returns: The bytes of the PDF file.
    /// - Throws: ``PDFError`` when a font file is missing, a value holds a character that
    ///   Windows-1252 cannot show or is too long for its box, or libharu or libqrencode fails.
    public static func pdf(for constancia: DC3Constancia) throws -> [UInt8] {
        let document = try PDFDocument()
        var form = FormWriter(document: document, top: document.height - 28)
        let worker = constancia.worker
        let programme = constancia.programme
        let signatures = constancia.signatures
        try form.heading(DC3Constancia.stpsHeading)
        try form.title()
        try form.section(
            "DATOS DEL TRABAJADOR",
            rows: [
                [
                    Cell(
                        "Nombre (anotar apellido paterno, apellido materno y nombre(s))",
                        "\(worker.paternalSurname) \(worker.maternalSurname) \(worker.givenNames)", field: "worker's name")
                ],
                [
                    Cell("Clave Única de Registro de Población", worker.curp, field: "CURP", fraction: 0.4),
                    Cell("Ocupación específica (Catálogo Nacional de Ocupaciones)", worker.occupation, field: "occupation", fraction: 0.6),
                ],
                [Cell("Puesto", worker.jobTitle, field: "job title")],
            ])
        try form.section(
            "DATOS DE LA EMPRESA",
            rows: [
                [
                    Cell(
                        "Nombre o razón social (en caso de persona física, anotar apellido paterno, apellido materno y nombre(s))",
                        constancia.company.name, field: "company name")
                ],
                [Cell("Registro Federal de Contribuyentes con homoclave (SHCP)", constancia.company.rfc, field: "RFC")],
            ])
        try form.section(
            "DATOS DEL PROGRAMA DE CAPACITACIÓN, ADIESTRAMIENTO Y PRODUCTIVIDAD",
            rows: [
                [Cell("Nombre del curso", programme.courseName, field: "course name")],
                [
                    Cell("Duración en horas", String(programme.hours), field: "duration", fraction: 0.24),
                    Cell("Periodo de ejecución: de (año-mes-día)", programme.from, field: "start date", fraction: 0.38),
                    Cell("a (año-mes-día)", programme.to, field: "end date", fraction: 0.38),
                ],
                [Cell("Área temática del curso", programme.thematicArea, field: "thematic area")],
                [Cell("Nombre del agente capacitador o STPS", programme.trainingAgent, field: "training agent")],
            ])
        try form.attestation()
        var signers = [
            Signer(role: "Instructor o tutor", names: signatures.instructorNames, field: "instructor's name"),
            Signer(role: "Patrón o representante legal", names: [signatures.employerRepresentative], field: "employer's name"),
        ]
        if let representative = signatures.workersRepresentative {
            signers.append(Signer(role: "Representante de los trabajadores", names: [representative], field: "workers' representative"))
        }
        try form.signatures(signers)
        let verification = constancia.verification
        try form.verification(serial: constancia.serial, code: verification.code, qrCode: try QRCode(encoding: verification.payload))
        return try document.bytes()
    }
}

private typealias Cell = FormWriter.Cell
private typealias Signer = FormWriter.Signer
