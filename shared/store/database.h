#pragma once
// A small RAII layer over the SQLite C API. Every failure becomes a StoreError carrying SQLite's
// own message, so no caller ever looks at a return code.

#include "shared/store/durable_engine.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace hall::store {

// A StoreError that remembers SQLite's (extended) result code, so that the store can tell a
// corrupt file (SQLITE_CORRUPT, SQLITE_NOTADB) from other failures.
class SqliteError : public StoreError {
public:
    SqliteError(int code, const std::string& message) : StoreError(message), code_(code) {}
    int code() const { return code_; }
    bool corrupt() const; // the primary code says the file is damaged or not a database

private:
    int code_;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text); // copied by SQLite (SQLITE_TRANSIENT)
    Statement& bind(int index, std::optional<std::int64_t> value); // NULL when empty

    // Advances: true when a row is available, false when the statement has finished.
    bool step();
    // Runs a statement that returns no rows to completion and resets it for the next use.
    void run();
    // Back to the start, bindings cleared: a cached statement is reused this way.
    void reset();

    // Columns are 0-based, as in SQLite.
    std::int64_t columnInt(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;

private:
    [[noreturn]] void fail(int rc, std::string_view what) const;

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // Opens (or creates) the file, through `vfs` when not empty, and sets the connection up:
    // WAL journal, synchronous=FULL (a returned COMMIT has been fsynced: in WAL mode FULL syncs
    // the log on every commit), foreign keys on, and a busy timeout so that a second process
    // (a backup, an inspection tool) waits instead of failing at once.
    static Database open(const std::filesystem::path& path, const std::string& vfs = {});
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const std::string& sql); // one or more statements, results ignored
    Statement prepare(std::string_view sql);
    // The single text value of a one-row query (PRAGMAs), empty optional when it returns no row.
    std::optional<std::string> queryText(std::string_view sql);
    std::int64_t queryInt(std::string_view sql);

    std::int64_t changes() const;         // rows changed by the last INSERT/UPDATE/DELETE
    std::int64_t lastInsertRowid() const; // the row id of the last row inserted
    bool inTransaction() const;
    sqlite3* handle() const { return db_; }
    const std::filesystem::path& path() const { return path_; }

private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    void close() noexcept;

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
};

// BEGIN IMMEDIATE takes the write lock at once, so a transaction never fails half-way with
// SQLITE_BUSY on its first write. Without commit() the destructor rolls back.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool done_ = false;
};

// Throws a SqliteError for result code `rc` of a call on `db` (which may be null when opening
// failed before a handle existed), prefixed with what was being done.
[[noreturn]] void throwSqlite(sqlite3* db, int rc, std::string_view what);

} // namespace hall::store
