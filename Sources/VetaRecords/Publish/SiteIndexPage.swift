public import VetaProgress

/// The site's home page (`index.html` at the root): who the issuer is and how to verify one of
/// its records, in Spanish and English, so a phone opening the issuer's URL finds a page rather
/// than "not found". It lists no records (record pages are reached from a DC-3's QR code or a
/// credential, not browsed).
enum SiteIndexPage {
    static func html(issuer: Issuer, did: String) -> String {
        let name = RecordPageContent.escape(issuer.name)
        let rfc = RecordPageContent.escape(issuer.rfc.rawValue)
        let url = RecordPageContent.escape(issuer.id)
        let stps = issuer.stpsRegistration.map { "<br>STPS \(RecordPageContent.escape($0))" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="es">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(name) — verificación de registros / record verification</title>
            <style>
            body{font-family:sans-serif;max-width:40em;margin:0 auto;padding:1em;line-height:1.4}code{word-break:break-all}
            </style>
            </head>
            <body>
            <h1>\(name)</h1>
            <p>RFC \(rfc)\(stps)<br><a href="\(url)">\(url)</a><br><code>\(RecordPageContent.escape(did))</code></p>
            <h2 lang="es">Cómo verificar un registro</h2>
            <p lang="es">Escanee el código QR de la constancia DC-3 o abra la dirección impresa en ella: lleva a la página del registro, que dice si es válido. La credencial firmada de cada registro (VC-JWT, Ed25519) se verifica con la clave publicada en <a href=".well-known/did.json">.well-known/did.json</a> y la lista de revocación <a href="status/revocation-1.jwt">status/revocation-1.jwt</a>. Con Veta: <code>veta verify credential.jwt --did-document SITIO</code>.</p>
            <h2 lang="en">How to verify a record</h2>
            <p lang="en">Scan the DC-3 certificate's QR code or open the address printed on it: it leads to the record's page, which says whether it is valid. Each record's signed credential (VC-JWT, Ed25519) verifies with the key published at <a href=".well-known/did.json">.well-known/did.json</a> and the revocation list <a href="status/revocation-1.jwt">status/revocation-1.jwt</a>. With Veta: <code>veta verify credential.jwt --did-document SITE</code>.</p>
            </body>
            </html>

            """
    }
}
