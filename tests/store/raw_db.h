#pragma once
// Raw SQLite access for tests that build or inspect a store's file behind its back.

#include "shared/store/event_codec.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <filesystem>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace hall::store::testing {

class RawDb {
public:
    explicit RawDb(const std::filesystem::path& file) {
        REQUIRE(sqlite3_open(file.c_str(), &db_) == SQLITE_OK);
        sqlite3_busy_timeout(db_, 5000); // the store may hold the file open meanwhile
    }
    ~RawDb() { sqlite3_close(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void exec(const std::string& sql) {
        char* error = nullptr;
        const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
        INFO(sql, ": ", error != nullptr ? error : "");
        sqlite3_free(error);
        REQUIRE(rc == SQLITE_OK);
    }
    std::int64_t integer(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
        const auto value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return value;
    }
    std::string text(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
        std::string value(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return value;
    }
    // Runs one statement with its ? parameters bound to `texts` in order.
    void run(const std::string& sql, const std::vector<std::string>& texts) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            sqlite3_bind_text(stmt, static_cast<int>(i + 1), texts[i].c_str(), -1,
                              SQLITE_TRANSIENT);
        }
        const int rc = sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        INFO(sql, ": ", sqlite3_errmsg(db_));
        REQUIRE(rc == SQLITE_DONE);
    }
    void insertEvent(const std::string& day, const EncodedEvent& row) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(
                    db_, "INSERT INTO events(day, at_ms, kind, payload) VALUES(?, ?, ?, ?)", -1,
                    &stmt, nullptr) == SQLITE_OK);
        sqlite3_bind_text(stmt, 1, day.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 2, row.atMs);
        sqlite3_bind_text(stmt, 3, row.kind.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 4, row.payload.c_str(), -1, SQLITE_TRANSIENT);
        REQUIRE(sqlite3_step(stmt) == SQLITE_DONE);
        sqlite3_finalize(stmt);
    }

private:
    sqlite3* db_ = nullptr;
};

} // namespace hall::store::testing
