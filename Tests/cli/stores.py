"""Helpers the end-to-end scripts share for building and inspecting stores: a CURP with its check
digit, one SQL statement on a store file, and a consistent copy of a store."""
import sqlite3


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
