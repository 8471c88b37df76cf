#pragma once
// The store's tables as operations: the append-only event journal (replayed in seq order) and
// the daily reports that outlive the journal's detail rows. Statements are prepared once, since
// every acknowledged command goes through append().

#include "shared/core/events.h"
#include "shared/core/statistics.h"
#include "shared/store/database.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace hall::store {

class Journal {
public:
    explicit Journal(Database& db); // the schema must be current (see migrate)

    // Inside the caller's transaction. `day` is the business day the engine gives the event.
    void append(const core::Event& event, core::BusinessDay day);
    // Events of `from` and later days, in the order they were appended.
    void forEachFrom(core::BusinessDay from, const std::function<void(const core::Event&)>& visit);
    std::int64_t count();
    // Deletes events of days before `before` that have a stored report. Returns rows removed.
    std::int64_t pruneBefore(core::BusinessDay before);

    // The first answer to a request id, if it was answered (outcome_codec JSON).
    std::optional<std::string> requestOutcome(const std::string& requestId);
    // Inside the caller's transaction, with the request's events.
    void putRequest(const std::string& requestId, core::Timestamp at, const std::string& outcome);
    std::int64_t pruneRequestsBefore(core::Timestamp before);

    void putReport(const core::DayStatistics& report, core::Timestamp updated);
    std::optional<core::DayStatistics> report(core::BusinessDay day);
    std::vector<core::BusinessDay> reportDays(); // ascending
    bool hasReport(core::BusinessDay day);

private:
    Database& db_;
    Statement insertEvent_;
    Statement upsertReport_;
    Statement insertRequest_;
    Statement findRequest_;
};

} // namespace hall::store
