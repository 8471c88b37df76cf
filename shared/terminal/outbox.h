#pragma once
// The terminal's outbox: requests that must not be lost — ratings, finished-service
// records, device events, technician audit entries, tickets issued offline — are written here,
// with the request id they will be sent under, BEFORE they are sent. The client replays them in
// order, one at a time, after every (re)connection, with their original ids: the controller
// keeps the answer of every id it has seen (docs/protocol.md), so a replay of a request it had
// already executed returns the first answer and changes nothing — exactly once, end to end.
//
// An entry leaves the outbox only when the controller answered it: `complete` (ok) or `refuse`
// (a definitive refusal, kept in outbox_refusals so the app can show it). A request that got
// `internal`, `rate_limited` or no answer stays, and is retried with the same id.
//
// The table lives in the terminal's SQLite file (WAL, synchronous=FULL via store::Database), so
// a returned enqueue() survives the app being killed. Bounded: enqueue() beyond `capacity`
// throws OutboxFull and writes nothing. Qt-free.

#include "shared/protocol/messages.h"
#include "shared/store/database.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::client {

class OutboxFull : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OutboxEntry {
    std::int64_t position = 0; // insertion order: replay order
    std::string requestId;
    protocol::RequestType type = protocol::RequestType::Heartbeat;
    std::string frame;            // the encoded request, sent as is
    std::int64_t createdAtMs = 0; // ms since the Unix epoch
    int attempts = 0;             // sends that got no definitive answer
    std::string lastError;        // the code of the last of those ("timeout", "internal", …)
};

struct OutboxRefusal {
    std::string requestId;
    protocol::RequestType type = protocol::RequestType::Heartbeat;
    std::int64_t createdAtMs = 0;
    std::int64_t refusedAtMs = 0;
    std::string code; // the server's error code
    std::string message;
};

class Outbox {
public:
    static constexpr std::size_t kDefaultCapacity = 5000;

    // Creates its tables in `db` if needed. `db` must outlive the outbox.
    explicit Outbox(store::Database& db, std::size_t capacity = kDefaultCapacity);

    // Persists `request` (encoded with the protocol codec) and returns once it is durable. Joins
    // the caller's transaction when one is open (a ticket issued offline is recorded in the same
    // transaction that consumes its leased number). Throws OutboxFull when full,
    // std::invalid_argument for a request that is not meant for the outbox (hello, enroll,
    // get_snapshot), an invalid or duplicate id, or a frame over the protocol's 64 KiB.
    void enqueue(const protocol::Request& request, std::int64_t createdAtMs);

    std::optional<OutboxEntry> front();
    std::vector<OutboxEntry> entries();
    std::size_t size();
    std::size_t capacity() const { return capacity_; }
    bool contains(const std::string& requestId);

    // The controller answered ok: the entry is gone. False when no such entry.
    bool complete(const std::string& requestId);
    // The controller refused it for good: the entry moves to the refusals.
    bool refuse(const std::string& requestId, const std::string& code, const std::string& message,
                std::int64_t refusedAtMs);
    // A send that got no definitive answer: counted, the entry stays first in line.
    void noteAttempt(const std::string& requestId, const std::string& error);

    std::vector<OutboxRefusal> refusals();
    void clearRefusals();

    // Whether a refusal of `code` is for good. `internal` and `rate_limited` say "retry with the
    // same id" (docs/protocol.md); `unauthenticated` means the link is not logged in (yet, or
    // after a restart) and the request was not considered; the client's own codes (timeout,
    // connection_lost, offline) are no answer at all.
    static bool isDefinitive(const std::string& code);

private:
    store::Database& db_;
    std::size_t capacity_;
};

} // namespace hall::client
