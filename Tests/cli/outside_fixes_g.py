"""End-to-end checks of the third outside break-test's findings (the ones left open after the second),
one per fault, each with its exact message:

- `veta reissue --format json`: one JSON document on every path (issued, refused, usage), and an
  unknown option is ArgumentParser's own usage error, not "give either a SERIAL or --compromised".
- `veta sync export --for ID` for a store this one never received from: a first export, said so in
  the output (`partnerKnown` false in JSON); `--for` this store's own id is refused.
- `veta sync import` of a bundle cut short, with CRLF line endings (accepted: the LF form is what
  was signed), or with more after its signature line: each named exactly.
- `veta issuer retire-key` with a future `--compromised-since`: the refusal says why.
- `veta status --site` for a trainee whose registration from that site is a CURP conflict: named as
  such, with the site the trainee's entries came from.
- `veta badge --out` onto a dangling symbolic link: a refusal (exit 1) naming the link; `--force`
  replaces the link.

Usage: outside_fixes_g.py VETA WORKDIR
"""
import os
import subprocess
import sys

from checks import check, finish
from stores import as_json, curp, issued_unit_store, store_commands, workplace

veta, work, root = workplace(sys.argv)
run, must, end = store_commands(veta)
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
ORG = "CMP961028AB1"
os.environ["VETA_NOW"] = "2026-11-20T12:00:00Z"


def key(name, part="private"):
    return os.path.join(keys, f"{name}.{part}.jwk")


def both(r):
    return r.stdout + r.stderr


# --- reissue --format json ------------------------------------------------------------------------------------------
records = os.path.join(work, "records.sqlite")
out = os.path.join(work, "records")
issued_unit_store(veta, records, keys, root, ISSUER, out, "2026-11-20", "ob3")
r = run(records, "reissue", "VETA-2026-000001", "--key", key("issuer"), "--out", out, "--format", "json")
j = as_json(r)
check("reissue --format json prints one document listing the new record and the one it supersedes",
      r.returncode == 0 and j is not None and len(j["issued"]) == 1 and j["issued"][0]["supersedes"] == "VETA-2026-000001"
      and os.path.exists(j["issued"][0]["path"]) and j["notReissued"] == [] and "error" not in j, both(r))
r = run(records, "reissue", "VETA-2026-000099", "--key", key("issuer"), "--out", out, "--format", "json")
j = as_json(r)
check("reissue --format json of a serial the store never issued: exit 1 and the error object",
      r.returncode == 1 and j is not None and j["error"]["exitCode"] == 1 and "VETA-2026-000099" in j["error"]["message"], both(r))
r = run(records, "reissue", "--compromised", "--key", key("issuer"), "--out", out, "--format", "json")
j = as_json(r)
check("reissue --compromised --format json with no retired key: exit 0, nothing issued",
      r.returncode == 0 and j == {"issued": [], "notReissued": []}, both(r))
r = run(records, "reissue", "--format", "json", "VETA-2026-000001", "--compromised", "--key", key("issuer"))
j = as_json(r)
check("reissue SERIAL --compromised is a usage error (64) that names both, in JSON too",
      r.returncode == 64 and j is not None and j["error"]["code"] == "usage"
      and j["error"]["message"] == "give either a SERIAL or --compromised, not both (SERIAL is VETA-2026-000001)"
      and "Usage: " in r.stderr, both(r))
r = run(records, "reissue", "--key", key("issuer"))
check("reissue with neither SERIAL nor --compromised is a usage error (64)",
      r.returncode == 64 and "give either a SERIAL or --compromised" in r.stderr, both(r))
r = run(records, "reissue", "--bogus", "json", "--compromised", "--key", key("issuer"))
check("an unknown option of reissue is ArgumentParser's usage error, not the SERIAL/--compromised message",
      r.returncode == 64 and "Unknown option '--bogus'" in r.stderr and "give either" not in r.stderr, both(r))
r = run(records, "reissue", "--frmat", "json", "VETA-2026-000001", "--key", key("issuer"), "--format", "json")
j = as_json(r)
check("... and under --format json it is one JSON usage document naming the option",
      r.returncode == 64 and j is not None and "--frmat" in j["error"]["message"], both(r))

# --- badge --out onto a dangling symbolic link ----------------------------------------------------------------------
link = os.path.join(work, "badge.svg")
os.symlink(os.path.join(work, "nowhere", "target.svg"), link)
r = run(records, "badge", "--record", "VETA-2026-000001", "--out", link)
check("badge --out onto a dangling symbolic link is refused (exit 1), naming the link, and the link is left",
      r.returncode == 1 and f"{link} is a symbolic link to" in r.stderr and "which does not exist" in r.stderr
      and os.path.islink(link), both(r))
r = run(records, "badge", "--record", "VETA-2026-000001", "--out", link, "--format", "json")
j = as_json(r)
check("... in JSON too (the error object, exit 1)", r.returncode == 1 and j is not None and j["error"]["exitCode"] == 1, both(r))
r = run(records, "badge", "--record", "VETA-2026-000001", "--out", link, "--force")
check("badge --force replaces the dangling link with the image",
      r.returncode == 0 and not os.path.islink(link) and open(link, encoding="utf-8").read().startswith("<"), both(r))
bundle_link = os.path.join(work, "dangling.bundle")
os.symlink(os.path.join(work, "nowhere", "x.bundle"), bundle_link)

# --- retire-key with a future date ----------------------------------------------------------------------------------
subprocess.run([veta, "keys", "generate", "--name", "issuer-2", "--out", keys], check=True, capture_output=True)
must(records, "issuer", "rotate-key", "--url", ISSUER, "--public-key", key("issuer-2", "public"), "--reason", "key-1 leaked")
r = run(records, "issuer", "retire-key", "--key-id", "1", "--compromised-since", "2026-11-28", "--reason", "robo",
        "--format", "json")
j = as_json(r)
check("retire-key --compromised-since after today says why: the date is after the site's today",
      r.returncode == 1 and j is not None and "2026-11-28 is after today (2026-11-20)" in j["error"]["message"]
      and "2026-11-28 is after today (2026-11-20)" in r.stderr, both(r))

# --- sites: export --for, import messages, status --site -------------------------------------------------------------
centre, zac1, zac2 = (os.path.join(work, f"{n}.sqlite") for n in ("centro", "zac01", "zac02"))
for name in ("CENTRO", "ZAC01", "ZAC02"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
must(centre, "sync", "init", "--id", "CENTRO", "--role", "centre")
must(zac1, "sync", "init", "--id", "ZAC-01")
must(zac2, "sync", "init", "--id", "ZAC-02")
must(centre, "publish", os.path.join(root, "Curricula"))
must(centre, "org", "add", "--rfc", ORG, "--name", "Compañía Minera", "--site", "Unidad Tizapa")


def bundle(name):
    return os.path.join(work, name + ".bundle")


r = run(centre, "sync", "export", "--key", key("CENTRO"), "--for", "ZAC-09", "--to", bundle("first"))
check("export --for a store never received from is a first export, and the output says so",
      r.returncode == 0 and "this store has received no bundle from ZAC-09: a first export to it, from entry 1" in r.stdout, both(r))
r = run(centre, "sync", "export", "--key", key("CENTRO"), "--for", "ZAC-09", "--to", bundle("first-json"), "--format", "json")
j = as_json(r)
check("... partnerKnown is false in JSON", r.returncode == 0 and j["partner"] == "ZAC-09" and j["partnerKnown"] is False, both(r))
r = run(centre, "sync", "export", "--key", key("CENTRO"), "--for", "CENTRO", "--to", bundle("self"), "--format", "json")
j = as_json(r)
check("export --for this store's own id is refused (exit 1, sync-site) and writes no file",
      r.returncode == 1 and j["error"]["code"] == "sync-site"
      and "--for CENTRO names this store itself" in j["error"]["message"] and not os.path.exists(bundle("self")), both(r))
r = run(centre, "sync", "export", "--key", key("CENTRO"), "--to", bundle_link)
check("export --to a dangling symbolic link is refused (exit 1), naming the link",
      r.returncode == 1 and "is a symbolic link to" in r.stderr and os.path.islink(bundle_link), both(r))

down = open(bundle("first"), "rb").read()
lines = down.split(b"\n")
cases = [
    ("cut inside its content", down[: len(lines[0]) + 1 + len(lines[1]) // 2],
     "is cut short: it ends inside its content (line 2 of 3)"),
    ("cut before its signature line", down[: len(lines[0]) + 1 + len(lines[1]) + 1],
     "is cut short: its signature line (line 3) is missing"),
    ("cut inside its signature line", down[:-10], "is cut short: its signature line (line 3) has no line feed at its end"),
    ("cut inside its first line", down[:8], "is cut short: it ends inside its first line"),
    ("with a line after its signature", down + b"otra linea\n", "has more lines after its signature line (line 3)"),
]
for label, data, message in cases:
    path = bundle("bad")
    open(path, "wb").write(data)
    before = end(zac1)
    r = run(zac1, "sync", "import", path, "--format", "json")
    j = as_json(r)
    check(f"a bundle {label} is named exactly (exit 1, sync-format), nothing written",
          r.returncode == 1 and j["error"]["code"] == "sync-format" and f"{path} {message}" in j["error"]["message"]
          and end(zac1) == before, both(r))
crlf = bundle("crlf")
open(crlf, "wb").write(down.replace(b"\n", b"\r\n"))
r = run(zac1, "sync", "import", crlf, "--format", "json")
check("a bundle whose lines end in CR LF (copied through Windows) is imported: the LF form is what was signed",
      r.returncode == 0 and as_json(r)["copied"] > 0, both(r))
r = run(zac1, "sync", "import", bundle("first"))
check("... and the same bundle with LF endings is then nothing new", r.returncode == 0 and "nothing new" in r.stdout, both(r))

# T100 registered at ZAC-01 and, with another CURP, at ZAC-02: a CURP conflict at the centre.
for site, body in ((zac1, "NUPJ880214HZSXXS0"), (zac2, "NUPJ770707HZSXXS0")):
    if site == zac2:
        must(zac2, "sync", "import", bundle("first"))
    must(site, "trainee", "add", "--id", "T100", "--paternal", "Núñez", "--given", "José", "--curp", curp(body),
         "--employer", ORG, "--occupation", "Operador", "--job-title", "Operador")
    must(site, "enrol", "T100", "VTOPHT", "--date", "2026-10-01")
must(zac1, "sync", "export", "--key", key("ZAC01"), "--to", bundle("up1"))
must(zac2, "sync", "export", "--key", key("ZAC02"), "--to", bundle("up2"))
must(centre, "sync", "import", bundle("up1"))
r = run(centre, "sync", "import", bundle("up2"))
check("the centre names ZAC-02's T100 a conflict", r.returncode == 0 and "conflicts" in r.stdout, both(r))
r = run(centre, "status", "T100", "--site", "ZAC-02")
check("status --site for a trainee held as a CURP conflict says so, and where the trainee's entries came from",
      r.returncode == 1 and "site ZAC-02's entries about trainee T100 are kept as a CURP conflict, not applied "
      "(the registration here stands); trainee T100's entries here came from ZAC-01" in r.stderr, both(r))
r = run(centre, "status", "T100", "--site", "ZAC-01")
check("status --site of the site the trainee came from shows the trainee", r.returncode == 0 and "T100" in r.stdout, both(r))

finish("outside fixes (g)")
