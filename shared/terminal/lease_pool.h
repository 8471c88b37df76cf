#pragma once
// Numbers leased from the controller (docs/protocol.md, "Number leases"), kept by a ticket
// machine in its SQLite file so it can keep issuing while the controller is out of reach.
//
//   lease_numbers → a block {id, service, business_day, numbers[]} stored here (addLease);
//   offline, issue() takes the next free number of the service for today and, in ONE
//   transaction, marks it used and writes the issue_leased_ticket request (with issued_at) to
//   the outbox. Only after that commit is the number returned to be printed: a number is
//   never handed out twice, not even by a terminal killed and restarted in between;
//   the outbox reports the tickets when the link returns, in issue order, and the controller
//   places them in line by issued_at.
//
// A lease is good for its business day only; numbers of an earlier day are dropped unissued
// (the controller would answer lease_expired). The terminal's day is the caller's to give
// ("YYYY-MM-DD" in the hall's time zone). Numbers are printed as the controller gave them;
// the terminal never formats one. Qt-free.

#include "shared/protocol/messages.h"
#include "shared/terminal/outbox.h"
#include "shared/store/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hall::client {

struct LeasedTicket {
    core::LeaseId lease = 0;
    std::string serviceId;
    std::string number;    // "A101", as leased
    std::string requestId; // the outbox request that reports it
    std::int64_t issuedAtMs = 0;
};

// What the citizen chose, as in issue_ticket (the service aside).
struct LeasedIssueOptions {
    core::PriorityClass priority = core::PriorityClass::Normal;
    std::string greenCategory;
    std::optional<core::Appointment> appointment;
    std::string personKey;
};

class LeasePool {
public:
    // Creates its tables in `db` (the outbox's database). Both must outlive the pool.
    LeasePool(store::Database& db, Outbox& outbox);

    // Stores a granted lease; a lease already stored (a retried lease_numbers) changes nothing.
    void addLease(const protocol::LeaseView& lease, std::int64_t grantedAtMs);
    // Free numbers of `serviceId` for `businessDay`.
    int available(const std::string& serviceId, const std::string& businessDay);
    // Takes the next free number and records its report in the outbox, durably, before
    // returning it; nullopt when none is left (nothing changes). Throws OutboxFull (nothing
    // changes) when the outbox cannot take the report.
    std::optional<LeasedTicket> issue(const std::string& serviceId, const std::string& businessDay,
                                      const LeasedIssueOptions& options, std::int64_t issuedAtMs,
                                      const std::string& requestId);
    // Forgets leases of days before `businessDay` (their unissued numbers are void).
    int dropExpired(const std::string& businessDay);
    // The business day of the lease granted last; empty when none is stored.
    std::string newestBusinessDay();
    // Every number handed out so far and still remembered, oldest first.
    std::vector<LeasedTicket> issued();

private:
    store::Database& db_;
    Outbox& outbox_;
};

} // namespace hall::client
