"""Verifies Open Badges 3.0 VC-JWT credentials with an independent verifier from PyPI:
openbadgeslib's `OB3Verifier` (https://pypi.org/project/openbadgeslib/, pinned in the Makefile).

It checks the EdDSA signature against the issuer's public key (a JWK file written by
`veta keys generate`), the OB 3.0 structure, the registered claims (iss, nbf, sub, jti) and the
validity window against wall-clock time; run it under `faketime` to judge at a fixed date.

Usage: ob3_check.py ISSUER_PUBLIC_JWK CREDENTIAL.jwt...
Exit 0 when every credential verifies, 1 when any does not (each is named), 2 on bad usage.
"""
import base64
import json
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from openbadgeslib.ob3.verifier import OB3Verifier, OB3VerificationError


def public_pem(jwk_path):
    jwk = json.load(open(jwk_path))
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise SystemExit(f"{jwk_path}: not an Ed25519 JWK")
    raw = base64.urlsafe_b64decode(jwk["x"] + "=" * (-len(jwk["x"]) % 4))
    key = Ed25519PublicKey.from_public_bytes(raw)
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    verifier = OB3Verifier(public_pem(argv[1]))
    failures = 0
    for path in argv[2:]:
        token = open(path).read().strip()
        try:
            credential = verifier.verify(token)
            print(f"VALID {path}: {credential.issuer.id}")
        except OB3VerificationError as error:
            failures += 1
            print(f"INVALID {path}: {error}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
