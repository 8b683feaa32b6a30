"""breakit8 findings 3-6 and the IP-host note, end to end:
- 3: a command on a PostgreSQL store whose stdout reader went away (`| head -1`) ends as on SQLite
  (SIGPIPE, quietly), never a Swift trap (`try!` … Broken pipe, exit 132) — needs VETA_TEST_POSTGRES
  (Tests/pg/with-cluster.sh, as for pg_cli.py); without it those checks are skipped;
- 4: `veta serve --sync-site ID=KEY` with another key than the one ID's bundles pinned is refused at
  start-up (exit 1, both keys named);
- 5: `veta serve --sync-store` without TLS on a host that is not loopback is a usage error (64);
- 6: `veta serve --sync-store` refuses a site's store, and a store with no site id (exit 1, the fix);
- `veta sync push/pull https://IP…` says IP-address hosts are not supported yet (exit 64).

Usage: outside_fixes_i.py VETA WORKDIR
"""
import json
import os
import signal
import subprocess
import sys
import uuid

from checks import check, finish
from stores import must_on, run_on, workplace
from testca import make_ca_and_localhost

veta, work, root = workplace(sys.argv)
keys = os.path.join(work, "keys")
for name in ("CENTRO", "ZAC01", "ZAC02"):
    subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
ca, cert, tls_key = make_ca_and_localhost(os.path.join(work, "tls"))
centre, zac1, bare = (os.path.join(work, f"{name}.sqlite") for name in ("centro", "zac01", "bare"))


def key(name, part="private"):
    return os.path.join(keys, f"{name}.{part}.jwk")


def x(name):
    return json.load(open(key(name, "public")))["x"]


def as_json(result):
    try:
        return json.loads(result.stdout)
    except (ValueError, TypeError):
        return None


def serve(*args):
    """Runs `veta serve ARGS`; None when it started listening (stopped with SIGTERM), else the finished process."""
    process = subprocess.Popen([veta, "serve", "--port", "0", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=20)
        return subprocess.CompletedProcess(process.args, process.returncode, out, err)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=20)
        return None


def listens(*args):
    """Whether `veta serve ARGS` prints its start line; it is stopped with SIGTERM then."""
    process = subprocess.Popen([veta, "serve", "--port", "0", "--format", "json", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=20)
    try:
        return json.loads(line).get("sync") is True
    except ValueError:
        return False


must_on(veta, centre, "sync", "init", "--id", "CENTRO", "--role", "centre")
must_on(veta, zac1, "sync", "init", "--id", "ZAC-01", "--role", "site")
must_on(veta, bare, "org", "add", "--rfc", "CMP961028AB1", "--name", "Compañía Minera", "--site", "Unidad Tizapa")
sync = ["--sync-key", key("CENTRO")]
tls = ["--tls-cert", cert, "--tls-key", tls_key]

# --- 4: a --sync-site key that differs from the pinned one ------------------------------------------------------------
bundle = os.path.join(work, "up.bundle")
must_on(veta, zac1, "sync", "export", "--key", key("ZAC01"), "--to", bundle)
must_on(veta, centre, "sync", "import", bundle)  # pins ZAC-01's key
r = serve("--sync-store", centre, *sync, "--sync-site", "ZAC-01=" + key("ZAC02", "public"), *tls, "--format", "json")
check("--sync-site ZAC-01 with another key than the pinned one is refused at start-up (exit 1)",
      r is not None and r.returncode == 1, r and r.stdout + r.stderr)
check("the refusal names both keys and the site, as one JSON document with code sync-key",
      r is not None and x("ZAC01") in r.stderr and x("ZAC02") in r.stderr and "ZAC-01" in r.stderr
      and (as_json(r) or {}).get("error", {}).get("code") == "sync-key", r and r.stdout + r.stderr)
check("--sync-site ZAC-01 with its pinned key starts",
      listens("--sync-store", centre, *sync, "--sync-site", "ZAC-01=" + key("ZAC01", "public"), *tls))
check("--sync-site of a site not yet pinned starts",
      listens("--sync-store", centre, *sync, "--sync-site", "ZAC-02=" + key("ZAC02", "public"), *tls))

# --- 5: no TLS off loopback --------------------------------------------------------------------------------------------
for host in ("0.0.0.0", "::", "192.0.2.1", "centro.example.mx"):
    r = serve("--sync-store", centre, *sync, "--host", host, "--format", "json")
    check(f"serve --sync-store without TLS on --host {host} is a usage error (64) naming --tls-cert and --tls-key",
          r is not None and r.returncode == 64 and "--tls-cert" in r.stderr and "--tls-key" in r.stderr
          and (as_json(r) or {}).get("error", {}).get("exitCode") == 64, r and r.stdout + r.stderr)
for host in ("127.0.0.1", "localhost"):
    check(f"serve --sync-store without TLS on --host {host} starts (loopback, the client's rule)",
          listens("--sync-store", centre, *sync, "--host", host))
check("serve --sync-store with TLS on --host 0.0.0.0 starts", listens("--sync-store", centre, *sync, "--host", "0.0.0.0", *tls))
site_folder = os.path.join(work, "site")
os.makedirs(site_folder, exist_ok=True)
open(os.path.join(site_folder, "index.html"), "w").write("<p>hola</p>")
r = serve(site_folder, "--host", "0.0.0.0")
check("serve of a site folder alone (no sync) on 0.0.0.0 without TLS still starts", r is None, r and r.stdout + r.stderr)

# --- 6: only a centre's store ------------------------------------------------------------------------------------------
r = serve("--sync-store", zac1, *sync, *tls, "--format", "json")
check("serve --sync-store of a site's store is refused at start-up (exit 1, the fix names --role centre)",
      r is not None and r.returncode == 1 and "--role centre" in r.stderr and "ZAC-01" in r.stderr
      and (as_json(r) or {}).get("error", {}).get("exitCode") == 1, r and r.stdout + r.stderr)
r = serve("--sync-store", bare, *sync, *tls)
check("serve --sync-store of a store with no site id is refused (exit 1, run sync init --role centre)",
      r is not None and r.returncode == 1 and "sync init" in r.stderr and "--role centre" in r.stderr, r and r.stdout + r.stderr)

# --- the IP-address host note -------------------------------------------------------------------------------------------
for verb in ("push", "pull"):
    for url in ("https://127.0.0.1:8443", "https://[::1]:8443", "https://10.0.0.5"):
        r = run_on(veta, zac1, "sync", verb, url, "--key", key("ZAC01"), "--ca", ca, "--format", "json")
        check(f"sync {verb} {url} says IP-address hosts are not supported yet (64, one JSON document)",
              r.returncode == 64 and "IP address" in r.stderr and "not supported yet" in r.stderr
              and (as_json(r) or {}).get("error", {}).get("exitCode") == 64, r.stdout + r.stderr)


# --- 3: a reader that went away ----------------------------------------------------------------------------------------
def unread(store, *args):
    """Runs `veta ARGS --store STORE` with stdout a pipe nobody reads (its read end closed before the start)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([veta, *args, "--store", store], stdout=write, stderr=subprocess.PIPE, text=True, timeout=300)
    finally:
        os.close(write)


def quiet_end(result):
    return result.returncode in (0, -signal.SIGPIPE) and "Fatal error" not in result.stderr and "try!" not in result.stderr


COMMANDS = [["export", "--format", "json"], ["export"], ["sync", "conflicts"], ["sync", "chains"], ["status", "--format", "json"],
            ["entries", "--format", "json"]]
for command in COMMANDS:
    r = unread(centre, *command)
    check(f"SQLite: veta {' '.join(command)} into a closed pipe ends quietly", quiet_end(r), f"rc={r.returncode} {r.stderr[-600:]}")

base = os.environ.get("VETA_TEST_POSTGRES", "")
if not base:
    print("skip PostgreSQL broken-pipe checks: VETA_TEST_POSTGRES is not set (make test starts a cluster and sets it)")
else:
    def psql(url, statement):
        return subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", statement],
                              capture_output=True, text=True, timeout=60)

    name = "veta_pipe_" + uuid.uuid4().hex
    created = psql(base, f"CREATE DATABASE {name}")
    check("the PostgreSQL test cluster can be reached", created.returncode == 0, created.stderr)
    if created.returncode == 0:
        pg = base.rsplit("/", 1)[0] + "/" + name
        try:
            must_on(veta, pg, "sync", "init", "--id", "CENTRO", "--role", "centre")
            must_on(veta, pg, "publish", os.path.join(root, "Curricula"))
            must_on(veta, pg, "sync", "import", bundle)
            for command in COMMANDS:
                r = unread(pg, *command)
                check(f"PostgreSQL: veta {' '.join(command)} into a closed pipe ends quietly, no trap",
                      quiet_end(r) and r.returncode != -signal.SIGILL, f"rc={r.returncode} {r.stderr[-600:]}")
            piped = subprocess.run(f"'{veta}' export --format json --store '{pg}' | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
                                   shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=300)
            check("PostgreSQL: veta export --format json | head ends with SIGPIPE's status (141) or 0, no trap",
                  piped.stdout.strip() in ("0", "141") and "Fatal error" not in piped.stderr, piped.stdout + piped.stderr[-600:])
        finally:
            psql(base, f"DROP DATABASE {name} WITH (FORCE)")

finish("outside fixes (i)")
