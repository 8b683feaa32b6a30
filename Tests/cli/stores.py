"""Helpers the end-to-end scripts share for building and inspecting stores: a CURP with its check
digit, one SQL statement on a store file, a consistent copy of a store, running veta on a store
(a command, or a set-up step that must succeed; bound to one store or to veta), a command's JSON, a store with a competent trainee, and one whose
issuer has issued that trainee a unit record."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys


def curp(body):
    """The 17 characters `body` followed by the CURP check digit (RENAPO's algorithm)."""
    alphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
    total = sum(alphabet.index(c) * (18 - i) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def sql(store, query, *args):
    """Runs one statement on `store` (committed) and returns its rows; the connection is closed."""
    connection = sqlite3.connect(store)
    try:
        rows = connection.execute(query, args).fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()


def backup(source, target):
    """Copies the store `source` into `target` with SQLite's backup API (nothing in the WAL is lost);
    both connections are closed afterwards, so no side file stays held."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def run_on(veta, store, *args):
    """Runs `veta ARGS --store STORE` and returns the completed process (text output)."""
    return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300)


def must_on(veta, store, *args):
    """Runs a set-up step that must succeed; on failure prints `FAIL setup` with its output and exits 1."""
    result = run_on(veta, store, *args)
    if result.returncode != 0:
        print(f"FAIL setup: veta {' '.join(args[:4])}: {result.stdout.strip()} {result.stderr.strip()}")
        sys.exit(1)
    return result


def last_sequence(store):
    """The sequence of the last entry of the store's log."""
    return sql(store, "SELECT MAX(sequence) FROM ledger_entry")[0][0]


def competent_store(veta, store, keys, root, units, issuer):
    """A store where trainee T100 (employer CMP961028AB1) is enrolled in VTOPHT on 2026-10-01 and
    signed off in `units` by assessor A01 on 2026-11-12, with the issuer `issuer` registered; the
    keys A01 and issuer must already be in `keys`."""
    must_on(veta, store, "publish", os.path.join(root, "Curricula"))
    must_on(veta, store, "org", "add", "--rfc", "CMP961028AB1", "--name", "Compañía Minera", "--site", "Unidad Tizapa")
    must_on(veta, store, "trainee", "add", "--id", "T100", "--paternal", "Núñez", "--given", "José", "--curp",
            curp("NUPJ880214HZSXXS0"), "--employer", "CMP961028AB1", "--occupation", "Operador", "--job-title", "Operador")
    must_on(veta, store, "assessor", "add", "--id", "A01", "--name", "Luis Pérez", "--accreditation", "EV-1",
            *sum([["--unit", u] for u in units], []), "--public-key", os.path.join(keys, "A01.public.jwk"))
    must_on(veta, store, "issuer", "add", "--url", issuer, "--name", "Capacitación Minera", "--rfc", "CMN150101AB1",
            "--public-key", os.path.join(keys, "issuer.public.jwk"))
    must_on(veta, store, "enrol", "T100", "VTOPHT", "--date", "2026-10-01")
    for unit in units:
        must_on(veta, store, "record", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--target", "unit",
                "--method", "rpl", "--outcome", "satisfactory", "--assessor", "A01", "--date", "2026-11-10")
        must_on(veta, store, "signoff", "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", unit, "--assessor", "A01",
                "--key", os.path.join(keys, "A01.private.jwk"), "--date", "2026-11-12")
    return store


def on_store(veta, store):
    """run, must, sql and last_sequence bound to one store, for scripts that work on one store."""
    return (lambda *args: run_on(veta, store, *args), lambda *args: must_on(veta, store, *args),
            lambda query, *params: sql(store, query, *params), lambda: last_sequence(store))


def store_commands(veta):
    """run(store, *args), must(store, *args) and entries(store) (how many entries its log holds) bound
    to `veta`, for scripts that work on several stores."""
    return (lambda store, *args: run_on(veta, store, *args), lambda store, *args: must_on(veta, store, *args),
            lambda store: sql(store, "SELECT COUNT(*) FROM ledger_entry")[0][0])


def store_commands_at(veta, default_now):
    """run(store, *args, now=...) and must(store, *args, now=...) bound to `veta`, each running at the
    instant `now` (VETA_NOW; `default_now` unless given), for scripts whose dates are the site's today."""
    def run(store, *args, now=default_now):
        return subprocess.run([veta, *args, "--store", store], capture_output=True, text=True, timeout=300,
                              env=dict(os.environ, VETA_NOW=now))

    def must(store, *args, now=default_now):
        result = run(store, *args, now=now)
        if result.returncode != 0:
            print(f"FAIL setup: veta {' '.join(args[:4])}: {result.stdout.strip()} {result.stderr.strip()}")
            sys.exit(1)
        return result

    return run, must


def as_json(result):
    """The JSON document a completed process printed on stdout, or None when it printed none."""
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def workplace(argv):
    """(veta, work, root) from a script's arguments `VETA WORKDIR`: WORKDIR emptied and made, root the repository."""
    veta, work = os.path.abspath(argv[1]), argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    return veta, work, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def issued_unit_store(veta, store, keys, root, issuer, out, as_of, fmt):
    """A store whose issuer `issuer` issued trainee T100's unit RIIWHS201E of VTOPHT as of `as_of` in
    format `fmt` (`ob3` or `all`) into `out`: the keys A01 and issuer generated into `keys`, then
    ``competent_store``; the first serial is VETA-2026-000001 (its DC-3, with `all`, the next)."""
    for name in ("A01", "issuer"):
        subprocess.run([veta, "keys", "generate", "--name", name, "--out", keys], check=True, capture_output=True)
    competent_store(veta, store, keys, root, ["RIIWHS201E"], issuer)
    must_on(veta, store, "issue", "--issuer", issuer, "--key", os.path.join(keys, "issuer.private.jwk"), "--out", out,
            "--as-of", as_of, "--trainee", "T100", "--curriculum", "VTOPHT", "--unit", "RIIWHS201E", "--format", fmt)
    return store
