import Foundation
import JWTKit

/// Encodes VC-JWT claims with a hand-written JSON writer (the credential's shape is fixed), and
/// everything else (the JOSE header) with jwt-kit's default encoder. Foundation's JSONEncoder
/// was most of the cost of issuing a credential.
struct ClaimsJSONEncoder: JWTJSONEncoder {
    func encode<T: Encodable>(_ value: T) throws -> Data {
        guard let claims = value as? VCJWT.Claims else { return try JSONEncoder.defaultForJWT.encode(value) }
        var json = JSONBytes()
        claims.write(to: &json)
        return Data(json.bytes)
    }
}

extension VCJWT.Claims {
    func write(to json: inout JSONBytes) {
        let c = credential
        json.object {
            $0.field("@context") { $0.strings(c.context) }
            $0.field("id") { $0.string(c.id) }
            $0.field("type") { $0.strings(c.type) }
            $0.field("issuer") { json in
                json.object {
                    $0.field("id") { $0.string(c.issuer.id) }
                    $0.field("type") { $0.strings(c.issuer.type) }
                    $0.field("name") { $0.string(c.issuer.name) }
                    if let url = c.issuer.url { $0.field("url") { $0.string(url) } }
                    if let others = c.issuer.otherIdentifier {
                        $0.field("otherIdentifier") { json in
                            json.array(others) { json, entry in
                                json.object {
                                    $0.field("type") { $0.string(entry.type) }
                                    $0.field("identifier") { $0.string(entry.identifier) }
                                    $0.field("identifierType") { $0.string(entry.identifierType) }
                                }
                            }
                        }
                    }
                }
            }
            $0.field("validFrom") { $0.string(c.validFrom) }
            if let until = c.validUntil { $0.field("validUntil") { $0.string(until) } }
            $0.field("name") { $0.string(c.name) }
            if let description = c.description { $0.field("description") { $0.string(description) } }
            $0.field("credentialSubject") { json in writeSubject(c.credentialSubject, to: &json) }
            if let status = c.credentialStatus {
                $0.field("credentialStatus") { json in
                    json.object {
                        $0.field("id") { $0.string(status.id) }
                        $0.field("type") { $0.string(status.type) }
                        if let purpose = status.statusPurpose { $0.field("statusPurpose") { $0.string(purpose) } }
                        if let index = status.statusListIndex { $0.field("statusListIndex") { $0.string(index) } }
                        if let list = status.statusListCredential { $0.field("statusListCredential") { $0.string(list) } }
                    }
                }
            }
            if let evidence = c.evidence {
                $0.field("evidence") { json in
                    json.array(evidence) { json, item in
                        json.object {
                            $0.field("id") { $0.string(item.id) }
                            $0.field("type") { $0.strings(item.type) }
                            $0.field("name") { $0.string(item.name) }
                            $0.field("narrative") { $0.string(item.narrative) }
                            $0.field("genre") { $0.string(item.genre) }
                        }
                    }
                }
            }
            $0.field("iss") { $0.string(c.issuer.id) }
            $0.field("sub") { $0.string(c.credentialSubject.id) }
            $0.field("jti") { $0.string(c.id) }
            $0.field("nbf") { $0.number(Int(nbf.value.timeIntervalSince1970)) }
            if let exp { $0.field("exp") { $0.number(Int(exp.value.timeIntervalSince1970)) } }
        }
    }

    private func writeSubject(_ subject: AchievementCredential.AchievementSubject, to json: inout JSONBytes) {
        let a = subject.achievement
        json.object {
            $0.field("id") { $0.string(subject.id) }
            $0.field("type") { $0.strings(subject.type) }
            $0.field("identifier") { json in
                json.array(subject.identifier) { json, identity in
                    json.object {
                        $0.field("type") { $0.string(identity.type) }
                        $0.field("hashed") { $0.raw(identity.hashed ? "true" : "false") }
                        $0.field("identityHash") { $0.string(identity.identityHash) }
                        $0.field("identityType") { $0.string(identity.identityType) }
                        $0.field("salt") { $0.string(identity.salt) }
                    }
                }
            }
            $0.field("achievement") { json in
                json.object {
                    $0.field("id") { $0.string(a.id) }
                    $0.field("type") { $0.strings(a.type) }
                    $0.field("achievementType") { $0.string(a.achievementType) }
                    $0.field("name") { $0.string(a.name) }
                    $0.field("description") { $0.string(a.description) }
                    $0.field("criteria") { json in json.object { $0.field("narrative") { $0.string(a.criteria.narrative) } } }
                    $0.field("humanCode") { $0.string(a.humanCode) }
                    $0.field("creditsAvailable") { $0.number(a.creditsAvailable) }
                    if let alignment = a.alignment {
                        $0.field("alignment") { json in
                            json.array(alignment) { json, item in
                                json.object {
                                    $0.field("type") { $0.strings(item.type) }
                                    $0.field("targetName") { $0.string(item.targetName) }
                                    $0.field("targetUrl") { $0.string(item.targetUrl) }
                                    if let code = item.targetCode { $0.field("targetCode") { $0.string(code) } }
                                    if let framework = item.targetFramework { $0.field("targetFramework") { $0.string(framework) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
