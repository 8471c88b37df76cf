#pragma once
// How the hall's staff prove who they are at a terminal: the staff member's PIN, or their own ID
// card. The staff themselves (id, name, staff number, photo) are the hall configuration's
// ([[staff]]); this file holds only their credentials, in DATA_DIR/staff-credentials.json,
// written durably on every change, by the configuration's staff id:
//
//   pin_hash    argon2id of the PIN (shared/technician/pin_hash.h); the PIN itself is never kept
//   person_key  the keyed hash of the member's own ID card; the ID number is not kept
//   lockout     wrong PINs in a row and the lockout they started: the technician menu's rule
//               (shared/technician/lockout_policy.h: 5 wrong, then 1 min doubling to 1 h)
//
// A PIN check counts first and verifies after (beginPinCheck, then finishPinCheck), as the
// technician menu's gate does: a guess whose verify never finished (the controller stopped in
// the ~150 ms argon2id takes) still counts.

#include "callstation/controller/refused_change.h"
#include "shared/core/time.h"
#include "shared/technician/lockout_policy.h"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hall::controller {

struct StaffLogin {
    std::string staffId;
    std::string pinHash;   // empty: no PIN set
    std::string personKey; // empty: no card
    technician::LockoutState lockout;
};

// Why a credential was refused: the protocol's code (unknown_staff, wrong_pin, staff_locked)
// and the words for it.
struct StaffRefusal {
    std::string code;
    std::string message;
};

class StaffCredentials {
public:
    // An absent file holds no credentials. Throws std::runtime_error for a file it cannot read.
    static StaffCredentials open(std::filesystem::path file);

    // Set what is given (a PIN checked against the PIN rules and stored hashed; a card's person
    // key); a new PIN ends a lockout. Throw RefusedChange (bad_staff, duplicate, not_found) or
    // std::runtime_error (not written: nothing changed).
    void set(const std::string& staffId, std::optional<std::string_view> pin,
             std::optional<std::string> personKey);
    void forget(const std::string& staffId);

    std::vector<StaffLogin> list() const; // by staff id
    std::optional<std::string> staffWithCard(const std::string& personKey) const;

    // Step one of a PIN check: the login to verify against, with the attempt already counted and
    // written; or why no PIN of theirs is checked now.
    std::variant<StaffLogin, StaffRefusal> beginPinCheck(const std::string& staffId,
                                                         core::Timestamp now);
    // Step two: a right PIN clears the count; a wrong one is answered with what is left.
    std::optional<StaffRefusal> finishPinCheck(const std::string& staffId, bool right,
                                               core::Timestamp now);

private:
    void save() const;
    void change(const std::function<void()>& edit); // applies and saves, or undoes and throws

    std::filesystem::path file_;
    std::map<std::string, StaffLogin> logins_; // by staff id
};

} // namespace hall::controller
