#include "callstation/controller/device_registry.h"

#include "shared/store/database.h"
#include "shared/store/migrations.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace hall::controller {

namespace {

using store::Database;
using store::Statement;

std::int64_t millis(core::Timestamp t) {
    return t.time_since_epoch().count();
}
core::Timestamp instant(std::int64_t ms) {
    return core::Timestamp(core::Millis(ms));
}

std::string hex(const unsigned char* data, std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0x0f];
    }
    return out;
}

std::string sha256(const std::string& secret) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(secret.data(), secret.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return hex(digest, length);
}

void randomBytes(unsigned char* out, std::size_t n) {
    if (RAND_bytes(out, static_cast<int>(n)) != 1)
        throw std::runtime_error("the system random generator failed");
}

// Ten decimal digits (about 33 bits): enough for a code that is used once within a day, and
// typed by a technician on a numeric keypad. Rejection sampling keeps every digit uniform.
std::string newCode() {
    std::string code;
    while (code.size() < 10) {
        unsigned char b = 0;
        randomBytes(&b, 1);
        if (b < 250) code += static_cast<char>('0' + b % 10);
    }
    return code;
}

std::string newCredential() {
    unsigned char bytes[32];
    randomBytes(bytes, sizeof bytes);
    return hex(bytes, sizeof bytes);
}

protocol::DeviceIdentity identityFrom(const Statement& row, int first) {
    protocol::DeviceIdentity id;
    id.device = row.columnText(first);
    const auto role = protocol::roleFromName(row.columnText(first + 1));
    if (!role) throw std::runtime_error("device " + id.device + " has an unknown role");
    id.role = *role;
    if (!row.columnIsNull(first + 2)) id.window = static_cast<int>(row.columnInt(first + 2));
    id.zone = row.columnText(first + 3);
    return id;
}

void checkIdentity(const protocol::DeviceIdentity& id) {
    if (id.device.empty()) throw std::invalid_argument("a device needs a name");
    if (id.role == protocol::Role::WindowPad && (!id.window || *id.window < 1))
        throw std::invalid_argument("window pad " + id.device + " needs the window it serves");
    if (id.role == protocol::Role::CallBoard && id.zone.empty())
        throw std::invalid_argument("call board " + id.device + " needs the zone it shows");
}

} // namespace

struct DeviceRegistry::Impl {
    Database db;
};

DeviceRegistry::DeviceRegistry(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
DeviceRegistry::~DeviceRegistry() = default;
DeviceRegistry::DeviceRegistry(DeviceRegistry&&) noexcept = default;
DeviceRegistry& DeviceRegistry::operator=(DeviceRegistry&&) noexcept = default;

DeviceRegistry DeviceRegistry::open(const std::filesystem::path& databaseFile) {
    auto db = Database::open(databaseFile);
    store::migrate(db);
    return DeviceRegistry(std::make_unique<Impl>(Impl{std::move(db)}));
}

std::string DeviceRegistry::createEnrollmentCode(const protocol::DeviceIdentity& identity,
                                                 core::Timestamp now, core::Millis validFor) {
    checkIdentity(identity);
    const auto code = newCode();
    Statement insert = d_->db.prepare(
        "INSERT INTO enrollment_codes(code_hash, device, role, window, zone, expires_ms)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, sha256(code))
        .bind(2, identity.device)
        .bind(3, protocol::roleName(identity.role))
        .bind(4, identity.window ? std::optional<std::int64_t>(*identity.window) : std::nullopt)
        .bind(5, identity.zone)
        .bind(6, millis(now + validFor))
        .run();
    return code;
}

std::optional<Enrolled> DeviceRegistry::enroll(const std::string& code, core::Timestamp now) {
    store::Transaction transaction(d_->db);
    Statement find =
        d_->db.prepare("SELECT device, role, window, zone FROM enrollment_codes"
                       " WHERE code_hash = ?1 AND used_ms IS NULL AND expires_ms > ?2");
    find.bind(1, sha256(code)).bind(2, millis(now));
    if (!find.step()) return std::nullopt;
    Enrolled out{identityFrom(find, 0), newCredential()};
    find.reset();

    Statement use = d_->db.prepare("UPDATE enrollment_codes SET used_ms = ?2 WHERE code_hash = ?1");
    use.bind(1, sha256(code)).bind(2, millis(now)).run();
    Statement upsert = d_->db.prepare(
        "INSERT INTO devices(name, role, window, zone, credential_hash, enrolled_ms, revoked_ms)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, NULL) ON CONFLICT(name) DO UPDATE SET role = "
        "excluded.role,"
        " window = excluded.window, zone = excluded.zone, credential_hash = "
        "excluded.credential_hash,"
        " enrolled_ms = excluded.enrolled_ms, revoked_ms = NULL");
    const auto& id = out.identity;
    upsert.bind(1, id.device)
        .bind(2, protocol::roleName(id.role))
        .bind(3, id.window ? std::optional<std::int64_t>(*id.window) : std::nullopt)
        .bind(4, id.zone)
        .bind(5, sha256(out.credential))
        .bind(6, millis(now))
        .run();
    transaction.commit();
    return out;
}

std::optional<protocol::DeviceIdentity>
DeviceRegistry::authenticate(const std::string& credential) const {
    Statement find = d_->db.prepare("SELECT name, role, window, zone FROM devices"
                                    " WHERE credential_hash = ?1 AND revoked_ms IS NULL");
    find.bind(1, sha256(credential));
    if (!find.step()) return std::nullopt;
    return identityFrom(find, 0);
}

bool DeviceRegistry::revoke(const std::string& deviceName, core::Timestamp now) {
    Statement update =
        d_->db.prepare("UPDATE devices SET revoked_ms = ?2 WHERE name = ?1 AND revoked_ms IS NULL");
    update.bind(1, deviceName).bind(2, millis(now)).run();
    return d_->db.changes() > 0;
}

std::vector<DeviceRecord> DeviceRegistry::devices() const {
    Statement all = d_->db.prepare(
        "SELECT name, role, window, zone, enrolled_ms, revoked_ms FROM devices ORDER BY name");
    std::vector<DeviceRecord> out;
    while (all.step()) {
        DeviceRecord r{identityFrom(all, 0), instant(all.columnInt(4)), std::nullopt};
        if (!all.columnIsNull(5)) r.revokedAt = instant(all.columnInt(5));
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace hall::controller
