"""End-to-end checks of sync over HTTPS (README, "Sync over HTTPS"): the centre runs `veta serve
--sync-store` with TLS from a throwaway test CA (testca.py); site ZAC-01 pulls the centre's
curricula and identities, pushes its log, pushes again (nothing changes), and a tampered bundle is
refused with the same code as the file import; plain http to another host, an unknown site, a wrong
key, a missing CA, a body over the limit and a centre that is not there each end with the project's
exit code and one JSON document.

Usage: sync_https_cli.py VETA WORKDIR
"""
import json
import os
import queue
import signal
import socket
import ssl
import subprocess
import sys
import threading
import urllib.error
import urllib.request

from checks import check, finish
from stores import backup, curp, must_on, run_on, sql
from stores import workplace
from testca import make_ca_and_localhost

veta, work, root = workplace(sys.argv)
keys = os.path.join(work, "keys")
UNITS = ["RIIWHS201E", "RIIMPO338E"]
ORG = "CMP961028AB1"
centre, zac1, zac2 = (os.path.join(work, f"{name}.sqlite") for name in ("centro", "zac01", "zac02"))
for name in ("A01", "CENTRO", "ZAC01", "ZAC02"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
ca, cert, tls_key = make_ca_and_localhost(os.path.join(work, "tls"))


def key(name, part="private"):
    return os.path.join(keys, f"{name}.{part}.jwk")


def run(store, *args):
    return run_on(veta, store, *args)


def must(store, *args):
    return must_on(veta, store, *args)


def as_json(result):
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def end(store):
    return sql(store, "SELECT COUNT(*) FROM ledger_entry")[0][0]


class Centre:
    """`veta serve --sync-store` for the test, its URL read from the JSON line it prints."""

    def __init__(self, *options):
        self.process = subprocess.Popen(
            [veta, "serve", "--sync-store", centre, "--sync-key", key("CENTRO"), "--port", "0", "--format", "json", *options],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.process.stdout.readline()), daemon=True).start()
        try:
            self.line = lines.get(timeout=60)
        except queue.Empty:
            self.line = ""
        try:
            self.start = json.loads(self.line)
        except ValueError:
            self.start = {}
        url = self.start.get("url", "")
        # The certificate names localhost (a TLS server name is never an IP address).
        self.url = url.replace("127.0.0.1", "localhost").rstrip("/")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


# --- the centre's registry ---------------------------------------------------------------------------------------------
must(centre, "sync", "init", "--id", "CENTRO", "--role", "centre")
must(centre, "publish", os.path.join(root, "Curricula"))
must(centre, "org", "add", "--rfc", ORG, "--name", "Compañía Minera", "--site", "Unidad Tizapa")
must(centre, "assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1",
     *sum([["--unit", u] for u in UNITS], []), "--public-key", key("A01", "public"))
must(zac1, "sync", "init", "--id", "ZAC-01")
must(zac2, "sync", "init", "--id", "ZAC-02")

r = subprocess.run([veta, "serve", "--sync-store", centre, "--port", "0"], capture_output=True, text=True, timeout=60)
check("--sync-store without --sync-key is a usage error (64)", r.returncode == 64, r.stderr)
r = subprocess.run([veta, "serve", "--port", "0", "--format", "json"], capture_output=True, text=True, timeout=60)
check("serve with neither a folder nor --sync-store is a usage error (64, one JSON document)",
      r.returncode == 64 and as_json(r)["error"]["code"] == "usage", r.stdout + r.stderr)
r = subprocess.run([veta, "serve", "--sync-store", zac1 + "-missing", "--sync-key", key("CENTRO"), "--port", "0", "--format", "json"],
                   capture_output=True, text=True, timeout=60)
check("a sync store that does not exist is refused before listening (exit 2, one JSON document)",
      r.returncode == 2 and as_json(r)["error"]["exitCode"] == 2, r.stdout + r.stderr)

server = Centre("--sync-site", "ZAC-01=" + key("ZAC01", "public"), "--tls-cert", cert, "--tls-key", tls_key)
check("veta serve --sync-store listens over TLS and says it serves sync",
      server.start.get("sync") is True and server.start.get("tls") is True and server.url.startswith("https://localhost:"), server.line)
url = server.url
remote = ["--key", key("ZAC01"), "--ca", ca, "--format", "json"]
try:
    # --- pull: the centre's curricula and identities come down ----------------------------------------------------------
    r = run(zac1, "sync", "pull", url, *remote)
    j = as_json(r)
    check("ZAC-01 pulls the centre's bundle over HTTPS (private CA via --ca) and applies it",
          r.returncode == 0 and j["centre"] == "CENTRO" and j["result"]["site"] == "CENTRO" and j["result"]["copied"] > 0,
          r.stdout + r.stderr)
    check("ZAC-01 now holds the centre's employer, assessor and curricula",
          "A01" in run(zac1, "assessor", "list").stdout and ORG in run(zac1, "org", "list").stdout
          and run(zac1, "ledger", "verify").returncode == 0, run(zac1, "assessor", "list").stdout)
    before = end(zac1)
    r = run(zac1, "sync", "pull", url, *remote)
    check("pulling again changes nothing (it asks from the entry after the last one it holds)",
          r.returncode == 0 and as_json(r)["result"]["received"] == 0 and end(zac1) == before, r.stdout + r.stderr)

    # --- push: the site's log goes up --------------------------------------------------------------------------------------
    must(zac1, "trainee", "add", "--id", "T100", "--paternal", "Núñez", "--given", "José", "--curp", curp("NUPJ880214HZSXXS0"),
         "--employer", ORG, "--occupation", "Operador", "--job-title", "Operador")
    must(zac1, "enrol", "T100", "VTOPHT", "--date", "2026-10-01", "--site", "Unidad Tizapa")
    must(zac1, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[0], "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
    r = run(zac1, "sync", "push", url, *remote)
    j = as_json(r)
    check("ZAC-01 pushes its log; the centre imports it as sync import would (one receipt, copies applied)",
          r.returncode == 0 and j["result"]["site"] == "ZAC-01" and j["result"]["received"] == end(zac1)
          and j["result"]["copied"] > 0 and j["sent"]["first"] == 1, r.stdout + r.stderr)
    check("the centre now has ZAC-01's trainee and enrolment",
          "T100" in run(centre, "trainee", "list").stdout
          and "T100" in run(centre, "cohort", "VTOPHT", "--as-of", "2026-12-01").stdout, run(centre, "trainee", "list").stdout)
    before = end(centre)
    r = run(zac1, "sync", "push", url, *remote)
    check("pushing again changes nothing at the centre and says so (exit 0)",
          r.returncode == 0 and as_json(r)["result"]["received"] == 0 and end(centre) == before, r.stdout + r.stderr)
    r = run(zac1, "sync", "push", url, "--key", key("ZAC01"), "--ca", ca)
    check("the text output says nothing new", r.returncode == 0 and "nothing new" in r.stdout, r.stdout + r.stderr)

    # --- a tampered bundle: the same refusal and code as the file import ------------------------------------------------
    must(zac1, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[1], "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-15")
    bundle = os.path.join(work, "s1.bundle")
    must(zac1, "sync", "export", "--key", key("ZAC01"), "--to", bundle, "--for", "CENTRO")
    data = open(bundle, "rb").read()
    spot = data.index(b"2026-11-15")
    tampered = data[:spot] + b"2026-11-16" + data[spot + 10:]
    open(os.path.join(work, "tampered.bundle"), "wb").write(tampered)
    copy = backup(centre, os.path.join(work, "centre-copy.sqlite"))
    file_import = as_json(run(copy, "sync", "import", os.path.join(work, "tampered.bundle"), "--format", "json"))
    context = ssl.create_default_context(cafile=ca)
    before = end(centre)
    request = urllib.request.Request(url + "/sync/bundle", data=tampered, method="POST",
                                     headers={"Content-Type": "application/vnd.veta.sync-bundle"})
    try:
        with urllib.request.urlopen(request, context=context, timeout=60) as response:
            status, answer = response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        status, answer = error.code, json.loads(error.read())
    check("a tampered bundle POSTed is refused (422) with the file import's code (sync-signature, exit code 1) and nothing is written",
          status == 422 and answer["error"]["code"] == file_import["error"]["code"] == "sync-signature"
          and answer["error"]["exitCode"] == 1 and end(centre) == before, f"{status} {answer} {file_import}")
    r = run(zac1, "sync", "push", url, *remote)
    check("the bundle as signed goes through on the next push", r.returncode == 0 and as_json(r)["result"]["received"] == 1,
          r.stdout + r.stderr)

    # --- refusals and failures: exit codes and one JSON document ---------------------------------------------------------
    r = run(zac1, "sync", "push", url.replace("https://", "http://").replace("localhost", "centro.example.mx"), *remote)
    check("plain http:// to another host is refused with a clear error (exit 64, one JSON document)",
          r.returncode == 64 and as_json(r)["error"]["code"] == "usage" and "plain http" in as_json(r)["error"]["message"],
          r.stdout + r.stderr)
    r = run(zac1, "sync", "pull", url, "--key", key("ZAC01"), "--format", "json")
    j = as_json(r)
    check("without --ca the private CA's certificate is not trusted: exit 2, naming --ca, nothing changed",
          r.returncode == 2 and j["error"]["exitCode"] == 2 and "--ca" in j["error"]["message"], r.stdout + r.stderr)
    r = run(zac2, "sync", "push", url, "--key", key("ZAC02"), "--ca", ca, "--format", "json")
    j = as_json(r)
    check("a site the centre does not know is refused (exit 1, sync-site)",
          r.returncode == 1 and j["error"]["code"] == "sync-site" and "ZAC-02" in j["error"]["message"], r.stdout + r.stderr)
    r = run(zac1, "sync", "pull", url, "--key", key("ZAC02"), "--ca", ca, "--format", "json")
    check("a request signed with another key than the site's is refused (exit 1, sync-proof)",
          r.returncode == 1 and as_json(r)["error"]["code"] == "sync-proof", r.stdout + r.stderr)
    try:
        urllib.request.urlopen(url + "/sync/bundle?for=ZAC-01", context=context, timeout=60)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    check("the centre's bundle is not given without the site's proof (401)", status == 401, str(status))
finally:
    code = server.stop()
check("the centre's server stops cleanly on SIGTERM", code == 0, str(code))

sock = socket.socket()
sock.bind(("127.0.0.1", 0))
free = sock.getsockname()[1]
sock.close()
r = run(zac1, "sync", "push", f"https://localhost:{free}", *remote)
check("a centre that is not there is exit 2 with one JSON document", r.returncode == 2 and as_json(r)["error"]["exitCode"] == 2,
      r.stdout + r.stderr)

# Plain http to this machine is accepted; a body over the limit is refused before it is read.
small = Centre("--sync-site", "ZAC-01=" + key("ZAC01", "public"), "--sync-max-bytes", "200")
try:
    must(zac1, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", UNITS[0], "--target", "unit", "--method", "rpl",
         "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-20")
    before = end(centre)
    r = run(zac1, "sync", "push", small.url.replace("localhost", "127.0.0.1"), "--key", key("ZAC01"), "--format", "json")
    check("http:// to localhost is accepted; a bundle over --sync-max-bytes is refused (413 -> exit 1, sync-too-large)",
          r.returncode == 1 and as_json(r)["error"]["code"] == "sync-too-large" and end(centre) == before, r.stdout + r.stderr)
finally:
    small.stop()

# --- at the end -------------------------------------------------------------------------------------------------------------
r = run(centre, "ledger", "verify")
check("veta ledger verify passes at the centre and names ZAC-01's chain intact",
      r.returncode == 0 and "chain of site ZAC-01" in r.stdout and "NOT" not in r.stdout, r.stdout + r.stderr)
r = run(centre, "store", "rebuild")
check("veta store rebuild agrees at the centre", r.returncode == 0, r.stdout + r.stderr)

finish("sync over HTTPS")
