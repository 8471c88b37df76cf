#pragma once
// What the terminal.db fault tests share: the faults, a crash image of the file, and the
// invariants terminal.db must keep whatever the disk did.

#include "shared/protocol/codec.h"
#include "shared/terminal/lease_pool.h"
#include "tests/support/fault_vfs.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace terminal_db_test {

namespace client = hall::client;
namespace core = hall::core;
namespace protocol = hall::protocol;
namespace store = hall::store;

inline constexpr const char* kDay = "2026-11-23";

struct FaultCase {
    faultvfs::Fault fault;
    int passing; // matching calls let through before the first failure
    std::string name;
};

// A commit writes its pages to the log and then syncs it once: a write fault can strike the
// first page or a later one, a sync fault only that one call.
inline const std::vector<FaultCase>& faultCases() {
    static const std::vector<FaultCase> cases{
        {faultvfs::Fault::WriteIoError, 0, "write I/O error"},
        {faultvfs::Fault::WriteIoError, 1, "write I/O error after one good write"},
        {faultvfs::Fault::DiskFull, 0, "disk full"},
        {faultvfs::Fault::SyncIoError, 0, "failed fsync"},
    };
    return cases;
}

// Disarms even when a check fails, so that one failing case cannot break the next.
struct Armed {
    Armed(faultvfs::Fault fault, int passing) { faultvfs::arm(fault, passing); }
    ~Armed() { faultvfs::disarm(); }
    Armed(const Armed&) = delete;
    Armed& operator=(const Armed&) = delete;
};

inline protocol::LeaseView lease(core::LeaseId id, std::vector<std::string> numbers) {
    return protocol::LeaseView{id, "permits", kDay, std::move(numbers)};
}

// The files as a power cut at this instant would leave them: the database and its write-ahead
// log, without the shared-memory index (rebuilt from the log on the next open). Taken between
// transactions, with the connection still open, so nothing is checkpointed or cleaned up first.
inline std::filesystem::path crashImage(const std::filesystem::path& database,
                                        const std::filesystem::path& intoDir) {
    namespace fs = std::filesystem;
    const fs::path target = intoDir / database.filename();
    fs::copy_file(database, target, fs::copy_options::overwrite_existing);
    const fs::path wal = database.string() + "-wal";
    if (fs::exists(wal))
        fs::copy_file(wal, target.string() + "-wal", fs::copy_options::overwrite_existing);
    return target;
}

// Every request id in the outbox or among its refusals, with how often it appears.
inline std::map<std::string, int> requestIds(client::Outbox& outbox) {
    std::map<std::string, int> ids;
    for (const auto& entry : outbox.entries())
        ++ids[entry.requestId];
    for (const auto& refusal : outbox.refusals())
        ++ids[refusal.requestId];
    return ids;
}

// What must hold in terminal.db after any fault: the file is sound; no number is recorded as
// handed out twice; every number handed out has its report in the outbox, and every report in
// the outbox is that of one number handed out (same lease, number and request id).
inline void checkConsistent(store::Database& db, client::Outbox& outbox, client::LeasePool& pool) {
    CHECK(db.queryText("PRAGMA integrity_check") == "ok");
    CHECK_FALSE(db.prepare("PRAGMA foreign_key_check").step()); // a row is a violation
    std::map<std::string, client::LeasedTicket> byRequest;
    std::set<std::string> numbers;
    for (const auto& ticket : pool.issued()) {
        INFO("number ", ticket.number, " reported by ", ticket.requestId);
        CHECK(numbers.insert(ticket.number).second);
        CHECK(byRequest.emplace(ticket.requestId, ticket).second);
    }
    std::set<std::string> reported;
    for (const auto& entry : outbox.entries()) {
        if (entry.type != protocol::RequestType::IssueLeasedTicket) continue;
        INFO("outbox entry ", entry.requestId);
        CHECK(reported.insert(entry.requestId).second);
        const auto decoded = protocol::decodeRequest(entry.frame);
        REQUIRE(decoded.ok());
        const auto& report = std::get<core::IssueLeasedTicket>(decoded.value().body);
        const auto found = byRequest.find(entry.requestId);
        REQUIRE(found != byRequest.end());
        CHECK(found->second.number == report.number);
        CHECK(found->second.lease == report.lease);
    }
    for (const auto& [requestId, ticket] : byRequest) {
        INFO("number ", ticket.number);
        CHECK(reported.count(requestId) == 1);
    }
}

} // namespace terminal_db_test
