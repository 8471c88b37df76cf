#include "shared/store/migrations.h"

#include <array>
#include <string>

namespace hall::store {

namespace {

// Never edit a step once released: files in the field were created by it. Add a new step.
constexpr std::array kMigrations{
    Migration{1, "event journal",
              // seq is the rowid: append order is replay order. day is the business day of the
              // event (YYYY-MM-DD, the hall's local date), at_ms the UTC instant in ms, kind the
              // event name of core::eventName and payload its JSON body (event_codec).
              "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
              "CREATE TABLE events(seq INTEGER PRIMARY KEY, day TEXT NOT NULL,"
              " at_ms INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL);"},
    Migration{2, "daily reports and the journal's day index",
              // One report per business day (report_codec JSON), kept after the day's journal
              // rows are pruned; the index serves replay from a day and pruning before one.
              "CREATE TABLE daily_reports(day TEXT PRIMARY KEY, report TEXT NOT NULL,"
              " updated_ms INTEGER NOT NULL);"
              "CREATE INDEX events_day ON events(day);"},
    Migration{3, "answered requests",
              // A terminal retries a request under the same id until it hears the answer; the
              // first answer (outcome_codec JSON, a refusal included) is kept here, committed
              // with the request's events, so a retry gets it again and changes nothing twice.
              "CREATE TABLE requests(request_id TEXT PRIMARY KEY, at_ms INTEGER NOT NULL,"
              " outcome TEXT NOT NULL);"
              "CREATE INDEX requests_at ON requests(at_ms);"},
    Migration{
        4, "enrolled devices",
        // Secrets are kept only as SHA-256 hashes: a copy of the file lets nobody act as a
        // terminal. An enrollment code is used once; revoked_ms set means refused at once.
        "CREATE TABLE enrollment_codes(code_hash TEXT PRIMARY KEY, device TEXT NOT NULL,"
        " role TEXT NOT NULL, window INTEGER, zone TEXT NOT NULL, expires_ms INTEGER NOT NULL,"
        " used_ms INTEGER);"
        "CREATE TABLE devices(name TEXT PRIMARY KEY, role TEXT NOT NULL, window INTEGER,"
        " zone TEXT NOT NULL, credential_hash TEXT NOT NULL UNIQUE,"
        " enrolled_ms INTEGER NOT NULL, revoked_ms INTEGER);"},
    Migration{5, "admin audit log",
              // Every change an admin makes through the REST API (enrollments, revocations,
              // notices, operations), who made it and when; never pruned with the journal.
              "CREATE TABLE audit_log(seq INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL,"
              " actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);"},
    Migration{6, "follow-up cases of bad ratings",
              // One case per bad rating a citizen gave (a 追评 too), written in the transaction
              // that journals the rating; never pruned (the comment is erased in time). Ratings
              // journaled before this step have none.
              "CREATE TABLE followups(id INTEGER PRIMARY KEY, ticket INTEGER NOT NULL,"
              " number TEXT NOT NULL, service TEXT NOT NULL, window INTEGER NOT NULL,"
              " staff TEXT NOT NULL, level INTEGER NOT NULL, reasons TEXT NOT NULL,"
              " comment TEXT NOT NULL, supplementary INTEGER NOT NULL, day TEXT NOT NULL,"
              " opened_ms INTEGER NOT NULL, deadline_ms INTEGER NOT NULL, state TEXT NOT NULL,"
              " assignee TEXT, assign_note TEXT, assigned_ms INTEGER, closed_by TEXT,"
              " close_note TEXT, closed_ms INTEGER, UNIQUE(ticket, supplementary));"},
};

} // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

int currentSchemaVersion() {
    return kMigrations.back().version;
}

int schemaVersion(Database& db) {
    return static_cast<int>(db.queryInt("PRAGMA user_version"));
}

void migrate(Database& db) {
    const int found = schemaVersion(db);
    const int known = currentSchemaVersion();
    if (found > known) {
        throw StoreError("database " + db.path().string() + " has schema version " +
                         std::to_string(found) + ", newer than version " + std::to_string(known) +
                         " that this program knows: use a newer program");
    }
    if (found < 0) {
        throw StoreError("database " + db.path().string() + " has an invalid schema version " +
                         std::to_string(found));
    }
    for (const Migration& step : kMigrations) {
        if (step.version <= found) continue;
        try {
            Transaction transaction(db);
            // Another process may have migrated while this one waited for the write lock.
            if (schemaVersion(db) >= step.version) continue;
            db.exec(step.sql);
            // user_version sits in the file header, which is written in the same transaction.
            db.exec("PRAGMA user_version=" + std::to_string(step.version));
            transaction.commit();
        } catch (const SqliteError& e) {
            throw SqliteError(e.code(), "migrating to schema version " +
                                            std::to_string(step.version) + " (" + step.description +
                                            "): " + e.what());
        }
    }
}

} // namespace hall::store
