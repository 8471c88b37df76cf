#include "shared/store/journal.h"

#include "shared/store/event_codec.h"
#include "shared/store/json_fields.h"
#include "shared/store/report_codec.h"

namespace hall::store {

// Days are stored as "YYYY-MM-DD" text, whose order is the calendar's: `day < ?` and `day >= ?`
// compare dates correctly.

Journal::Journal(Database& db)
    : db_(db), insertEvent_(db.prepare(
                   "INSERT INTO events(day, at_ms, kind, payload) VALUES(?1, ?2, ?3, ?4)")),
      upsertReport_(
          db.prepare("INSERT INTO daily_reports(day, report, updated_ms) VALUES(?1, ?2, ?3)"
                     " ON CONFLICT(day) DO UPDATE SET report = excluded.report,"
                     " updated_ms = excluded.updated_ms")),
      insertRequest_(db.prepare(
          "INSERT INTO requests(request_id, at_ms, outcome) VALUES(?1, ?2, ?3)")),
      findRequest_(db.prepare("SELECT outcome FROM requests WHERE request_id = ?1")) {}

void Journal::append(const core::Event& event, core::BusinessDay day) {
    const EncodedEvent row = encodeEvent(event);
    insertEvent_.bind(1, core::formatDay(day))
        .bind(2, row.atMs)
        .bind(3, row.kind)
        .bind(4, row.payload)
        .run();
}

void Journal::forEachFrom(core::BusinessDay from,
                          const std::function<void(const core::Event&)>& visit) {
    Statement query = db_.prepare("SELECT seq, kind, at_ms, payload FROM events WHERE day >= ?1"
                                  " ORDER BY seq");
    query.bind(1, core::formatDay(from));
    while (query.step()) {
        core::Event event;
        try {
            event = decodeEvent(query.columnText(1), query.columnInt(2), query.columnText(3));
        } catch (const StoreError& e) {
            throw StoreError("journal row " + std::to_string(query.columnInt(0)) + ": " + e.what());
        }
        visit(event);
    }
}

std::int64_t Journal::count() {
    return db_.queryInt("SELECT count(*) FROM events");
}

std::int64_t Journal::pruneBefore(core::BusinessDay before) {
    Statement erase = db_.prepare("DELETE FROM events WHERE day < ?1"
                                  " AND day IN (SELECT day FROM daily_reports)");
    erase.bind(1, core::formatDay(before));
    erase.run();
    return db_.changes();
}

void Journal::putReport(const core::DayStatistics& report, core::Timestamp updated) {
    upsertReport_.bind(1, core::formatDay(report.day))
        .bind(2, encodeReport(report))
        .bind(3, toMillis(updated))
        .run();
}

std::optional<core::DayStatistics> Journal::report(core::BusinessDay day) {
    const std::string key = core::formatDay(day);
    Statement query = db_.prepare("SELECT report FROM daily_reports WHERE day = ?1");
    query.bind(1, key);
    if (!query.step()) return std::nullopt;
    core::DayStatistics report = decodeReport(query.columnText(0));
    if (report.day != day) {
        throw StoreError("daily report stored under " + key + " is for " +
                         core::formatDay(report.day));
    }
    return report;
}

std::vector<core::BusinessDay> Journal::reportDays() {
    Statement query = db_.prepare("SELECT day FROM daily_reports ORDER BY day");
    std::vector<core::BusinessDay> days;
    while (query.step())
        days.push_back(parseDay(query.columnText(0), "daily_reports day"));
    return days;
}

bool Journal::hasReport(core::BusinessDay day) {
    Statement query = db_.prepare("SELECT 1 FROM daily_reports WHERE day = ?1");
    query.bind(1, core::formatDay(day));
    return query.step();
}

std::optional<std::string> Journal::requestOutcome(const std::string& requestId) {
    findRequest_.bind(1, requestId);
    std::optional<std::string> outcome;
    if (findRequest_.step()) outcome = findRequest_.columnText(0);
    findRequest_.reset();
    return outcome;
}

void Journal::putRequest(const std::string& requestId, core::Timestamp at,
                         const std::string& outcome) {
    insertRequest_.bind(1, requestId).bind(2, toMillis(at)).bind(3, outcome).run();
}

std::int64_t Journal::pruneRequestsBefore(core::Timestamp before) {
    Statement erase = db_.prepare("DELETE FROM requests WHERE at_ms < ?1");
    erase.bind(1, toMillis(before));
    erase.run();
    return db_.changes();
}

} // namespace hall::store
