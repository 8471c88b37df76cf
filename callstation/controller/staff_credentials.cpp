#include "callstation/controller/staff_credentials.h"

#include "shared/store/durable_file.h"
#include "shared/technician/pin_hash.h"
#include "shared/technician/pin_rules.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace hall::controller {

namespace {

using nlohmann::json;
using technician::LockoutPolicy;

technician::TimePoint wall(core::Timestamp t) {
    return technician::TimePoint(t.time_since_epoch());
}

StaffRefusal lockedRefusal(const technician::LockoutState& lockout, core::Timestamp now) {
    const auto left = std::chrono::ceil<std::chrono::minutes>(*lockout.lockedUntil - wall(now));
    return {"staff_locked", "locked by wrong PINs for " +
                                std::to_string(std::max<long long>(1, left.count())) +
                                " more minute(s)"};
}

StaffRefusal noPin() {
    return {"unknown_staff", "no staff member with this number and a PIN"};
}

json lockoutJson(const technician::LockoutState& s) {
    json j{
        {"failures", s.failures}, {"lockouts", s.lockouts}, {"lock_seconds", s.lockLength.count()}};
    if (s.lockedUntil)
        j["locked_until_ms"] =
            std::chrono::duration_cast<core::Millis>(s.lockedUntil->time_since_epoch()).count();
    return j;
}

technician::LockoutState lockoutFrom(const json& j) {
    technician::LockoutState s;
    s.failures = j.at("failures").get<int>();
    s.lockouts = j.at("lockouts").get<int>();
    s.lockLength = std::chrono::seconds(j.at("lock_seconds").get<std::int64_t>());
    if (j.contains("locked_until_ms"))
        s.lockedUntil =
            technician::TimePoint(core::Millis(j.at("locked_until_ms").get<std::int64_t>()));
    return s;
}

} // namespace

StaffCredentials StaffCredentials::open(std::filesystem::path file) {
    StaffCredentials credentials;
    credentials.file_ = std::move(file);
    const auto text = store::readWholeFile(credentials.file_);
    if (!text) return credentials;
    try {
        const json stored = json::parse(*text); // kept: the loop reads into it
        for (const auto& s : stored.at("staff")) {
            StaffLogin login;
            login.staffId = s.at("staff").get<std::string>();
            login.pinHash = s.value("pin_hash", std::string());
            login.personKey = s.value("person_key", std::string());
            login.lockout = lockoutFrom(s.at("lockout"));
            credentials.logins_[login.staffId] = std::move(login);
        }
    } catch (const json::exception& e) {
        throw std::runtime_error(credentials.file_.string() +
                                 " is not a staff credentials file: " + e.what());
    }
    return credentials;
}

void StaffCredentials::change(const std::function<void()>& edit) {
    const auto before = logins_;
    edit();
    try {
        save();
    } catch (...) {
        logins_ = before;
        throw;
    }
}

void StaffCredentials::set(const std::string& staffId, std::optional<std::string_view> pin,
                           std::optional<std::string> personKey) {
    if (pin)
        if (const auto why = technician::pinRuleViolation(*pin))
            throw RefusedChange("bad_staff", *why, "pin");
    if (personKey)
        if (const auto holder = staffWithCard(*personKey); holder && *holder != staffId)
            throw RefusedChange("duplicate", "this ID card is " + *holder + "'s", "id_number");
    const auto hash = pin ? technician::hashPin(*pin) : std::string();
    change([&] {
        auto& login = logins_[staffId];
        login.staffId = staffId;
        if (pin) {
            login.pinHash = hash;
            login.lockout = {};
        }
        if (personKey) login.personKey = *personKey;
    });
}

void StaffCredentials::forget(const std::string& staffId) {
    if (!logins_.count(staffId)) throw RefusedChange("not_found", staffId + " has no credentials");
    change([&] { logins_.erase(staffId); });
}

std::vector<StaffLogin> StaffCredentials::list() const {
    std::vector<StaffLogin> out;
    for (const auto& [id, login] : logins_)
        out.push_back(login);
    return out;
}

std::optional<std::string> StaffCredentials::staffWithCard(const std::string& personKey) const {
    for (const auto& [id, login] : logins_)
        if (!personKey.empty() && login.personKey == personKey) return id;
    return std::nullopt;
}

std::variant<StaffLogin, StaffRefusal> StaffCredentials::beginPinCheck(const std::string& staffId,
                                                                       core::Timestamp now) {
    const auto it = logins_.find(staffId);
    if (it == logins_.end() || it->second.pinHash.empty()) return noPin();
    auto counted = it->second.lockout;
    LockoutPolicy::settle(counted, wall(now));
    if (LockoutPolicy::isLocked(counted, wall(now))) return lockedRefusal(counted, now);
    LockoutPolicy::recordFailure(counted, wall(now)); // wrong until the verify says otherwise
    change([&] { it->second.lockout = counted; });
    return it->second;
}

std::optional<StaffRefusal> StaffCredentials::finishPinCheck(const std::string& staffId, bool right,
                                                             core::Timestamp now) {
    const auto it = logins_.find(staffId);
    if (it == logins_.end()) return noPin(); // forgotten during the verify
    if (right) {
        change([&] { LockoutPolicy::recordSuccess(it->second.lockout); });
        return std::nullopt;
    }
    if (LockoutPolicy::isLocked(it->second.lockout, wall(now)))
        return lockedRefusal(it->second.lockout, now);
    return StaffRefusal{"wrong_pin",
                        "wrong PIN; " +
                            std::to_string(LockoutPolicy::remainingAttempts(it->second.lockout)) +
                            " tries left before the staff member is locked out"};
}

void StaffCredentials::save() const {
    json list = json::array();
    for (const auto& [id, login] : logins_) {
        json entry{{"staff", id}, {"lockout", lockoutJson(login.lockout)}};
        if (!login.pinHash.empty()) entry["pin_hash"] = login.pinHash;
        if (!login.personKey.empty()) entry["person_key"] = login.personKey;
        list.push_back(std::move(entry));
    }
    if (!store::writeFileDurably(file_, json{{"staff", list}}.dump(1)))
        throw std::runtime_error("cannot write " + file_.string());
}

} // namespace hall::controller
