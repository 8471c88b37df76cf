#include "shared/terminal/outbox.h"

#include "shared/protocol/codec.h"

namespace hall::client {

namespace {

protocol::RequestType typeFromColumn(const std::string& name) {
    auto type = protocol::requestTypeFromName(name);
    if (!type) throw store::StoreError("outbox: unknown request type in the database: " + name);
    return *type;
}

OutboxEntry entryFrom(const store::Statement& row) {
    OutboxEntry entry;
    entry.position = row.columnInt(0);
    entry.requestId = row.columnText(1);
    entry.type = typeFromColumn(row.columnText(2));
    entry.frame = row.columnText(3);
    entry.createdAtMs = row.columnInt(4);
    entry.attempts = static_cast<int>(row.columnInt(5));
    entry.lastError = row.columnText(6);
    return entry;
}

constexpr const char* kEntryColumns =
    "SELECT position, request_id, type, frame, created_at, attempts, last_error FROM outbox ";

} // namespace

Outbox::Outbox(store::Database& db, std::size_t capacity) : db_(db), capacity_(capacity) {
    if (capacity_ == 0) throw std::invalid_argument("outbox: capacity must be at least 1");
    // AUTOINCREMENT: positions are never reused, so replay order is insertion order even after
    // the table was emptied. No personal data is kept in the refusals: the frame is dropped.
    db_.exec(R"sql(
        CREATE TABLE IF NOT EXISTS outbox (
            position   INTEGER PRIMARY KEY AUTOINCREMENT,
            request_id TEXT NOT NULL UNIQUE,
            type       TEXT NOT NULL,
            frame      TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts   INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE IF NOT EXISTS outbox_refusals (
            request_id TEXT PRIMARY KEY,
            type       TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            refused_at INTEGER NOT NULL,
            code       TEXT NOT NULL,
            message    TEXT NOT NULL
        );
    )sql");
}

bool Outbox::isDefinitive(const std::string& code) {
    return code != "internal" && code != "rate_limited" && code != "unauthenticated" &&
           code != "timeout" && code != "connection_lost" && code != "offline";
}

void Outbox::enqueue(const protocol::Request& request, std::int64_t createdAtMs) {
    using protocol::RequestType;
    const RequestType type = request.type();
    if (type == RequestType::Hello || type == RequestType::Enroll ||
        type == RequestType::GetSnapshot)
        throw std::invalid_argument("outbox: " + std::string(protocol::requestTypeName(type)) +
                                    " is a connection request, never replayed");
    if (!protocol::isValidRequestId(request.id))
        throw std::invalid_argument("outbox: invalid request id");
    std::string frame = protocol::encodeRequest(request);
    if (frame.size() > protocol::kMaxFrameBytes)
        throw std::invalid_argument("outbox: request frame is over 64 KiB");

    std::optional<store::Transaction> own;
    if (!db_.inTransaction()) own.emplace(db_);
    if (static_cast<std::size_t>(db_.queryInt("SELECT count(*) FROM outbox")) >= capacity_)
        throw OutboxFull("outbox full: " + std::to_string(capacity_) +
                         " requests wait for the controller");
    auto exists = db_.prepare("SELECT 1 FROM outbox WHERE request_id = ?1 UNION ALL "
                              "SELECT 1 FROM outbox_refusals WHERE request_id = ?1");
    exists.bind(1, request.id);
    if (exists.step()) throw std::invalid_argument("outbox: request id already used");
    auto insert = db_.prepare(
        "INSERT INTO outbox (request_id, type, frame, created_at) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, request.id)
        .bind(2, protocol::requestTypeName(type))
        .bind(3, frame)
        .bind(4, createdAtMs);
    insert.run();
    if (own) own->commit();
}

std::optional<OutboxEntry> Outbox::front() {
    auto query = db_.prepare(std::string(kEntryColumns) + "ORDER BY position LIMIT 1");
    if (!query.step()) return std::nullopt;
    return entryFrom(query);
}

std::vector<OutboxEntry> Outbox::entries() {
    std::vector<OutboxEntry> out;
    auto query = db_.prepare(std::string(kEntryColumns) + "ORDER BY position");
    while (query.step())
        out.push_back(entryFrom(query));
    return out;
}

std::size_t Outbox::size() {
    return static_cast<std::size_t>(db_.queryInt("SELECT count(*) FROM outbox"));
}

bool Outbox::contains(const std::string& requestId) {
    auto query = db_.prepare("SELECT 1 FROM outbox WHERE request_id = ?1");
    query.bind(1, requestId);
    return query.step();
}

bool Outbox::complete(const std::string& requestId) {
    auto remove = db_.prepare("DELETE FROM outbox WHERE request_id = ?1");
    remove.bind(1, requestId);
    remove.run();
    return db_.changes() > 0;
}

bool Outbox::refuse(const std::string& requestId, const std::string& code,
                    const std::string& message, std::int64_t refusedAtMs) {
    store::Transaction transaction(db_);
    auto move = db_.prepare("INSERT INTO outbox_refusals "
                            "(request_id, type, created_at, refused_at, code, message) "
                            "SELECT request_id, type, created_at, ?2, ?3, ?4 FROM outbox "
                            "WHERE request_id = ?1");
    move.bind(1, requestId).bind(2, refusedAtMs).bind(3, code).bind(4, message);
    move.run();
    if (db_.changes() == 0) return false;
    auto remove = db_.prepare("DELETE FROM outbox WHERE request_id = ?1");
    remove.bind(1, requestId);
    remove.run();
    transaction.commit();
    return true;
}

void Outbox::noteAttempt(const std::string& requestId, const std::string& error) {
    auto update = db_.prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE request_id = ?1");
    update.bind(1, requestId).bind(2, error);
    update.run();
}

std::vector<OutboxRefusal> Outbox::refusals() {
    std::vector<OutboxRefusal> out;
    auto query = db_.prepare("SELECT request_id, type, created_at, refused_at, code, message "
                             "FROM outbox_refusals ORDER BY refused_at, rowid");
    while (query.step()) {
        OutboxRefusal refusal;
        refusal.requestId = query.columnText(0);
        refusal.type = typeFromColumn(query.columnText(1));
        refusal.createdAtMs = query.columnInt(2);
        refusal.refusedAtMs = query.columnInt(3);
        refusal.code = query.columnText(4);
        refusal.message = query.columnText(5);
        out.push_back(std::move(refusal));
    }
    return out;
}

void Outbox::clearRefusals() {
    db_.exec("DELETE FROM outbox_refusals");
}

} // namespace hall::client
