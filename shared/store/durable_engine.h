#pragma once
// The queue engine made durable: every command's events are committed to SQLite (WAL,
// synchronous=FULL) before the caller hears that it happened, and an engine is rebuilt exactly by
// applying the journal again after a restart or a crash.

#include "shared/core/engine.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hall::store {

struct FollowUpCase; // follow_ups.h

// The store could not do what was asked (I/O error, disk full, corrupt file). A command that ends
// in a StoreError was not acknowledged and left no trace: the engine is as before it.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct StoreOptions {
    std::filesystem::path path;   // the SQLite file; its directory must exist
    int detailRetentionDays = 90; // journal rows older than this are pruned; daily reports stay
    // SQLite VFS to open the file through; empty is SQLite's default. Tests register a wrapping
    // VFS here that fails writes and syncs on demand (I/O error, disk full).
    std::string vfsName;
};

struct TimedCommand {
    TimedCommand() = default;
    TimedCommand(core::Command c, core::Timestamp t, std::string id = {})
        : command(std::move(c)), at(t), requestId(std::move(id)) {}

    core::Command command;
    core::Timestamp at;
    // The client-generated id of the request that carries the command, scoped by the caller
    // (the controller prefixes the device). A request id already answered gets that first answer
    // again, refusals included, and changes nothing; empty means no deduplication.
    std::string requestId;
};

class DurableEngine {
public:
    // Opens (creating if absent), checks integrity, migrates the schema, and replays the journal
    // of the replay horizon (the current day and the supplementary-rating period) into an engine.
    // Throws StoreError on a corrupt or unreadable file.
    static DurableEngine open(const StoreOptions& options, core::HallConfig config,
                              std::shared_ptr<const core::TimeZone> zone, core::Timestamp now);
    ~DurableEngine();
    DurableEngine(DurableEngine&&) noexcept;
    DurableEngine& operator=(DurableEngine&&) noexcept;

    // Decides, commits the events durably, applies them. Throws StoreError if the commit fails.
    // A bad rating a citizen gives opens its follow-up case in the same transaction.
    core::Result<core::Decision> execute(const core::Command& command, core::Timestamp now);
    // Group commit: all commands in one transaction (one fsync), decided in order, each seeing
    // the effects of those before it. Refused commands are refused individually; a failed commit
    // throws StoreError and acknowledges none of them. Answers to request ids are committed in
    // the same transaction as the events, so a retry after a crash is answered, not re-run.
    //
    // `decided`, when given, hears the batch's events once they are decided and applied, before
    // the transaction is written and made durable (it is not called for a batch that writes no
    // event). What it passes on is not an acknowledgement: if the commit then fails,
    // executeBatch still throws and the engine returns to where it was before the batch.
    using Decided = std::function<void(const std::vector<core::Event>&)>;
    std::vector<core::Result<core::Decision>> executeBatch(std::span<const TimedCommand> commands,
                                                           const Decided& decided = {});

    const core::Engine& engine() const;

    // A day's statistics: from the engine while it holds the day, else the stored report.
    std::optional<core::DayStatistics> dayReport(core::BusinessDay day) const;
    std::vector<core::BusinessDay> reportDays() const; // days with a stored report, ascending

    // Copies the live database to `target` with SQLite's online backup API (readers and writers
    // go on meanwhile).
    void backupTo(const std::filesystem::path& target) const;
    // Deletes journal rows older than the retention period whose day has a stored report and
    // that lie outside the replay horizon, and request answers older than the retention period;
    // erases the comment of follow-up cases closed longer ago than that. Returns the number of
    // journal rows removed.
    int pruneDetails(core::Timestamp now);

    std::int64_t journalSize() const; // events stored

    // The follow-up cases (follow_ups.h) that commits since the last call opened, in order: each
    // written in the transaction that journaled its rating, kept here until taken. For the
    // caller to announce; they carry the citizen's comment, which must not be logged.
    std::vector<FollowUpCase> takeOpenedFollowUps();

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
    explicit DurableEngine(std::unique_ptr<Impl> impl);
};

} // namespace hall::store
