#include "shared/store/durable_engine.h"

#include "shared/store/database.h"
#include "shared/store/follow_ups.h"
#include "shared/store/journal.h"
#include "shared/store/migrations.h"
#include "shared/store/outcome_codec.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <fcntl.h>
#include <set>
#include <sqlite3.h>
#include <thread>
#include <unistd.h>

namespace hall::store {

namespace {

using namespace std::chrono;

// A second copy of a request inside one batch gets the first one's answer and no events.
core::Result<core::Decision> replayed(const core::Result<core::Decision>& first) {
    if (!first) return first.error();
    core::Decision decision;
    decision.ticket = first->ticket;
    return decision;
}

// The first day whose journal is replayed into the engine: how far back the engine itself keeps
// tickets (the supplementary-rating period and the unrated policy), so a restarted engine knows
// what a running one would. Ticket ids need no older history: they derive from the business day.
core::BusinessDay replayHorizon(const core::Engine& engine, core::Timestamp now) {
    return engine.retentionStart(engine.businessDay(now));
}

void checkIntegrity(Database& db) {
    // quick_check verifies every page's b-tree structure (the costly index-content comparison of
    // integrity_check is left out), so opening stays fast on a large file.
    Statement check = db.prepare("PRAGMA quick_check(3)");
    std::string problems;
    while (check.step()) {
        const std::string line = check.columnText(0);
        if (line == "ok") continue;
        if (!problems.empty()) problems += "; ";
        problems += line;
    }
    if (!problems.empty()) {
        throw StoreError("database is corrupt: " + db.path().string() + ": " + problems +
                         " — restore it from a backup");
    }
}

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

void syncDirectory(const std::filesystem::path& dir) {
    // A rename is durable only once the directory entry is: fsync the directory itself.
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw StoreError("backup: cannot open directory " + dir.string() + " to sync it");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw StoreError("backup: cannot sync directory " + dir.string());
}

} // namespace

struct DurableEngine::Impl {
    Impl(StoreOptions opts, Database database, std::shared_ptr<const core::TimeZone> tz,
         core::Engine eng)
        : options(std::move(opts)), zone(std::move(tz)), db(std::move(database)), journal(db),
          followUps(db), engine(std::move(eng)) {}

    StoreOptions options;
    std::shared_ptr<const core::TimeZone> zone;
    Database db;
    Journal journal; // holds prepared statements of db: declared after it, destroyed before it
    FollowUpTable followUps; // the same
    core::Engine engine;
    core::BusinessDay replayFrom{};   // a rebuild replays the journal from this day on
    core::BusinessDay completeFrom{}; // the engine has seen every event of this and later days
    std::int64_t journalCount = 0;
    std::vector<FollowUpCase> opened; // follow-up cases committed, not yet taken
    std::string broken; // set when memory and disk could not be brought back into line

    void ensureUsable() const {
        if (!broken.empty()) throw StoreError(broken);
    }

    void replayInto(core::Engine& target) {
        journal.forEachFrom(replayFrom, [&](const core::Event& e) { target.apply(e); });
    }

    // Days whose stored report must be (re)written: those the engine reports changed, and the
    // day a rollover in `written` has just closed. Days before completeFrom are left alone: the
    // engine saw only part of them, and their stored report is the complete one.
    std::set<core::BusinessDay> reportsDue(const std::vector<core::Event>& written) {
        std::set<core::BusinessDay> due;
        for (const auto day : engine.takeChangedPastDays())
            due.insert(day);
        for (const auto& e : written) {
            if (const auto* rolled = std::get_if<core::DayRolledOver>(&e.body)) {
                due.insert(rolled->from);
            }
        }
        std::erase_if(due, [&](core::BusinessDay day) {
            return day < completeFrom || !engine.statistics(day).has_value();
        });
        return due;
    }

    // Inside the commit's transaction: the follow-up case of each bad rating a citizen gave.
    std::vector<FollowUpCase> openFollowUps(const std::vector<core::Event>& written) {
        std::vector<FollowUpCase> cases;
        for (const auto& event : written) {
            const auto* rating = std::get_if<core::RatingRecorded>(&event.body);
            if (rating == nullptr || !opensFollowUp(*rating)) continue;
            FollowUpCase c;
            const auto* ticket = engine.ticket(rating->ticket);
            c.ticket = rating->ticket;
            c.number = ticket != nullptr ? ticket->number : std::string();
            c.serviceId = rating->serviceId;
            c.window = rating->window;
            c.staffId = rating->staffId;
            c.level = rating->level;
            c.reasons = rating->reasons;
            c.comment = rating->comment;
            c.supplementary = rating->supplementary;
            c.day = engine.businessDay(event.at);
            c.openedAt = event.at;
            c.deadline =
                followUpDeadline(event.at, engine.config().evaluation.followUpWorkingDays, *zone);
            const auto id = followUps.open(*rating, c.openedAt, c.day, c.number, c.deadline);
            if (!id) continue; // that rating has its case already
            c.id = *id;
            cases.push_back(std::move(c));
        }
        return cases;
    }

    void writeReports(const std::set<core::BusinessDay>& days, core::Timestamp now) {
        for (const auto day : days)
            journal.putReport(*engine.statistics(day), now);
    }

    // After a failed commit the engine holds events that are not on disk: build it again from
    // the journal so that it equals what a restart would give.
    void rebuild(const std::string& failure) {
        try {
            core::Engine fresh(engine.config(), zone);
            replayInto(fresh);
            engine = std::move(fresh);
            completeFrom = replayFrom;
            journalCount = journal.count();
        } catch (const std::exception& e) {
            broken = "store " + options.path.string() + " is unusable: a commit failed (" +
                     failure + ") and the engine could not be rebuilt from the journal (" +
                     e.what() + "); reopen the store";
        }
    }
};

DurableEngine::DurableEngine(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
DurableEngine::~DurableEngine() = default;
DurableEngine::DurableEngine(DurableEngine&&) noexcept = default;
DurableEngine& DurableEngine::operator=(DurableEngine&&) noexcept = default;

DurableEngine DurableEngine::open(const StoreOptions& options, core::HallConfig config,
                                  std::shared_ptr<const core::TimeZone> zone, core::Timestamp now) {
    if (options.detailRetentionDays < 0) {
        throw StoreError("detailRetentionDays must not be negative (got " +
                         std::to_string(options.detailRetentionDays) + ")");
    }
    // The engine first: an invalid configuration is refused before the file is touched.
    core::Engine engine(std::move(config), zone);
    try {
        Database db = Database::open(options.path, options.vfsName);
        checkIntegrity(db);
        migrate(db);

        auto impl =
            std::make_unique<Impl>(options, std::move(db), std::move(zone), std::move(engine));
        impl->replayFrom = replayHorizon(impl->engine, now);
        impl->completeFrom = impl->replayFrom;
        try {
            impl->replayInto(impl->engine);
        } catch (const SqliteError&) {
            throw;
        } catch (const std::exception& e) {
            throw StoreError("replaying the journal of " + options.path.string() + ": " + e.what());
        }
        impl->journalCount = impl->journal.count();

        // Reports the file lacks for fully replayed past days (a file migrated from schema 1
        // has none), or that replay found changed: written now, so that they survive pruning.
        auto due = impl->reportsDue({});
        if (const auto current = impl->engine.currentDay()) {
            for (auto day = impl->completeFrom; day < *current; day += days(1)) {
                if (impl->engine.statistics(day) && !impl->journal.hasReport(day)) due.insert(day);
            }
        }
        if (!due.empty()) {
            Transaction transaction(impl->db);
            impl->writeReports(due, now);
            transaction.commit();
        }
        return DurableEngine(std::move(impl));
    } catch (const SqliteError& e) {
        if (!e.corrupt()) throw;
        throw StoreError("database is corrupt: " + options.path.string() + ": " + e.what() +
                         " — restore it from a backup");
    }
}

core::Result<core::Decision> DurableEngine::execute(const core::Command& command,
                                                    core::Timestamp now) {
    const TimedCommand timed{command, now};
    auto results = executeBatch(std::span(&timed, 1));
    return std::move(results.front());
}

std::vector<core::Result<core::Decision>>
DurableEngine::executeBatch(std::span<const TimedCommand> commands, const Decided& decided) {
    Impl& d = *d_;
    d.ensureUsable();
    std::vector<core::Result<core::Decision>> results;
    results.reserve(commands.size());
    std::vector<core::Event> written;
    std::map<std::string, std::size_t> answered; // request id → its result in this batch
    try {
        // Apply as we go: a later command of the batch must see the effects of earlier ones.
        for (const auto& [command, at, requestId] : commands) {
            if (!requestId.empty()) {
                if (auto it = answered.find(requestId); it != answered.end()) {
                    results.push_back(replayed(results[it->second]));
                    continue;
                }
                if (auto stored = d.journal.requestOutcome(requestId)) {
                    results.push_back(decodeOutcome(*stored));
                    continue;
                }
                answered.emplace(requestId, results.size());
            }
            auto result = d.engine.decide(command, at);
            if (result) {
                for (const auto& event : result->events) {
                    d.engine.apply(event);
                    written.push_back(event);
                }
            }
            results.push_back(std::move(result));
        }
        // Refusals and no-op ticks write nothing, unless a request id must remember its answer.
        if (written.empty() && answered.empty()) return results;
        if (decided && !written.empty()) decided(written);

        // One transaction, one fsync for the whole batch (group commit).
        Transaction transaction(d.db);
        for (const auto& event : written)
            d.journal.append(event, d.engine.businessDay(event.at));
        for (const auto& [requestId, index] : answered)
            d.journal.putRequest(requestId, commands[index].at, encodeOutcome(results[index]));
        auto opened = d.openFollowUps(written);
        d.writeReports(d.reportsDue(written), commands.back().at);
        transaction.commit();
        d.journalCount += static_cast<std::int64_t>(written.size());
        std::move(opened.begin(), opened.end(), std::back_inserter(d.opened));
        return results;
    } catch (const std::exception& e) {
        if (!written.empty()) d.rebuild(e.what());
        if (!d.broken.empty()) throw StoreError(d.broken);
        if (dynamic_cast<const StoreError*>(&e) != nullptr) throw;
        throw StoreError(std::string("command batch failed: ") + e.what());
    }
}

const core::Engine& DurableEngine::engine() const {
    return d_->engine;
}

std::optional<core::DayStatistics> DurableEngine::dayReport(core::BusinessDay day) const {
    // Days before completeFrom were seen only in part (or not at all) by this engine.
    if (day >= d_->completeFrom) {
        if (auto live = d_->engine.statistics(day)) return live;
    }
    return d_->journal.report(day);
}

std::vector<core::BusinessDay> DurableEngine::reportDays() const {
    return d_->journal.reportDays();
}

void DurableEngine::backupTo(const std::filesystem::path& target) const {
    Impl& d = *d_;
    // A -wal file beside the target means a database is live there (or crashed there): SQLite
    // would apply that log to the copy on its next open.
    if (std::filesystem::exists(target.string() + "-wal")) {
        throw StoreError("backup: " + target.string() + " has a write-ahead log (" +
                         target.string() + "-wal): a database is in use there");
    }
    // Copy into a side file and rename it over the target, so that a crash during the backup
    // leaves the previous backup intact.
    const std::filesystem::path partial = target.string() + ".partial";
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    std::filesystem::remove(partial.string() + "-journal", ignored);

    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(partial.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, SqliteCloser> dest(raw);
    if (rc != SQLITE_OK) throwSqlite(raw, rc, "backup: opening " + partial.string());

    sqlite3_backup* backup = sqlite3_backup_init(dest.get(), "main", d.db.handle(), "main");
    if (backup == nullptr) {
        throwSqlite(dest.get(), sqlite3_errcode(dest.get()), "backup: starting");
    }
    // Copy in steps: between steps other connections may write to the source (the backup then
    // restarts from the changed pages by itself) and busy locks are waited out.
    int step = SQLITE_OK;
    do {
        step = sqlite3_backup_step(backup, 256);
        if (step == SQLITE_BUSY || step == SQLITE_LOCKED) std::this_thread::sleep_for(10ms);
    } while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE)
        throwSqlite(dest.get(), step, "backup: copying to " + partial.string());
    // The copy's own commit was synced (its connection runs with the default synchronous=FULL).
    dest.reset();

    std::filesystem::rename(partial, target);
    syncDirectory(target.parent_path());
}

int DurableEngine::pruneDetails(core::Timestamp now) {
    Impl& d = *d_;
    d.ensureUsable();
    const auto today = d.engine.businessDay(now);
    const auto retained = today - days(d.options.detailRetentionDays);
    const auto horizon = replayHorizon(d.engine, now);
    const auto before = std::min(retained, horizon);

    Transaction transaction(d.db);
    const auto removed = d.journal.pruneBefore(before);
    d.journal.pruneRequestsBefore(now - days(d.options.detailRetentionDays));
    // The citizen's comment on a case outlives the journal's copy only while the case is open.
    d.followUps.forgetCommentsClosedBefore(now - days(d.options.detailRetentionDays));
    transaction.commit();
    d.journalCount -= removed;
    // A rebuild after a failed commit must replay what a restart would: the pruned days are
    // gone from the journal, so it starts after them.
    d.replayFrom = std::max(d.replayFrom, before);
    return static_cast<int>(removed);
}

std::int64_t DurableEngine::journalSize() const {
    return d_->journalCount;
}

std::vector<FollowUpCase> DurableEngine::takeOpenedFollowUps() {
    return std::exchange(d_->opened, {});
}

} // namespace hall::store
