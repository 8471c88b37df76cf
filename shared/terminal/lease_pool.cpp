#include "shared/terminal/lease_pool.h"

#include <stdexcept>

namespace hall::client {

LeasePool::LeasePool(store::Database& db, Outbox& outbox) : db_(db), outbox_(outbox) {
    db_.exec(R"sql(
        CREATE TABLE IF NOT EXISTS leases (
            lease_id     INTEGER PRIMARY KEY,
            service      TEXT NOT NULL,
            business_day TEXT NOT NULL,
            granted_at   INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS leased_numbers (
            lease_id   INTEGER NOT NULL REFERENCES leases(lease_id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            number     TEXT NOT NULL,
            issued_at  INTEGER,          -- NULL while free
            request_id TEXT,             -- the outbox request that reports it
            PRIMARY KEY (lease_id, position)
        );
    )sql");
}

void LeasePool::addLease(const protocol::LeaseView& lease, std::int64_t grantedAtMs) {
    if (lease.id == 0 || lease.serviceId.empty() || lease.businessDay.empty())
        throw std::invalid_argument("lease: id, service and business day are required");
    store::Transaction transaction(db_);
    auto insert = db_.prepare("INSERT OR IGNORE INTO leases (lease_id, service, business_day, "
                              "granted_at) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, static_cast<std::int64_t>(lease.id))
        .bind(2, lease.serviceId)
        .bind(3, lease.businessDay)
        .bind(4, grantedAtMs);
    insert.run();
    if (db_.changes() == 0) return; // known already: its numbers may be partly used
    auto number =
        db_.prepare("INSERT INTO leased_numbers (lease_id, position, number) VALUES (?1, ?2, ?3)");
    std::int64_t position = 0;
    for (const auto& text : lease.numbers) {
        number.bind(1, static_cast<std::int64_t>(lease.id)).bind(2, position++).bind(3, text);
        number.run();
    }
    transaction.commit();
}

int LeasePool::available(const std::string& serviceId, const std::string& businessDay) {
    auto query =
        db_.prepare("SELECT count(*) FROM leased_numbers n JOIN leases l USING (lease_id) "
                    "WHERE l.service = ?1 AND l.business_day = ?2 AND n.issued_at IS NULL");
    query.bind(1, serviceId).bind(2, businessDay);
    query.step();
    return static_cast<int>(query.columnInt(0));
}

std::optional<LeasedTicket> LeasePool::issue(const std::string& serviceId,
                                             const std::string& businessDay,
                                             const LeasedIssueOptions& options,
                                             std::int64_t issuedAtMs,
                                             const std::string& requestId) {
    store::Transaction transaction(db_);
    // The oldest lease first, its numbers in the order given: the numbers a hall sees issued
    // rise as they would online.
    auto next = db_.prepare("SELECT n.lease_id, n.position, n.number FROM leased_numbers n "
                            "JOIN leases l USING (lease_id) WHERE l.service = ?1 AND "
                            "l.business_day = ?2 AND n.issued_at IS NULL "
                            "ORDER BY l.granted_at, n.lease_id, n.position LIMIT 1");
    next.bind(1, serviceId).bind(2, businessDay);
    if (!next.step()) return std::nullopt;
    LeasedTicket ticket;
    ticket.lease = static_cast<core::LeaseId>(next.columnInt(0));
    const std::int64_t position = next.columnInt(1);
    ticket.number = next.columnText(2);
    ticket.serviceId = serviceId;
    ticket.requestId = requestId;
    ticket.issuedAtMs = issuedAtMs;

    auto mark = db_.prepare("UPDATE leased_numbers SET issued_at = ?3, request_id = ?4 "
                            "WHERE lease_id = ?1 AND position = ?2 AND issued_at IS NULL");
    mark.bind(1, static_cast<std::int64_t>(ticket.lease))
        .bind(2, position)
        .bind(3, issuedAtMs)
        .bind(4, requestId);
    mark.run();

    core::IssueLeasedTicket command;
    command.lease = ticket.lease;
    command.number = ticket.number;
    command.issuedAt = core::Timestamp(core::Millis(issuedAtMs));
    command.priority = options.priority;
    command.greenCategory = options.greenCategory;
    command.appointment = options.appointment;
    command.personKey = options.personKey;
    outbox_.enqueue(protocol::Request{requestId, command}, issuedAtMs); // joins the transaction
    transaction.commit();
    return ticket;
}

int LeasePool::dropExpired(const std::string& businessDay) {
    store::Transaction transaction(db_);
    auto numbers = db_.prepare("DELETE FROM leased_numbers WHERE lease_id IN "
                               "(SELECT lease_id FROM leases WHERE business_day < ?1)");
    numbers.bind(1, businessDay);
    numbers.run();
    auto leases = db_.prepare("DELETE FROM leases WHERE business_day < ?1");
    leases.bind(1, businessDay);
    leases.run();
    const auto dropped = static_cast<int>(db_.changes());
    transaction.commit();
    return dropped;
}

std::string LeasePool::newestBusinessDay() {
    return db_
        .queryText("SELECT business_day FROM leases ORDER BY granted_at DESC, lease_id DESC "
                   "LIMIT 1")
        .value_or(std::string());
}

std::vector<LeasedTicket> LeasePool::issued() {
    std::vector<LeasedTicket> out;
    auto query = db_.prepare("SELECT n.lease_id, l.service, n.number, n.request_id, n.issued_at "
                             "FROM leased_numbers n JOIN leases l USING (lease_id) "
                             "WHERE n.issued_at IS NOT NULL ORDER BY n.issued_at, n.rowid");
    while (query.step())
        out.push_back(LeasedTicket{static_cast<core::LeaseId>(query.columnInt(0)),
                                   query.columnText(1), query.columnText(2), query.columnText(3),
                                   query.columnInt(4)});
    return out;
}

} // namespace hall::client
