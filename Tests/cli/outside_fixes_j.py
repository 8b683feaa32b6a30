"""End-to-end checks of the eighth outside break-test's findings 7, 8 and 9, each with its message:

- `veta import` of evidence whose site the trainee's employer never registered: refused every time
  (exit 1), naming the row and the registered sites, nothing written; on the streamed path (a clean
  UTF-8 file), the whole-file path (a byte-order mark, a semicolon file) alike, for one row or many.
- `veta sync import` of a bundle saved with a UTF-8 byte-order mark (Notepad): imported, as the
  bundle that was signed; one saved as UTF-16 is named as such.
- `veta reissue SERIAL` of a record already re-issued: names SERIAL, its own successor, and every
  successor separated by ", ".

Usage: outside_fixes_j.py VETA WORKDIR
"""
import os
import subprocess
import sys

from checks import check, finish
from stores import as_json, competent_store, issued_unit_store, store_commands, workplace

veta, work, root = workplace(sys.argv)
run, must, entries = store_commands(veta)
keys = os.path.join(work, "keys")
ISSUER = "https://capacitacion.example.mx"
os.environ["VETA_NOW"] = "2026-11-20T12:00:00Z"


def key(name, part="private"):
    return os.path.join(keys, f"{name}.{part}.jwk")


def both(r):
    return r.stdout + r.stderr


# --- 7: import of a site the employer never registered ---------------------------------------------------------------
for name in ("A01", "issuer"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
store = competent_store(veta, os.path.join(work, "sites.sqlite"), keys, root, ["RIIWHS201E"], ISSUER)
HEADER = "trainee,curriculum,unit,target,method,outcome,date,hours,site\n"


def rows(count, bad_at, site="Nowhere", sep=","):
    text = HEADER.replace(",", sep)
    for i in range(count):
        where = site if i == bad_at else ("Unidad Tizapa" if i % 2 else "")
        text += sep.join(["T100", "VTOPHT", "RIIWHS201E", f"element:{i % 2 + 1}", "observation", "satisfactory",
                          f"2026-11-{i + 1:02d}", str(i + 1), where]) + "\n"
    return text


r = run(store, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--target", "element:1",
        "--method", "observation", "--outcome", "satisfactory", "--hours", "1", "--site", "Nowhere")
check("record --site Nowhere is refused (exit 1), naming the registered sites",
      r.returncode == 1 and "site Nowhere is not registered for employer CMP961028AB1" in r.stderr
      and "its sites are Unidad Tizapa" in r.stderr, both(r))
for attempt in range(4):
    path = os.path.join(work, f"r{attempt}.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(rows(1, 0).replace("element:1", f"element:{attempt % 2 + 1}").replace(",1,Nowhere", f",{attempt + 1},Nowhere"))
    before = entries(store)
    r = run(store, "import", path)
    check(f"one-row import {attempt + 1} of 4 with site Nowhere is refused like the others (exit 1), naming the row "
          "and the registered sites; nothing written",
          r.returncode == 1 and f"{path}:2: site Nowhere is not registered for employer CMP961028AB1 of trainee T100 "
          "(its sites are Unidad Tizapa)" in both(r) and entries(store) == before, both(r))
shapes = [("streamed (clean UTF-8)", "", ","), ("read whole (byte-order mark)", "\ufeff", ","),
          ("read whole (semicolons)", "", ";")]
for label, prefix, sep in shapes:
    for count, bad_at in ((3, 0), (5, 4), (7, 3)):
        path = os.path.join(work, f"many-{sep == ';'}-{count}.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(prefix + rows(count, bad_at, sep=sep))
        before = entries(store)
        r = run(store, "import", path, "--format", "json")
        j = as_json(r)
        check(f"{label}, {count} rows, row {bad_at + 2} at Nowhere: exit 1, that row named, nothing written",
              r.returncode == 1 and j is not None and entries(store) == before
              and j.get("written") == 0 and [e["line"] for e in j.get("errors", [])] == [bad_at + 2]
              and j["errors"][0]["reason"].startswith("site Nowhere is not registered for employer CMP961028AB1")
              and "(its sites are Unidad Tizapa)" in j["errors"][0]["reason"], both(r))
good = os.path.join(work, "good.csv")
with open(good, "w", encoding="utf-8") as f:
    f.write(rows(3, None))
before = entries(store)
r = run(store, "import", good)
check("the same file without that row is written (its sites are registered or left empty)",
      r.returncode == 0 and entries(store) == before + 4, both(r))

# --- 8: a bundle with a byte-order mark --------------------------------------------------------------------------------
centre, zac1 = (os.path.join(work, f"{n}.sqlite") for n in ("centro", "zac01"))
for name in ("CENTRO",):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
must(centre, "sync", "init", "--id", "CENTRO", "--role", "centre")
must(zac1, "sync", "init", "--id", "ZAC-01")
must(centre, "publish", os.path.join(root, "Curricula"))
down = os.path.join(work, "down.bundle")
must(centre, "sync", "export", "--key", key("CENTRO"), "--for", "ZAC-01", "--to", down)
data = open(down, "rb").read()
utf16 = os.path.join(work, "utf16.bundle")
with open(utf16, "wb") as f:
    f.write(data.decode("utf-8").encode("utf-16"))
before = entries(zac1)
r = run(zac1, "sync", "import", utf16, "--format", "json")
j = as_json(r)
check("a bundle saved as UTF-16 is named as such (exit 1, sync-format), nothing written",
      r.returncode == 1 and j is not None and j["error"]["code"] == "sync-format" and "UTF-16" in j["error"]["message"]
      and entries(zac1) == before, both(r))
bom = os.path.join(work, "bom.bundle")
with open(bom, "wb") as f:
    f.write(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
r = run(zac1, "sync", "import", bom, "--format", "json")
j = as_json(r)
check("a bundle saved in Notepad (byte-order mark, CR LF) is imported: without the mark it is what was signed",
      r.returncode == 0 and j is not None and j["site"] == "CENTRO" and j["received"] > 0, both(r))
r = run(zac1, "sync", "import", down)
check("... and the same bundle without the mark is then nothing new", r.returncode == 0 and "nothing new" in r.stdout, both(r))

# --- 9: reissue of a record already re-issued -------------------------------------------------------------------------
records = os.path.join(work, "records.sqlite")
out = os.path.join(work, "records")
issued_unit_store(veta, records, os.path.join(work, "keys2"), root, ISSUER, out, "2026-11-20", "all")
must(records, "reissue", "VETA-2026-000001", "--key", os.path.join(work, "keys2", "issuer.private.jwk"), "--out", out)
for old, own in (("VETA-2026-000001", "VETA-2026-000003"), ("VETA-2026-000002", "VETA-2026-000004")):
    r = run(records, "reissue", old, "--key", os.path.join(work, "keys2", "issuer.private.jwk"), "--out", out,
            "--format", "json")
    j = as_json(r)
    message = j["error"]["message"] if j and "error" in j else ""
    check(f"reissue {old} again names {old}, its successor {own}, and both successors separated by ', '",
          r.returncode == 1 and message.startswith(f"{old} is already superseded by VETA-2026-000003, VETA-2026-000004")
          and f"(its successor: {own})" in message, both(r))

finish("outside fixes (j)")
