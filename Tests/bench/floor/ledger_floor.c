/*
 * The floor for `make bench`: what a plain C program does with SQLite and OpenSSL on the same job as
 * `veta import` (evidence rows) and `veta ledger verify`, so the benchmark can give Veta's times as
 * ratios to it. It does no checking beyond what the job needs (no CURP, enrolment or authorisation
 * checks, no CSV quoting: the benchmark's generated CSV has none), so it is a floor, not a rival.
 *
 *   ledger_floor import  STORE CSV   append the CSV's evidence rows to STORE's `ledger` (today's
 *                                    schema, version 5: ids into `ledger_name`, enum codes, BLOB
 *                                    hashes; see CompactLedgerRow.swift), hash-chained with Veta's canonical encoding, one
 *                                    prepared statement, one transaction
 *   ledger_floor compact DB CSV      the same rows into a compact schema in a new file DB (integer
 *                                    keys, enum codes, 32-byte BLOB hashes)
 *   ledger_floor verify  STORE       recompute every entry's canonical bytes and sha256 in sequence
 *                                    order and check the chain; exit 1 at the first mismatch
 *
 * `verify` is also an independent implementation of the documented canonical encoding
 * (LedgerCanonicalEncoding): a store Veta wrote verifies here only if both agree byte for byte.
 * Prints one JSON object: {"rows": N, "seconds": S}.
 *
 * Build: cc -O2 -o ledger-floor ledger_floor.c -lsqlite3 -lcrypto
 */
#include <openssl/sha.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char *bytes;
    size_t length, capacity;
} Buffer;

static void put(Buffer *b, const char *s, size_t n) {
    if (b->length + n + 1 > b->capacity) {
        b->capacity = (b->length + n + 1) * 2;
        b->bytes = realloc(b->bytes, b->capacity);
        if (!b->bytes) { perror("realloc"); exit(2); }
    }
    memcpy(b->bytes + b->length, s, n);
    b->length += n;
}

static void puts_(Buffer *b, const char *s) { put(b, s, strlen(s)); }

/* A JSON string escaped as RFC 8785 does. */
static void quoted(Buffer *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    put(b, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char escape[7];
        switch (c) {
        case '"': put(b, "\\\"", 2); break;
        case '\\': put(b, "\\\\", 2); break;
        case '\b': put(b, "\\b", 2); break;
        case '\f': put(b, "\\f", 2); break;
        case '\n': put(b, "\\n", 2); break;
        case '\r': put(b, "\\r", 2); break;
        case '\t': put(b, "\\t", 2); break;
        default:
            if (c < 0x20) {
                memcpy(escape, "\\u00", 4);
                escape[4] = hex[c >> 4];
                escape[5] = hex[c & 15];
                put(b, escape, 6);
            } else {
                put(b, (const char *)&s[i], 1);
            }
        }
    }
    put(b, "\"", 1);
}

typedef struct {
    Buffer out;
    int first;
} Writer;

static void key(Writer *w, const char *name) {
    if (!w->first) put(&w->out, ",", 1);
    w->first = 0;
    quoted(&w->out, name, strlen(name));
    put(&w->out, ":", 1);
}

static void text(Writer *w, const char *name, const char *value, size_t n) {
    if (!value) return;
    key(w, name);
    quoted(&w->out, value, n);
}

static void integer(Writer *w, const char *name, long long value, int present) {
    char digits[32];
    if (!present) return;
    key(w, name);
    puts_(&w->out, (snprintf(digits, sizeof digits, "%lld", value), digits));
}

static void hex64(const unsigned char digest[32], char out[65]) {
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[64] = 0;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(2);
    }
}

/* The CSV columns of an evidence import, in the benchmark's order. */
enum { TRAINEE, CURRICULUM, UNIT, TARGET, METHOD, OUTCOME, DATE, HOURS, SITE, NOTE, ASSESSOR, ATTACHMENT, FIELDS };

static int split(char *line, char *fields[FIELDS]) {
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p; p++) {
        if (*p == ',' || *p == '\n' || *p == '\r') {
            int end = *p != ',';
            *p = 0;
            if (end) break;
            if (n == FIELDS) return -1;
            fields[n++] = p + 1;
        }
    }
    return n;
}

static const char *RECORDED_AT = "2026-11-30T00:00:00Z";

/* Canonical bytes of an evidence entry (keys in ascending order, as LedgerCanonicalEncoding). */
static void evidence_bytes(Writer *w, char *f[FIELDS], long long sequence, long long minutes, const char *previous) {
    w->out.length = 0;
    w->first = 1;
    put(&w->out, "{", 1);
    text(w, "assessor", f[ASSESSOR][0] ? f[ASSESSOR] : NULL, strlen(f[ASSESSOR]));
    text(w, "attachmentSHA256", f[ATTACHMENT][0] ? f[ATTACHMENT] : NULL, strlen(f[ATTACHMENT]));
    text(w, "curriculum", f[CURRICULUM], strlen(f[CURRICULUM]));
    text(w, "date", f[DATE], strlen(f[DATE]));
    text(w, "kind", "evidence", 8);
    text(w, "method", f[METHOD], strlen(f[METHOD]));
    integer(w, "minutes", minutes, 1);
    text(w, "note", f[NOTE][0] ? f[NOTE] : NULL, strlen(f[NOTE]));
    text(w, "outcome", f[OUTCOME], strlen(f[OUTCOME]));
    text(w, "previousHash", previous, 64);
    text(w, "recordedAt", RECORDED_AT, strlen(RECORDED_AT));
    integer(w, "sequence", sequence, 1);
    text(w, "site", f[SITE][0] ? f[SITE] : NULL, strlen(f[SITE]));
    text(w, "target", f[TARGET], strlen(f[TARGET]));
    text(w, "trainee", f[TRAINEE], strlen(f[TRAINEE]));
    text(w, "unit", f[UNIT], strlen(f[UNIT]));
    integer(w, "v", 1, 1);
    put(&w->out, "}", 1);
}

/* The id of `value` in Veta's `ledger_name` for `role`, added when missing; the last one per role is kept. */
static sqlite3_int64 name_id(sqlite3 *db, sqlite3_stmt *find, sqlite3_stmt *add, int role, const char *value) {
    static char last[9][256];
    static sqlite3_int64 last_id[9];
    if (last_id[role] && strcmp(last[role], value) == 0) return last_id[role];
    sqlite3_int64 id = 0;
    for (int attempt = 0; attempt < 2 && !id; attempt++) {
        sqlite3_stmt *s = attempt ? add : find;
        sqlite3_bind_int(s, 1, role);
        sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
        int rc = sqlite3_step(s);
        if (!attempt && rc == SQLITE_ROW) id = sqlite3_column_int64(s, 0);
        else if (attempt) { check(rc == SQLITE_DONE ? SQLITE_OK : rc, db, "name"); id = sqlite3_last_insert_rowid(db); }
        sqlite3_reset(s);
    }
    snprintf(last[role], sizeof last[role], "%s", value);
    last_id[role] = id;
    return id;
}

static int code(const char *value, const char *const *names) {
    for (int i = 0; names[i]; i++) if (strcmp(value, names[i]) == 0) return i + 1;
    return 0;
}

static const char *const METHODS[] = {"observation", "practical", "written-test", "oral-test", "product", "third-party", "rpl",
                                      "credit-transfer", 0};
static const char *const OUTCOMES[] = {"satisfactory", "not-yet", 0};

static int import_rows(const char *path, const char *csv, int compact) {
    sqlite3 *db;
    check(sqlite3_open(path, &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536", 0, 0, 0), db, "pragma");
    if (compact) {
        check(sqlite3_exec(db,
                  "CREATE TABLE IF NOT EXISTS entry (sequence INTEGER PRIMARY KEY, kind INTEGER NOT NULL, trainee INTEGER NOT NULL,"
                  " curriculum INTEGER NOT NULL, unit INTEGER, target TEXT, method INTEGER, outcome INTEGER, date INTEGER NOT NULL,"
                  " site INTEGER, minutes INTEGER, note TEXT, assessor INTEGER, recorded_at INTEGER NOT NULL,"
                  " hash BLOB NOT NULL) WITHOUT ROWID;"
                  "CREATE INDEX IF NOT EXISTS entry_by_trainee ON entry(trainee, sequence);",
                  0, 0, 0),
            db, "schema");
    }
    FILE *in = fopen(csv, "r");
    if (!in) { perror(csv); return 2; }
    double start = now();
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db, "begin");
    sqlite3_stmt *last, *insert;
    check(sqlite3_prepare_v2(db, compact ? "SELECT sequence, hash FROM entry ORDER BY sequence DESC LIMIT 1"
                                         : "SELECT sequence, hash FROM ledger ORDER BY sequence DESC LIMIT 1",
              -1, &last, 0),
        db, "prepare");
    long long sequence = 0;
    char previous[65];
    memset(previous, '0', 64);
    previous[64] = 0;
    if (sqlite3_step(last) == SQLITE_ROW) {
        sequence = sqlite3_column_int64(last, 0);
        hex64(sqlite3_column_blob(last, 1), previous);
    }
    sqlite3_finalize(last);
    check(sqlite3_prepare_v2(db,
              compact ? "INSERT INTO entry (sequence, kind, trainee, curriculum, unit, target, method, outcome, date, site, minutes,"
                        " note, assessor, recorded_at, hash) VALUES (?, 2, ?, 1, ?, ?, ?, ?, ?, 1, ?, ?, 1, 0, ?)"
                      : "INSERT INTO ledger (sequence, kind, trainee, curriculum_code, curriculum_version, unit, target,"
                        " method, outcome, date, site, minutes, note, assessor, recorded_at, hash)"
                        " VALUES (?, 3, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              -1, &insert, 0),
        db, "prepare insert");
    sqlite3_stmt *find = 0, *add = 0;
    if (!compact) {
        check(sqlite3_prepare_v2(db, "SELECT id FROM ledger_name WHERE role = ? AND value = ?", -1, &find, 0), db, "prepare find");
        check(sqlite3_prepare_v2(db, "INSERT INTO ledger_name (role, value) VALUES (?, ?)", -1, &add, 0), db, "prepare add");
    }
    char line[4096];
    char *f[FIELDS];
    Writer w = {{0}, 1};
    long long rows = 0;
    if (!fgets(line, sizeof line, in)) return 2; /* header */
    while (fgets(line, sizeof line, in)) {
        if (split(line, f) != FIELDS) { fprintf(stderr, "bad row %lld\n", rows + 2); return 1; }
        long long minutes = (long long)(atof(f[HOURS]) * 60 + 0.5);
        sequence++;
        evidence_bytes(&w, f, sequence, minutes, previous);
        unsigned char digest[32];
        SHA256((const unsigned char *)w.out.bytes, w.out.length, digest);
        char hash[65];
        hex64(digest, hash);
        char *at = strchr(f[CURRICULUM], '@');
        if (!at) { fprintf(stderr, "bad curriculum row %lld\n", rows + 2); return 1; }
        int i = 1;
        sqlite3_bind_int64(insert, i++, sequence);
        if (compact) {
            /* trainee T000123 -> 123; enum codes for method and outcome; date as days */
            sqlite3_bind_int64(insert, i++, atoll(f[TRAINEE] + 1));
            sqlite3_bind_int(insert, i++, (int)(strlen(f[UNIT]) & 0xFF));
            sqlite3_bind_text(insert, i++, f[TARGET], -1, SQLITE_STATIC);
            sqlite3_bind_int(insert, i++, f[METHOD][0]);
            sqlite3_bind_int(insert, i++, f[OUTCOME][0] == 's');
            sqlite3_bind_int(insert, i++, atoi(f[DATE] + 5) * 31 + atoi(f[DATE] + 8));
            sqlite3_bind_int64(insert, i++, minutes);
            sqlite3_bind_text(insert, i++, f[NOTE], -1, SQLITE_STATIC);
            sqlite3_bind_blob(insert, i++, digest, 32, SQLITE_STATIC);
        } else {
            char code_[64];
            snprintf(code_, sizeof code_, "%.*s", (int)(at - f[CURRICULUM]), f[CURRICULUM]);
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 1, f[TRAINEE]));
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 2, code_));
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 3, at + 1));
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 4, f[UNIT]));
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 7, f[TARGET]));
            sqlite3_bind_int(insert, i++, code(f[METHOD], METHODS));
            sqlite3_bind_int(insert, i++, code(f[OUTCOME], OUTCOMES));
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 9, f[DATE]));
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 5, f[SITE]));
            sqlite3_bind_int64(insert, i++, minutes);
            sqlite3_bind_text(insert, i++, f[NOTE], -1, SQLITE_STATIC);
            /* schema version 8: no attachment (the benchmark's CSV has none), so no ledger_detail row */
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 6, f[ASSESSOR]));
            sqlite3_bind_int64(insert, i++, name_id(db, find, add, 8, RECORDED_AT));
            sqlite3_bind_blob(insert, i++, digest, 32, SQLITE_STATIC);
        }
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
        memcpy(previous, hash, 65);
        rows++;
    }
    sqlite3_finalize(insert);
    sqlite3_finalize(find);
    sqlite3_finalize(add);
    check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
    double seconds = now() - start;
    sqlite3_close(db);
    printf("{\"rows\": %lld, \"seconds\": %.6f}\n", rows, seconds);
    return 0;
}

static const char *column_text(sqlite3_stmt *s, int i) { return (const char *)sqlite3_column_text(s, i); }

static int verify(const char *path) {
    sqlite3 *db;
    check(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, 0), db, "open");
    sqlite3_stmt *rows;
    check(sqlite3_prepare_v2(db,
              "SELECT sequence, kind, trainee_id, curriculum_code, curriculum_version, unit_code, target, method, outcome, date,"
              " site, minutes, note, attachment_sha256, assessor_id, corrects, recorded_at, previous_hash, hash, derived_from"
              " FROM ledger_entry ORDER BY sequence",
              -1, &rows, 0),
        db, "prepare");
    double start = now();
    char previous[65];
    memset(previous, '0', 64);
    previous[64] = 0;
    Writer w = {{0}, 1};
    Buffer curriculum = {0};
    long long count = 0;
    int rc;
    while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
        long long sequence = sqlite3_column_int64(rows, 0);
        const char *stored_previous = column_text(rows, 17), *stored_hash = column_text(rows, 18);
        if (!stored_previous || strcmp(stored_previous, previous) != 0) {
            fprintf(stderr, "entry %lld: previous hash does not match\n", sequence);
            return 1;
        }
        curriculum.length = 0;
        puts_(&curriculum, column_text(rows, 3));
        put(&curriculum, "@", 1);
        puts_(&curriculum, column_text(rows, 4));
        w.out.length = 0;
        w.first = 1;
        put(&w.out, "{", 1);
#define TEXT(name, column) text(&w, name, column_text(rows, column), (size_t)sqlite3_column_bytes(rows, column))
#define INTEGER(name, column) integer(&w, name, sqlite3_column_int64(rows, column), sqlite3_column_type(rows, column) != SQLITE_NULL)
        TEXT("assessor", 14);
        TEXT("attachmentSHA256", 13);
        INTEGER("corrects", 15);
        text(&w, "curriculum", curriculum.bytes, curriculum.length);
        TEXT("date", 9);
        INTEGER("derivedFrom", 19);
        TEXT("kind", 1);
        TEXT("method", 7);
        INTEGER("minutes", 11);
        TEXT("note", 12);
        TEXT("outcome", 8);
        TEXT("previousHash", 17);
        TEXT("recordedAt", 16);
        INTEGER("sequence", 0);
        TEXT("site", 10);
        TEXT("target", 6);
        TEXT("trainee", 2);
        TEXT("unit", 5);
        integer(&w, "v", 1, 1);
        put(&w.out, "}", 1);
        unsigned char digest[32];
        SHA256((const unsigned char *)w.out.bytes, w.out.length, digest);
        hex64(digest, previous);
        if (!stored_hash || strcmp(stored_hash, previous) != 0) {
            fprintf(stderr, "entry %lld: hash does not match its canonical bytes\n", sequence);
            return 1;
        }
        count++;
    }
    check(rc, db, "read");
    double seconds = now() - start;
    sqlite3_finalize(rows);
    sqlite3_close(db);
    printf("{\"rows\": %lld, \"seconds\": %.6f}\n", count, seconds);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "import") == 0) return import_rows(argv[2], argv[3], 0);
    if (argc == 4 && strcmp(argv[1], "compact") == 0) return import_rows(argv[2], argv[3], 1);
    if (argc == 3 && strcmp(argv[1], "verify") == 0) return verify(argv[2]);
    fprintf(stderr, "usage: ledger_floor import STORE CSV | compact DB CSV | verify STORE\n");
    return 64;
}
