/// An SQL engine a store is written for: the few words in which SQLite and PostgreSQL differ for
/// the store's portable layout (``StoreLayout``).
package enum SQLDialect: Sendable {
    case sqlite
    case postgresql

    /// The column type of `type`: SQLite's INTEGER is 64-bit (BIGINT), its BLOB is PostgreSQL's BYTEA.
    func name(_ type: ColumnLayout.ColumnType) -> String {
        switch (type, self) {
        case (.integer, .sqlite): "INTEGER"
        case (.integer, .postgresql): "BIGINT"
        case (.text, _): "TEXT"
        case (.blob, .sqlite): "BLOB"
        case (.blob, .postgresql): "BYTEA"
        }
    }

    /// `bytes` (a BLOB) as lowercase hex digits.
    func hex(_ bytes: String) -> String {
        switch self {
        case .sqlite: "lower(hex(\(bytes)))"
        case .postgresql: "encode(\(bytes), 'hex')"
        }
    }

    /// An integer `column` as text, where the text is the other choice of a `COALESCE` (SQLite converts it itself).
    func text(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgresql: "\(column)::text"
        }
    }
}

/// One column of a store table, in portable terms.
package struct ColumnLayout: Sendable {
    /// The three storage classes the store uses.
    package enum ColumnType: Sendable { case integer, text, blob }

    let name: String
    let type: ColumnType
    let notNull: Bool
    let primaryKey: Bool
    let unique: Bool
    /// The `table(column)` a foreign key points to.
    let references: String?

    init(
        _ name: String, _ type: ColumnType, primaryKey: Bool = false, notNull: Bool = false, unique: Bool = false,
        references: String? = nil
    ) {
        self.name = name
        self.type = type
        self.notNull = notNull
        self.primaryKey = primaryKey
        self.unique = unique
        self.references = references
    }

    /// `name TYPE [PRIMARY KEY] [NOT NULL] [UNIQUE] [REFERENCES t(c)]`, in that order (as the shipped migrations wrote it).
    func definition(_ dialect: SQLDialect) -> String {
        [
            name, dialect.name(type), primaryKey ? "PRIMARY KEY" : nil, notNull ? "NOT NULL" : nil, unique ? "UNIQUE" : nil,
            references.map { "REFERENCES \($0)" },
        ].compactMap { $0 }.joined(separator: " ")
    }
}

/// One table of the store, in portable terms: its columns, keys and the version that created it in this form.
package struct TableLayout: Sendable {
    let name: String
    /// The schema version whose migration creates the table in this form.
    let since: Int
    let columns: [ColumnLayout]
    let primaryKey: [String]
    let unique: [[String]]
    let foreignKeys: [(columns: [String], references: String)]

    init(
        _ name: String, since: Int, _ columns: [ColumnLayout], primaryKey: [String] = [], unique: [[String]] = [],
        foreignKeys: [(columns: [String], references: String)] = []
    ) {
        self.name = name
        self.since = since
        self.columns = columns
        self.primaryKey = primaryKey
        self.unique = unique
        self.foreignKeys = foreignKeys
    }

    /// The column names, comma-separated, in order.
    var columnNames: String { columns.map(\.name).joined(separator: ", ") }

    /// `CREATE TABLE` for `dialect`, under `name` or another (a migration that builds a table beside the one it replaces).
    package func create(_ dialect: SQLDialect, as other: String? = nil) -> String {
        let keys =
            (primaryKey.isEmpty ? [] : ["PRIMARY KEY (\(primaryKey.joined(separator: ", ")))"])
            + unique.map { "UNIQUE (\($0.joined(separator: ", ")))" }
            + foreignKeys.map { "FOREIGN KEY (\($0.columns.joined(separator: ", "))) REFERENCES \($0.references)" }
        let lines = columns.map { $0.definition(dialect) } + keys
        return "CREATE TABLE \(other ?? name) (\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
    }
}

/// One index of the store, in portable terms (a partial index where most rows would hold NULL).
package struct IndexLayout: Sendable {
    let name: String
    let table: String
    let columns: String
    let unique: Bool
    let condition: String?

    init(_ name: String, on table: String, _ columns: String, unique: Bool = false, where condition: String? = nil) {
        self.name = name
        self.table = table
        self.columns = columns
        self.unique = unique
        self.condition = condition
    }

    /// `CREATE [UNIQUE] INDEX` (the same words on both engines).
    package func create(_ dialect: SQLDialect) -> String {
        "CREATE \(unique ? "UNIQUE " : "")INDEX \(name) ON \(table)(\(columns))" + (condition.map { " WHERE \($0)" } ?? "")
    }
}
