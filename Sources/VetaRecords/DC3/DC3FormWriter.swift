/// Lays the parts of the DC-3 form out on the page from the top down.
struct FormWriter {
    /// One labelled box of a section row; `fraction` is its share of the row's width.
    struct Cell {
        var label: String
        var value: String
        var field: String
        var fraction: Float

        init(_ label: String, _ value: String, field: String, fraction: Float = 1) {
            self.label = label
            self.value = value
            self.field = field
            self.fraction = fraction
        }
    }

    /// One signature line: the role above it and the name under it.
    struct Signer {
        var role: String
        /// One name per line (several assessors sign as instructors).
        var names: [String]
        var field: String
    }

    let document: PDFDocument
    /// The top edge of the next part, in points from the bottom of the page.
    var top: Float
    private let left: Float = 36
    private let width: Float = 540
    /// The smallest type size a value may shrink to before it counts as too long.
    private let smallestSize: Float = TextWrapping.smallestSize
    /// The width of the verification code (the record page URL) in the verification box: the form's
    /// 540 points less the QR code's 128-point square and 20 points of margins (``VerificationCodeFit``).
    static let codeWidth: Float = 540 - 128 - 20

    /// The form's name, centred.
    mutating func title() throws {
        try centred("FORMATO DC-3", y: top - 14, size: 14, weight: .bold)
        try centred("CONSTANCIA DE COMPETENCIAS O DE HABILIDADES LABORALES", y: top - 31, size: 11, weight: .bold)
        top -= 44
    }

    /// A section: a dark title bar over rows of labelled boxes. A value too wide for its box is set
    /// smaller and wrapped (up to three lines), and its row grows to hold it.
    mutating func section(_ title: String, rows: [[Cell]]) throws {
        let barHeight: Float = 15
        try document.fillRectangles([(left, top - barHeight, width, barHeight)], gray: 0.2)
        try document.drawText(title, x: left + 6, y: top - barHeight + 4.5, size: 8.5, weight: .bold, gray: 1)
        top -= barHeight
        let wrapping = TextWrapping(document: document)
        for row in rows {
            let layouts = try row.map { cell in
                try wrapping.layout(
                    [cell.value], width: width * cell.fraction - 10, size: 10.5, maxLines: 3, field: cell.field)
            }
            let rowHeight = layouts.map { max(34, 22 + Float($0.lines.count) * $0.size * 1.15) }.max() ?? 34
            try requireRoom(rowHeight)
            var x = left
            for (cell, layout) in zip(row, layouts) {
                let cellWidth = width * cell.fraction
                try document.strokeRectangle(x: x, y: top - rowHeight, width: cellWidth, height: rowHeight)
                let labelSize = try fit(cell.label, width: cellWidth - 10, size: 7, field: "label")
                try document.drawText(cell.label, x: x + 5, y: top - 10, size: labelSize, gray: 0.35)
                let leading = layout.size * 1.15
                for (index, line) in layout.lines.enumerated() {
                    let y = top - rowHeight + 9 + Float(layout.lines.count - 1 - index) * leading
                    try document.drawText(line, x: x + 5, y: y, size: layout.size, field: cell.field)
                }
                x += cellWidth
            }
            top -= rowHeight
        }
        top -= 10
    }

    /// The heading the STPS form carries above its title, centred, in small type.
    mutating func heading(_ lines: [String]) throws {
        for (index, line) in lines.enumerated() {
            let size = try fit(line, width: width, size: 7.5, field: "form heading")
            try centred(line, y: top - 8 - Float(index) * 9, size: size, gray: 0.2)
        }
        top -= Float(lines.count) * 9 + 4
    }

    /// The form's statement that the data are true.
    mutating func attestation() throws {
        let lines = [
            "Los datos se asientan en esta constancia bajo protesta de decir verdad, apercibidos de la responsabilidad",
            "en que incurre todo aquel que no se conduce con verdad.",
        ]
        for (index, line) in lines.enumerated() {
            try centred(line, y: top - 8 - Float(index) * 9, size: 7, gray: 0.2)
        }
        top -= 30
    }

    /// Signature lines side by side, centred, with each role above and each name under its line.
    /// A name too wide for its column is set smaller and wrapped; the instructor line puts each
    /// assessor on a line of their own (`Signer.names`), and the block grows to hold the longest.
    mutating func signatures(_ signers: [Signer]) throws {
        let gap: Float = 18
        // Three columns of a third of the width; a line signed by several people takes a double share.
        let shares = signers.map { Float($0.names.count > 1 ? 2 : 1) }
        let unit = (width - 2 * gap) / max(3, shares.reduce(0, +))
        let used = unit * shares.reduce(0, +) + gap * Float(signers.count - 1)
        let wrapping = TextWrapping(document: document)
        let layouts = try zip(signers, shares).map { signer, share in
            try wrapping.layout(signer.names, width: unit * share - 8, size: 9, maxLines: 12, field: signer.field)
        }
        let extra = layouts.map { Float($0.lines.count - 1) * $0.size * 1.15 }.max() ?? 0
        try requireRoom(94 + extra)
        var x = left + (width - used) / 2
        for ((signer, layout), share) in zip(zip(signers, layouts), shares) {
            let columnWidth = unit * share
            let centre = x + columnWidth / 2
            try centred(signer.role, x: centre, y: top - 8, size: 7.5, weight: .bold)
            try document.strokeLine(fromX: x + 4, fromY: top - 56, toX: x + columnWidth - 4, toY: top - 56)
            let leading = layout.size * 1.15
            for (index, line) in layout.lines.enumerated() where !line.isEmpty {
                try centred(line, x: centre, y: top - 68 - Float(index) * leading, size: layout.size, field: signer.field)
            }
            let below = Float(layout.lines.count - 1) * leading
            try centred("Nombre y firma", x: centre, y: top - 78 - below, size: 7, gray: 0.35)
            x += columnWidth + gap
        }
        top -= 94 + extra
    }

    /// Refuses a form whose content would run past the bottom margin (it keeps room for the
    /// verification box below): the values are too long for one page.
    private func requireRoom(_ height: Float) throws {
        guard top - height >= 24 + 128 else { throw PDFError.tooLong("form's content", characters: 0) }
    }

    /// A box with the folio and the verification code on the left and the QR code on the right.
    mutating func verification(serial: String, code: String, qrCode: QRCode) throws {
        let height: Float = 128
        let bottom = top - height
        try document.strokeRectangle(x: left, y: bottom, width: width, height: height)
        try document.drawText("Folio", x: left + 10, y: top - 18, size: 7, gray: 0.35)
        let serialSize = try fit(serial, width: width - height - 20, size: 13, weight: .bold, field: "serial number")
        try document.drawText(serial, x: left + 10, y: top - 36, size: serialSize, weight: .bold, field: "serial number")
        try document.drawText("Código de verificación", x: left + 10, y: top - 58, size: 7, gray: 0.35)
        let codeSize = try fit(code, width: Self.codeWidth, size: 11, field: "verification code")
        try document.drawText(code, x: left + 10, y: top - 75, size: codeSize, field: "verification code")
        let note = "Escanee el código QR para comprobar esta constancia contra la credencial digital firmada."
        try document.drawText(note, x: left + 10, y: bottom + 12, size: 7, gray: 0.35)
        // The symbol keeps its 4-module quiet zone inside the box's right-hand square.
        let module = (height - 4) / Float(qrCode.size + 8)
        let originX = left + width - height + 2 + 4 * module
        let originY = top - 2 - 4 * module
        var runs: [(x: Float, y: Float, width: Float, height: Float)] = []
        for row in 0..<qrCode.size {
            var column = 0
            while column < qrCode.size {
                guard qrCode[row, column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < qrCode.size, qrCode[row, column] { column += 1 }
                let y = originY - Float(row + 1) * module
                runs.append((originX + Float(start) * module, y, Float(column - start) * module, module))
            }
        }
        try document.fillRectangles(runs, gray: 0)
        top = bottom
    }

    /// The type size at which `text` fits in `width`: `size`, or smaller, down to ``smallestSize``.
    private func fit(_ text: String, width: Float, size: Float, weight: PDFDocument.Weight = .regular, field: String) throws -> Float {
        let natural = try document.textWidth(text, size: size, weight: weight, field: field)
        guard natural > width else { return size }
        let fitted = size * width / natural
        guard fitted >= smallestSize else { throw PDFError.tooLong(field, characters: text.count) }
        return fitted
    }

    private func centred(
        _ text: String, x centre: Float? = nil, y: Float, size: Float, weight: PDFDocument.Weight = .regular, gray: Float = 0,
        field: String = "form text"
    ) throws {
        let textWidth = try document.textWidth(text, size: size, weight: weight, field: field)
        let x = (centre ?? left + width / 2) - textWidth / 2
        try document.drawText(text, x: x, y: y, size: size, weight: weight, gray: gray, field: field)
    }
}
