#include "shared/store/database.h"

#include <sqlite3.h>
#include <utility>

namespace hall::store {

namespace {

constexpr int kBusyTimeoutMs = 5000;

} // namespace

bool SqliteError::corrupt() const {
    const int primary = code_ & 0xff; // extended codes keep the primary code in the low byte
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

void throwSqlite(sqlite3* db, int rc, std::string_view what) {
    std::string message(what);
    message += ": ";
    // sqlite3_errmsg describes the most recent failure on the connection, often with detail
    // (the offending SQL token, the path); errstr is the generic text of the code.
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int code = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    throw SqliteError(code, message);
}

// --- Statement ------------------------------------------------------------------------------

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        throwSqlite(db, rc, "preparing \"" + std::string(sql) + "\"");
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = other.db_;
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

void Statement::fail(int rc, std::string_view what) const {
    std::string context(what);
    if (const char* sql = sqlite3_sql(stmt_)) {
        context += " \"";
        context += sql;
        context += '"';
    }
    throwSqlite(db_, rc, context);
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) fail(rc, "binding an integer to");
    return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
    if (value) return bind(index, *value);
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) fail(rc, "binding NULL to");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // An empty view may carry a null pointer, which SQLite would bind as NULL, not as ''.
    const char* data = text.data() != nullptr ? text.data() : "";
    const int rc =
        sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(rc, "binding a text to");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Leave the statement reusable: a failed step otherwise keeps its error until reset.
    sqlite3_reset(stmt_);
    fail(rc, "executing");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    const int size = sqlite3_column_bytes(stmt_, column);
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// --- Database -------------------------------------------------------------------------------

Database Database::open(const std::filesystem::path& path, const std::string& vfs) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, vfs.empty() ? nullptr : vfs.c_str());
    // From here on the handle is owned, even when opening failed (SQLite allocates it anyway so
    // that the error message can be read).
    Database db(raw, path);
    if (rc != SQLITE_OK) throwSqlite(raw, rc, "opening " + path.string());
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);

    // journal_mode answers with the mode in force; anything but "wal" (a read-only medium, an
    // in-memory file) would silently lose the durability and concurrency the store relies on.
    const auto mode = db.queryText("PRAGMA journal_mode=WAL");
    if (!mode || *mode != "wal") {
        throw StoreError("opening " + path.string() +
                         ": could not switch to WAL journal mode (got " + mode.value_or("nothing") +
                         ")");
    }
    db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    return db;
}

Database::~Database() {
    close();
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

void Database::close() noexcept {
    // close_v2 defers the close until every statement is finalised, so the order in which owners
    // of statements and of the connection are destroyed does not matter.
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = nullptr;
}

void Database::exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error != nullptr ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteError(sqlite3_extended_errcode(db_), "executing \"" + sql + "\": " + message);
    }
}

Statement Database::prepare(std::string_view sql) {
    return Statement(db_, sql);
}

std::optional<std::string> Database::queryText(std::string_view sql) {
    Statement statement(db_, sql);
    if (!statement.step()) return std::nullopt;
    return statement.columnText(0);
}

std::int64_t Database::queryInt(std::string_view sql) {
    Statement statement(db_, sql);
    if (!statement.step()) throw StoreError("query returned no row: " + std::string(sql));
    return statement.columnInt(0);
}

std::int64_t Database::changes() const {
    return sqlite3_changes64(db_);
}

std::int64_t Database::lastInsertRowid() const {
    return sqlite3_last_insert_rowid(db_);
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

// --- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    // After a failed COMMIT SQLite may already have rolled back by itself (it does for I/O
    // errors and a full disk); ROLLBACK is only valid while a transaction is still open.
    if (!done_ && db_.inTransaction()) {
        try {
            db_.exec("ROLLBACK");
        } catch (const StoreError&) {
            // Nothing more can be done here: the connection's next statement reports the state.
        }
    }
}

void Transaction::commit() {
    // A failed COMMIT throws with done_ still false: the destructor then rolls back whatever
    // SQLite left open.
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace hall::store
