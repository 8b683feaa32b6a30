import Foundation
import Testing

@testable import VetaRecords

/// A DC-3 is never refused for the length of people's names: long Spanish names and several
/// assessors are set smaller and wrapped, every word printed and the page still one page.
@Suite struct DC3LongNamesTests {
    static let assessors = [
        "Ing. María de los Ángeles Hernández Villaseñor de la Garza",
        "Lic. José Guadalupe Fernández de Córdoba y Ruiz de Alarcón",
        "Mtro. Juan Nepomuceno Almonte Ibáñez de Santa Anna",
        "Dra. Guillermina Concepción Peñaloza Echeverría Güemes",
    ]

    static func constancia(instructors: [String], workers: String?) -> DC3Constancia {
        var constancia = DC3RendererTests.constancia
        constancia.worker.paternalSurname = "Fernández de Lizardi y Montemayor"
        constancia.worker.maternalSurname = "Gutiérrez de Quiñones Bustamante"
        constancia.worker.givenNames = "María Guadalupe del Perpetuo Socorro Natividad"
        constancia.signatures.instructor = instructors.joined(separator: ", ")
        constancia.signatures.employerRepresentative = "Lic. Francisco Javier Clavijero Echeverría de la Peña"
        constancia.signatures.workersRepresentative = workers
        return constancia
    }

    /// pdftotext's words, so a name wrapped over two lines is still found word by word.
    static func words(_ pdf: [UInt8]) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("veta-dc3-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map(String.init)
    }

    @Test(arguments: [1, 2, 3, 4])
    func longSpanishNamesAndUpToFourAssessorsArePrintedInFull(_ count: Int) throws {
        for workers in [nil, "Sr. Íñigo Ordóñez Cañas de la Santísima Trinidad Ramírez"] as [String?] {
            let constancia = Self.constancia(instructors: Array(Self.assessors.prefix(count)), workers: workers)
            let pdf = try DC3Renderer.pdf(for: constancia)
            let words = try Self.words(pdf)
            let names =
                Array(Self.assessors.prefix(count)) + [
                    constancia.worker.paternalSurname, constancia.worker.maternalSurname, constancia.worker.givenNames,
                    constancia.signatures.employerRepresentative,
                ] + (workers.map { [$0] } ?? [])
            for name in names {
                for word in name.split(separator: " ") { #expect(words.contains(String(word)), "missing \(word) of \(name)") }
            }
        }
    }

    @Test func wrappingLaysOutAWordWiderThanTheBoxBetweenLetters() throws {
        let document = try PDFDocument()
        let layout = try TextWrapping(document: document).layout(
            [String(repeating: "Ñ", count: 80)], width: 100, size: 9, maxLines: 12, field: "test")
        #expect(layout.lines.count > 1)
        #expect(layout.lines.joined() == String(repeating: "Ñ", count: 80))
        for line in layout.lines { #expect(try document.textWidth(line, size: layout.size, weight: .regular, field: "test") <= 100) }
    }
}
