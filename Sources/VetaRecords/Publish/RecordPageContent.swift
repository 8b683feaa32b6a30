public import VetaCurricula
public import VetaProgress

/// The verification page of one record: Spanish and English, plain HTML readable on a phone, no
/// JavaScript, no CURP. Everything on it follows from the log.
struct RecordPageContent {
    /// The record's standing, as the log has it.
    enum State: String {
        case valid = "VALID"
        case revoked = "REVOKED"
        case superseded = "SUPERSEDED"
        /// Signed with a key the issuer retired as compromised, on or after the day it was compromised.
        case keyCompromised = "KEY COMPROMISED"

        var spanish: String {
            switch self {
            case .valid: "VÁLIDA"
            case .revoked: "REVOCADA"
            case .superseded: "SUSTITUIDA"
            case .keyCompromised: "CLAVE COMPROMETIDA"
            }
        }

        /// The page's CSS class for the state (`valid`, `revoked`, `superseded`, `key-compromised`).
        var cssClass: String { self == .keyCompromised ? "key-compromised" : rawValue.lowercased() }
    }

    let record: IssuedRecord
    let issuer: Issuer
    let did: String
    let curriculum: Curriculum
    let unit: VetaCurricula.Unit?
    let traineeName: String
    let units: [String]
    let state: State
    let credentialSerial: String?
    let hasCredential: Bool
    let statusIndex: String?
    let events: [RecordEvent]

    /// The unit lines (`- CODE title…`) of a credential's criteria narrative.
    static func units(fromNarrative narrative: String) -> [String] {
        narrative.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    }

    var html: String {
        let title = unit.map { "\($0.code) \($0.title.both)" } ?? curriculum.title.both
        let kind = record.format == .ob3 ? "Credencial Open Badges 3.0 / Open Badges 3.0 credential" : "Constancia DC-3 / DC-3 certificate"
        // validUntil is the first day it no longer holds: the page names the last day it does.
        let validity =
            "del / from \(record.validFrom)"
            + (record.validUntil.map { " hasta el / through \($0.adding(days: -1)) (último día válido / last valid day)" }
                ?? " — sin vencimiento / no expiry")
        // A public page shows what happened and when, never the free-text reason the log keeps.
        let notes = events.map { event in
            event.kind == .revoked
                ? "Revocada el / revoked on \(event.date) (\(event.serial))"
                : "Sustituida el / superseded on \(event.date) (\(event.serial)) por / by \(event.note)"
        }
        let issued = String(record.issuedAt.prefix(10))
        var rows: [(String, String)] = [
            ("Estado / Status", "<strong class=\"\(state.cssClass)\">\(state.spanish) / \(state.rawValue)</strong>"),
            ("Persona / Holder", Self.escape(traineeName)),
            ("Programa / Curriculum", Self.escape("\(curriculum.code) \(curriculum.version) — \(title)")),
            ("Fecha de emisión / Issue date", Self.escape(issued)),
            ("Vigencia / Validity", Self.escape(validity)),
            (
                "Emisor / Issuer",
                "\(Self.escape(issuer.name)) (RFC \(Self.escape(issuer.rfc.rawValue)))<br><a href=\"\(Self.escape(issuer.id))\">\(Self.escape(issuer.id))</a><br><code>\(Self.escape(did))</code>"
            ),
            ("Documento / Document", Self.escape(kind) + " — " + Self.escape(record.serial)),
        ]
        if !notes.isEmpty { rows.append(("Historial / History", notes.map(Self.escape).joined(separator: "<br>"))) }
        let table = rows.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" }.joined(separator: "\n")
        let unitList = units.map { "<li>\(Self.escape($0))</li>" }.joined(separator: "\n")
        let credentialLink: String
        if hasCredential {
            credentialLink = "<a href=\"credential.jwt\">credential.jwt</a>"
        } else if let credentialSerial {
            credentialLink =
                "<a href=\"../\(Self.escape(credentialSerial))/credential.jwt\">\(Self.escape(credentialSerial))/credential.jwt</a>"
        } else {
            credentialLink = "—"
        }
        let status =
            statusIndex.map {
                " Su bit de revocación es el índice \($0) de / Its revocation bit is index \($0) of <a href=\"../../status/revocation-1.jwt\">status/revocation-1.jwt</a>."
            } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="es">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(record.serial)) — \(state.spanish) / \(state.rawValue)</title>
            <style>
            body{font-family:sans-serif;max-width:40em;margin:0 auto;padding:1em;line-height:1.4}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4em;border-bottom:1px solid #ccc}
            th{width:35%}.valid{color:#060}.revoked,.superseded,.key-compromised{color:#a00}code{word-break:break-all}
            </style>
            </head>
            <body>
            <h1>Verificación de registro / Record verification</h1>
            <table>
            \(table)
            </table>
            <h2>Unidades / Units</h2>
            <ul>
            \(unitList)
            </ul>
            <h2 lang="es">Cómo verificar</h2>
            <p lang="es">La credencial firmada (\(credentialLink)) es un VC-JWT firmado con Ed25519. Su encabezado <code>kid</code> nombra la clave en el documento DID del emisor, publicado en <a href="../../.well-known/did.json">.well-known/did.json</a>. Con Veta: <code>veta verify credential.jwt --did-document SITIO</code>.\(status)</p>
            <h2 lang="en">How to verify</h2>
            <p lang="en">The signed credential (\(credentialLink)) is a VC-JWT signed with Ed25519. Its header's <code>kid</code> names the key in the issuer's DID document, published at <a href="../../.well-known/did.json">.well-known/did.json</a>. With Veta: <code>veta verify credential.jwt --did-document SITE</code>.</p>
            </body>
            </html>

            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
