import Foundation
import Testing

@testable import VetaRecords

@Suite struct DC3RendererTests {
    static let constancia = DC3Constancia(
        serial: "VETA-DC3-2025-000127",
        worker: .init(
            paternalSurname: "Núñez", maternalSurname: "Peña", givenNames: "José Ángel", curp: "NUPJ850312HCHXXN09",
            occupation: "Operador de camión de acarreo", jobTitle: "Operador de equipo pesado — Mina subterránea"),
        company: .init(name: "Compañía Minera Peñoles, S.A. de C.V.", rfc: "CMP961203AB4"),
        programme: .init(
            courseName: "Trabajo seguro en minería subterránea", hours: 40, from: "2025-03-03", to: "2025-03-07",
            thematicArea: "6000 Seguridad", trainingAgent: "Capacitación Minera del Norte, S.C. — STPS CAP-123456-ABC-0013"),
        signatures: .init(
            instructor: "Ing. Rubén Ibáñez Muñoz", employerRepresentative: "Lic. Begoña Güémez Treviño",
            workersRepresentative: "Sr. Íñigo Ordóñez Cañas"),
        verification: .init(code: "3F9A1C07B2D4E855", payload: "urn:veta:record:VETA-DC3-2025-000127:3f9a1c07b2d4e855"))

    static var fieldValues: [String] {
        let c = constancia
        return [
            c.worker.paternalSurname, c.worker.maternalSurname, c.worker.givenNames, c.worker.curp, c.worker.occupation, c.worker.jobTitle,
            c.company.name, c.company.rfc, c.programme.courseName, String(c.programme.hours), c.programme.from, c.programme.to,
            c.programme.thematicArea, c.programme.trainingAgent, c.signatures.instructor, c.signatures.employerRepresentative,
            c.signatures.workersRepresentative ?? "", c.serial, c.verification.code,
        ]
    }

    @Test func everyFieldValueIsPrintedWithItsAccentsIntact() throws {
        let text = try Poppler.text(of: try DC3Renderer.pdf(for: Self.constancia))
        for value in Self.fieldValues {
            #expect(text.contains(value), "missing \(value)")
        }
    }

    @Test func theFormHasItsTitleSectionsAndSpanishLabels() throws {
        let text = try Poppler.text(of: try DC3Renderer.pdf(for: Self.constancia))
        let labels = [
            "FORMATO DC-3", "CONSTANCIA DE COMPETENCIAS O DE HABILIDADES LABORALES", "DATOS DEL TRABAJADOR", "DATOS DE LA EMPRESA",
            "DATOS DEL PROGRAMA DE CAPACITACIÓN, ADIESTRAMIENTO Y PRODUCTIVIDAD", "Clave Única de Registro de Población",
            "Ocupación específica", "Puesto", "Nombre o razón social", "Registro Federal de Contribuyentes con homoclave",
            "Nombre del curso", "Duración en horas", "Periodo de ejecución", "Área temática del curso",
            "Nombre del agente capacitador o STPS", "Instructor o tutor", "Patrón o representante legal",
            "Representante de los trabajadores", "Folio", "Código de verificación",
        ]
        for label in labels {
            #expect(text.contains(label), "missing \(label)")
        }
    }

    @Test func theFormIsOnePDFPage() throws {
        let pdf = try DC3Renderer.pdf(for: Self.constancia)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let info = try Poppler.run("pdfinfo", on: pdf)
        #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") })
    }

    @Test func omittingTheWorkersRepresentativeRemovesThatSignatureLine() throws {
        var constancia = Self.constancia
        constancia.signatures.workersRepresentative = nil
        let text = try Poppler.text(of: try DC3Renderer.pdf(for: constancia))
        #expect(!text.contains("Representante de los trabajadores"))
        #expect(!text.contains("Íñigo"))
        #expect(text.contains("Instructor o tutor") && text.contains(constancia.signatures.instructor))
        #expect(text.contains("Patrón o representante legal") && text.contains(constancia.signatures.employerRepresentative))
    }

    @Test func decomposedAccentsArePrintedComposed() throws {
        var constancia = Self.constancia
        constancia.worker.givenNames = "Jose\u{301} A\u{301}ngel"
        let text = try Poppler.text(of: try DC3Renderer.pdf(for: constancia))
        #expect(text.contains("José Ángel"))
    }

    @Test func renderingTheSameConstanciaTwiceGivesTheSameBytes() throws {
        #expect(try DC3Renderer.pdf(for: Self.constancia) == DC3Renderer.pdf(for: Self.constancia))
    }

    @Test func aCharacterTheFormCannotPrintIsReportedWithItsField() {
        var constancia = Self.constancia
        constancia.company.name = "Minera Łódź 🚛"
        #expect {
            try DC3Renderer.pdf(for: constancia)
        } throws: { error in
            guard let error = error as? PDFError else { return false }
            return error.code == "VETA-DC3-003" && error.message.contains("company name") && error.message.contains("U+141")
        }
    }

    /// A long value is set smaller and wrapped (DC3LongNamesTests); only one the page cannot hold is refused.
    @Test func aValueTooLongForItsBoxIsRejected() {
        var constancia = Self.constancia
        constancia.programme.courseName = String(repeating: "Seguridad en minería ", count: 80)
        #expect {
            try DC3Renderer.pdf(for: constancia)
        } throws: { error in
            (error as? PDFError)?.code == "VETA-DC3-004"
        }
    }

    @Test(arguments: ["urn:veta:record:A:1", "urn:veta:record:VETA-DC3-2025-000127:" + String(repeating: "ab", count: 32)])
    func theQRCodeMatrixIsSquareAndSizedByItsVersion(_ payload: String) throws {
        let code = try QRCode(encoding: payload)
        #expect((1...40).contains(code.version))
        #expect(code.size == 17 + 4 * code.version)
        #expect(code.modules.count == code.size * code.size)
        // The three finder patterns: a dark 7×7 ring in the top-left, top-right and bottom-left corners.
        for (row, column) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            #expect(code[row, column] && code[row + 6, column + 6] && !code[row + 1, column + 1] && code[row + 3, column + 3])
        }
    }

    @Test func differentPayloadsGiveDifferentQRCodes() throws {
        let first = try QRCode(encoding: "urn:veta:record:0001:aaaa")
        let second = try QRCode(encoding: "urn:veta:record:0002:aaaa")
        #expect(first.size == second.size)
        #expect(first.modules != second.modules)
        #expect(try QRCode(encoding: "urn:veta:record:0001:aaaa") == first)
    }

    @Test func aLongerPayloadNeedsALargerQRCode() throws {
        let short = try QRCode(encoding: "urn:veta:record:1")
        let long = try QRCode(encoding: String(repeating: "urn:veta:record:1:", count: 20))
        #expect(long.version > short.version)
    }
}

/// Runs the poppler-utils tools on a PDF written to a temporary file.
private enum Poppler {
    static func text(of pdf: [UInt8]) throws -> String {
        try run("pdftotext", arguments: ["-layout"], on: pdf, trailing: ["-"])
    }

    static func run(_ tool: String, arguments: [String] = [], on pdf: [UInt8], trailing: [String] = []) throws -> String {
        let executable = "/usr/bin/\(tool)"
        try #require(FileManager.default.isExecutableFile(atPath: executable), "install poppler-utils for \(tool)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dc3-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + [file.path] + trailing
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }
}
