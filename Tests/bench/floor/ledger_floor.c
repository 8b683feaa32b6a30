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
 *                                    order and check the chain; exit 1 at the first mismatch. Every
 *                                    kind: versions 1 and 2 (progress and record kinds, a fixed key
 *                                    order) and the registry kinds of versions 3 to 7 (no trainee or
 *                                    curriculum; the `registry` column's JSON fields merged with the
 *                                    entry's keys in byte order), read through the view `ledger_entry`
 *                                    (schema version 8 joins the side table `ledger_detail` in it).
 *                                    Tests/cli/floor_agrees.py checks it agrees with `veta ledger verify`.
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
        /* A run of bytes that need no escape is copied at once. */
        size_t run = i;
        while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\') run++;
        if (run > i) {
            put(b, s + i, run - i);
            i = run - 1;
            continue;
        }
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

/* SHA-256 with the low-level calls (OpenSSL 3's one-shot SHA256() goes through EVP_Q_digest, which
 * fetches the algorithm again on every call). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static void sha256(const void *bytes, size_t n, unsigned char digest[32]) {
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, bytes, n);
    SHA256_Final(digest, &context);
}
#pragma GCC diagnostic pop

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
        sha256(w.out.bytes, w.out.length, digest);
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

/* The kinds of each canonical-encoding version (LedgerCanonicalEncoding): records are version 2, the
 * registry kinds (no trainee, no curriculum; their details in the `registry` column) 3 to 7. */
static int in_list(const char *value, const char *const *names) {
    for (int i = 0; names[i]; i++) if (strcmp(value, names[i]) == 0) return 1;
    return 0;
}
static const char *const RECORD_KINDS[] = {"issue", "revocation", "supersession", 0};
static const char *const REGISTRY_KINDS[] = {"organisation", "trainee", "assessor", "issuer", "authorisation", "deauthorisation",
                                             "publication", "amendment", "lifecycle", "setting", "import", 0};
/* RegistryDetails.fieldNames: the fields a registry entry's encoding carries; the last four are the
 * extended ones, which make an entry version 4. */
static const char *const REGISTRY_FIELDS[] = {"name", "sites", "paternalSurname", "maternalSurname", "givenNames", "curp", "employer",
                                              "occupation", "jobTitle", "accreditation", "publicKey", "rfc", "stpsRegistration", "of",
                                              "migrated", "value", "status", "successor", "first", "last", "legalRepresentative",
                                              "workersRepresentative", "workers", "occupationKey", 0};
static const char *const EXTENDED_FIELDS[] = {"legalRepresentative", "workersRepresentative", "workers", "occupationKey", 0};

/* One key of a registry entry's encoding and its value, already written as JSON (quoted or a number). */
typedef struct {
    char key[64];
    Buffer value;
} Pair;

static int by_key(const void *a, const void *b) { return strcmp(((const Pair *)a)->key, ((const Pair *)b)->key); }

static void put_utf8(Buffer *b, unsigned long c) {
    char u[4];
    size_t n;
    if (c < 0x80) { u[0] = (char)c; n = 1; }
    else if (c < 0x800) { u[0] = (char)(0xC0 | c >> 6); u[1] = (char)(0x80 | (c & 63)); n = 2; }
    else if (c < 0x10000) { u[0] = (char)(0xE0 | c >> 12); u[1] = (char)(0x80 | (c >> 6 & 63)); u[2] = (char)(0x80 | (c & 63)); n = 3; }
    else { u[0] = (char)(0xF0 | c >> 18); u[1] = (char)(0x80 | (c >> 12 & 63)); u[2] = (char)(0x80 | (c >> 6 & 63)); u[3] = (char)(0x80 | (c & 63)); n = 4; }
    put(b, u, n);
}

/* Reads the JSON string at *p (its opening quote) into `out`, unescaped; advances *p past it. 0 if it is not one. */
static int json_string(const char **p, Buffer *out) {
    const char *s = *p;
    out->length = 0;
    if (*s++ != '"') return 0;
    while (*s && *s != '"') {
        if (*s != '\\') { put(out, s++, 1); continue; }
        s++;
        switch (*s) {
        case '"': case '\\': case '/': put(out, s, 1); break;
        case 'b': put(out, "\b", 1); break;
        case 'f': put(out, "\f", 1); break;
        case 'n': put(out, "\n", 1); break;
        case 'r': put(out, "\r", 1); break;
        case 't': put(out, "\t", 1); break;
        case 'u': {
            char digits[5] = {0};
            if (strlen(s + 1) < 4) return 0;
            memcpy(digits, s + 1, 4);
            unsigned long c = strtoul(digits, 0, 16);
            s += 4;
            if (c >= 0xD800 && c < 0xDC00 && s[1] == '\\' && s[2] == 'u') {
                memcpy(digits, s + 3, 4);
                c = 0x10000 + ((c - 0xD800) << 10) + (strtoul(digits, 0, 16) - 0xDC00);
                s += 6;
            }
            put_utf8(out, c);
            break;
        }
        default: return 0;
        }
        s++;
    }
    if (*s != '"') return 0;
    *p = s + 1;
    return 1;
}

static Pair pairs[64];
static int pair_count;

static Pair *pair(const char *key) {
    if (pair_count == 64) { fprintf(stderr, "too many keys\n"); exit(2); }
    Pair *p = &pairs[pair_count++];
    snprintf(p->key, sizeof p->key, "%s", key);
    p->value.length = 0;
    return p;
}

static void pair_text(const char *key, const char *value, size_t n) {
    if (value) quoted(&pair(key)->value, value, n);
}

static void pair_integer(const char *key, long long value, int present) {
    char digits[32];
    if (present) puts_(&pair(key)->value, (snprintf(digits, sizeof digits, "%lld", value), digits));
}

/* The `registry` column (a flat JSON object of strings: `subject` and the fields) as pairs; the
 * entry's version (3, or 4 with an extended field). -1 if the column is not such an object. */
static int registry_pairs(const char *json) {
    static Buffer key_, value;
    int version = 3, subject = 0;
    const char *p = json;
    if (!p || *p++ != '{') return -1;
    while (*p && *p != '}') {
        if (!json_string(&p, &key_) || *p++ != ':' || !json_string(&p, &value)) return -1;
        put(&key_, "", 0);
        key_.bytes[key_.length] = 0;
        if (strcmp(key_.bytes, "subject") == 0) subject = 1;
        else if (!in_list(key_.bytes, REGISTRY_FIELDS)) return -1;
        if (in_list(key_.bytes, EXTENDED_FIELDS)) version = 4;
        pair_text(key_.bytes, value.bytes ? value.bytes : "", value.length);
        if (*p == ',') p++;
    }
    if (*p != '}' || !subject) return -1;
    return version;
}

static int verify(const char *path) {
    sqlite3 *db;
    check(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, 0), db, "open");
    sqlite3_stmt *rows;
    check(sqlite3_prepare_v2(db,
              "SELECT sequence, kind, trainee_id, curriculum_code, curriculum_version, unit_code, target, method, outcome, date,"
              " site, minutes, note, attachment_sha256, assessor_id, corrects, recorded_at, previous_hash, hash, derived_from,"
              " serial, record_format, issuer_id, valid_from, valid_until, supersedes, superseded_by, checkpoint_size,"
              " checkpoint_hash, issued_at, registry"
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
        const char *kind = column_text(rows, 1);
        const char *stored_previous = column_text(rows, 17), *stored_hash = column_text(rows, 18);
        if (!stored_previous || strcmp(stored_previous, previous) != 0) {
            fprintf(stderr, "entry %lld: previous hash does not match\n", sequence);
            return 1;
        }
        if (!kind) {
            fprintf(stderr, "entry %lld: no kind\n", sequence);
            return 1;
        }
        w.out.length = 0;
        w.first = 1;
        put(&w.out, "{", 1);
#define TEXT(name, column) text(&w, name, column_text(rows, column), (size_t)sqlite3_column_bytes(rows, column))
#define INTEGER(name, column) integer(&w, name, sqlite3_column_int64(rows, column), sqlite3_column_type(rows, column) != SQLITE_NULL)
#define PAIR_TEXT(name, column) pair_text(name, column_text(rows, column), (size_t)sqlite3_column_bytes(rows, column))
#define PAIR_INTEGER(name, column) pair_integer(name, sqlite3_column_int64(rows, column), sqlite3_column_type(rows, column) != SQLITE_NULL)
        if (in_list(kind, REGISTRY_KINDS)) {
            /* Registry kinds: no trainee, no curriculum; the entry's keys and the registry column's, in ascending byte order. */
            pair_count = 0;
            int version = registry_pairs(column_text(rows, 30));
            if (version < 0 || sqlite3_column_type(rows, 2) != SQLITE_NULL || sqlite3_column_type(rows, 3) != SQLITE_NULL) {
                fprintf(stderr, "entry %lld: a %s entry whose registry data or trainee does not fit its kind\n", sequence, kind);
                return 1;
            }
            if (strcmp(kind, "lifecycle") == 0) version = 5;
            else if (strcmp(kind, "setting") == 0) version = 6;
            else if (strcmp(kind, "import") == 0) version = 7;
            PAIR_TEXT("assessor", 14);
            PAIR_TEXT("attachmentSHA256", 13);
            PAIR_INTEGER("corrects", 15);
            PAIR_TEXT("date", 9);
            PAIR_INTEGER("derivedFrom", 19);
            PAIR_TEXT("kind", 1);
            PAIR_TEXT("method", 7);
            PAIR_INTEGER("minutes", 11);
            PAIR_TEXT("note", 12);
            PAIR_TEXT("outcome", 8);
            PAIR_TEXT("previousHash", 17);
            PAIR_TEXT("recordedAt", 16);
            PAIR_INTEGER("sequence", 0);
            PAIR_TEXT("site", 10);
            PAIR_TEXT("target", 6);
            PAIR_TEXT("unit", 5);
            pair_integer("v", version, 1);
            qsort(pairs, (size_t)pair_count, sizeof pairs[0], by_key);
            for (int i = 0; i < pair_count; i++) {
                key(&w, pairs[i].key);
                put(&w.out, pairs[i].value.bytes, pairs[i].value.length);
            }
        } else {
            /* Versions 1 and 2: a fixed set of keys, written in order; the record keys on record kinds only. */
            int record = in_list(kind, RECORD_KINDS);
            const char *code_ = column_text(rows, 3), *version = column_text(rows, 4);
            if (!code_ || !version || sqlite3_column_type(rows, 2) == SQLITE_NULL || sqlite3_column_type(rows, 30) != SQLITE_NULL) {
                fprintf(stderr, "entry %lld: a %s entry without a trainee or curriculum, or with registry data\n", sequence, kind);
                return 1;
            }
            curriculum.length = 0;
            puts_(&curriculum, code_);
            put(&curriculum, "@", 1);
            puts_(&curriculum, version);
            TEXT("assessor", 14);
            TEXT("attachmentSHA256", 13);
            if (record) TEXT("checkpointHash", 28);
            if (record) INTEGER("checkpointSize", 27);
            INTEGER("corrects", 15);
            text(&w, "curriculum", curriculum.bytes, curriculum.length);
            TEXT("date", 9);
            INTEGER("derivedFrom", 19);
            if (record) TEXT("format", 21);
            if (record) TEXT("issuedAt", 29);
            if (record) TEXT("issuer", 22);
            TEXT("kind", 1);
            TEXT("method", 7);
            INTEGER("minutes", 11);
            TEXT("note", 12);
            TEXT("outcome", 8);
            TEXT("previousHash", 17);
            TEXT("recordedAt", 16);
            INTEGER("sequence", 0);
            if (record) TEXT("serial", 20);
            TEXT("site", 10);
            if (record) TEXT("supersededBy", 26);
            if (record) TEXT("supersedes", 25);
            TEXT("target", 6);
            TEXT("trainee", 2);
            TEXT("unit", 5);
            integer(&w, "v", record ? 2 : 1, 1);
            if (record) TEXT("validFrom", 23);
            if (record) TEXT("validUntil", 24);
        }
        put(&w.out, "}", 1);
        unsigned char digest[32];
        sha256(w.out.bytes, w.out.length, digest);
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
