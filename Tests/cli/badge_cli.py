"""End-to-end checks of baked badges and the DC-3's link to the record page: `veta badge` writes
an SVG and a PNG that independent readers accept (Python's XML parser, pypng with its CRC checks,
openbadgeslib's OB 3.0 extraction) and that carry the credential byte for byte; `veta verify`
accepts the baked files and refuses a damaged one; the DC-3's QR code, decoded by zbar from the
PDF rasterised by pdftoppm, is the record's verification page URL.

Usage: badge_cli.py VETA WORKDIR
"""
import os
import shutil
import subprocess
import sys
import xml.dom.minidom

import png
from openbadgeslib import baking

from checks import check, finish
from stores import issued_unit_store

veta, work = os.path.abspath(sys.argv[1]), sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
store = os.path.join(work, "veta.sqlite")
keys = os.path.join(work, "keys")
out = os.path.join(work, "records")
ISSUER = "https://capacitacion.example.mx"


def run(*args):
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300)


for tool in ("pdftoppm", "zbarimg"):
    if shutil.which(tool) is None:
        print(f"FAIL {tool} is not installed (make deps installs it)")
        sys.exit(1)

issued_unit_store(veta, store, keys, root, ISSUER, out, "2026-11-30", "all")
serial, dc3 = "VETA-2026-000001", "VETA-2026-000002"
jwt = open(os.path.join(out, serial + ".jwt")).read().strip()

svg_path, png_path = os.path.join(work, "badges", serial + ".svg"), os.path.join(work, "badges", serial + ".png")
r1, r2 = run("badge", "--record", serial, "--out", svg_path), run("badge", "--record", serial, "--out", png_path)
check("veta badge writes an SVG and a PNG", r1.returncode == 0 and r2.returncode == 0 and os.path.isfile(svg_path)
      and os.path.isfile(png_path), r1.stderr + r2.stderr)

# --- the SVG -------------------------------------------------------------------------------------------
svg_bytes = open(svg_path, "rb").read()
try:
    document = xml.dom.minidom.parseString(svg_bytes)
    element = document.getElementsByTagNameNS("https://purl.imsglobal.org/ob/v3p0", "credential")
    svg_ok = document.documentElement.tagName == "svg" and len(element) == 1 and element[0].getAttribute("verify") == jwt
    svg_detail = ""
except Exception as error:  # noqa: BLE001 - any parse error is the finding
    svg_ok, svg_detail = False, str(error)
check("the SVG parses as XML and carries the credential in <openbadges:credential> (OB 3.0 namespace)", svg_ok, svg_detail)
text = svg_bytes.decode()
check("the SVG shows the unit's code, title and level and loads nothing from outside",
      "RIIWHS201E" in text and "Nivel operador" in text and "href" not in text and "<image" not in text and "<script" not in text
      and text.count("http") == 2, text[:400])
check("openbadgeslib extracts the same credential from the SVG",
      baking.extract_svg(svg_bytes, element=baking.SVG_ELEMENT_OB3, text_fallback=True) == jwt)

# --- the PNG -------------------------------------------------------------------------------------------
png_bytes = open(png_path, "rb").read()
try:
    width, height, rows, info = png.Reader(bytes=png_bytes).read()
    pixels = [list(row) for row in rows]
    chunks = [tag for tag, _ in png.Reader(bytes=png_bytes).chunks()]  # pypng checks every CRC
    png_ok, png_detail = width == height == 320 and len(pixels) == 320 and len(set(v for row in pixels for v in row)) > 2, str(chunks)
except Exception as error:  # noqa: BLE001
    png_ok, png_detail = False, str(error)
check("pypng reads the PNG (every chunk's CRC checked) as a 320 x 320 image with a drawn face", png_ok, png_detail)
itxt = [data for tag, data in png.Reader(bytes=png_bytes).chunks() if tag == b"iTXt"]
check("the PNG carries the credential in one uncompressed iTXt chunk 'openbadgecredential'",
      itxt == [b"openbadgecredential\0\0\0\0\0" + jwt.encode()], repr([d[:40] for d in itxt]))
check("openbadgeslib extracts the same credential from the PNG", baking.extract_png(png_bytes, keyword=baking.ITXT_KEYWORD_OB3) == jwt)

again = os.path.join(work, "again.png")
run("badge", "--record", serial, "--out", again)
check("baking twice gives the same bytes", open(again, "rb").read() == png_bytes)

# --- veta verify on baked files ---------------------------------------------------------------------------
for path in (svg_path, png_path):
    r = run("verify", path, "--as-of", "2026-11-30")
    check(f"veta verify accepts the baked {path[-3:].upper()} as the credential it carries",
          r.returncode == 0 and "VALID" in r.stdout and serial in r.stdout, r.stdout + r.stderr)
damaged = bytearray(png_bytes)
damaged[png_bytes.index(b"openbadgecredential") + 40] ^= 0x01
open(os.path.join(work, "damaged.png"), "wb").write(bytes(damaged))
r = run("verify", os.path.join(work, "damaged.png"), "--as-of", "2026-11-30")
check("veta verify refuses a PNG whose credential chunk was altered (CRC), exit 1", r.returncode == 1 and "VETA-BADGE-003" in r.stderr,
      r.stdout + r.stderr)
forged_path = os.path.join(work, "forged.png")
# Re-baked with a valid CRC by openbadgeslib: the image is fine, the signature is not.
stripped = [(tag, data) for tag, data in png.Reader(bytes=png_bytes).chunks() if tag != b"iTXt"]
clean = baking._serialize_png(stripped)
open(forged_path, "wb").write(baking.bake_png(clean, jwt[:-4] + ("AAAA" if not jwt.endswith("AAAA") else "BBBB"),
                                              keyword=baking.ITXT_KEYWORD_OB3))
r = run("verify", forged_path, "--as-of", "2026-11-30")
check("veta verify finds a forged signature in a PNG baked by another tool", r.returncode == 1 and "FAIL signature" in r.stdout,
      r.stdout + r.stderr)
r = run("verify", forged_path.replace("forged", "missing"), "--as-of", "2026-11-30")
check("a missing badge file is exit 2", r.returncode == 2, r.stderr)

# --- refusals ----------------------------------------------------------------------------------------------
r = run("badge", "--record", dc3, "--out", os.path.join(work, "dc3.svg"))
check("a DC-3 serial has no badge: exit 1, naming the fix", r.returncode == 1 and "VETA-BADGE-004" in r.stderr
      and not os.path.exists(os.path.join(work, "dc3.svg")), r.stderr)
r = run("badge", "--record", "VETA-2026-999999", "--out", os.path.join(work, "none.png"))
check("an unknown serial is refused, exit 1", r.returncode == 1 and not os.path.exists(os.path.join(work, "none.png")), r.stderr)
r = run("badge", "--record", serial, "--out", os.path.join(work, "badge.gif"))
check("--out with another extension is a usage error, exit 64", r.returncode == 64, r.stderr)

# --- the DC-3's QR code ------------------------------------------------------------------------------------
pdf = os.path.join(out, dc3 + ".pdf")
subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", pdf, os.path.join(work, "dc3")], check=True)
z = subprocess.run(["zbarimg", "--quiet", "--raw", os.path.join(work, "dc3.png")], capture_output=True, text=True)
url = f"{ISSUER}/records/{serial}/"
check("the DC-3's QR code decodes (zbar) to the record's verification page URL", z.returncode == 0 and z.stdout.strip() == url,
      repr(z.stdout) + z.stderr)
text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
check("the DC-3 prints the same URL as its verification code", url in text, text[-600:])

finish("badges")
