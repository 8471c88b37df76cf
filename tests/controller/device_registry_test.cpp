// Enrollment with one-time codes, authentication by credential, revocation that bites at once,
// and no secret stored in clear.

#include "callstation/controller/device_registry.h"

#include <doctest/doctest.h>
#include "tests/support/temp_dir.h"
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace hall;
using namespace hall::controller;
namespace fs = std::filesystem;
using hall::testing::TempDir;
using namespace std::chrono;

namespace {

const core::Timestamp kNow{sys_days{year{2026} / 11 / 23}.time_since_epoch() + hours(1)};

protocol::DeviceIdentity pad(int window) {
    return {"pad-" + std::to_string(window), protocol::Role::WindowPad, window, ""};
}

std::string fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("a code enrolls its device once, and the credential authenticates it") {
    TempDir dir;
    auto registry = DeviceRegistry::open(dir.file("hall.db"));
    const auto code = registry.createEnrollmentCode(pad(3), kNow);
    CHECK(code.size() == 10);
    CHECK(code.find_first_not_of("0123456789") == std::string::npos);

    const auto enrolled = registry.enroll(code, kNow + minutes(5));
    REQUIRE(enrolled);
    CHECK(enrolled->credential.size() == 64);
    CHECK(enrolled->identity.device == "pad-3");
    const auto who = registry.authenticate(enrolled->credential);
    REQUIRE(who);
    CHECK(who->role == protocol::Role::WindowPad);
    CHECK(who->window == 3);

    CHECK_FALSE(registry.enroll(code, kNow + minutes(6))); // used
    CHECK_FALSE(registry.authenticate("not-a-credential"));
}

TEST_CASE("wrong and expired codes enroll nothing") {
    TempDir dir;
    auto registry = DeviceRegistry::open(dir.file("hall.db"));
    const auto code = registry.createEnrollmentCode(pad(1), kNow, hours(1));
    CHECK_FALSE(registry.enroll("0000000000", kNow));
    CHECK_FALSE(registry.enroll(code, kNow + hours(1)));
    CHECK(registry.devices().empty());
}

TEST_CASE("revocation refuses the next authentication; enrolling again issues a new credential") {
    TempDir dir;
    auto registry = DeviceRegistry::open(dir.file("hall.db"));
    const auto first = registry.enroll(registry.createEnrollmentCode(pad(5), kNow), kNow);
    REQUIRE(first);
    CHECK(registry.revoke("pad-5", kNow + hours(2)));
    CHECK_FALSE(registry.authenticate(first->credential));
    CHECK_FALSE(registry.revoke("pad-5", kNow + hours(3))); // already revoked
    CHECK_FALSE(registry.revoke("pad-99", kNow));
    REQUIRE(registry.devices().size() == 1);
    CHECK(registry.devices().front().revokedAt == kNow + hours(2));

    // Replacement hardware: a new code, a new credential; the old one stays dead.
    const auto second = registry.enroll(registry.createEnrollmentCode(pad(5), kNow), kNow);
    REQUIRE(second);
    CHECK(second->credential != first->credential);
    CHECK(registry.authenticate(second->credential));
    CHECK_FALSE(registry.authenticate(first->credential));
    CHECK_FALSE(registry.devices().front().revokedAt);
}

TEST_CASE("identities must be complete") {
    TempDir dir;
    auto registry = DeviceRegistry::open(dir.file("hall.db"));
    CHECK_THROWS_AS(registry.createEnrollmentCode({"", protocol::Role::Kiosk, {}, ""}, kNow),
                    std::invalid_argument);
    CHECK_THROWS_AS(registry.createEnrollmentCode({"pad", protocol::Role::WindowPad, {}, ""}, kNow),
                    std::invalid_argument);
    CHECK_THROWS_AS(
        registry.createEnrollmentCode({"board", protocol::Role::CallBoard, {}, ""}, kNow),
        std::invalid_argument);
    CHECK_NOTHROW(
        registry.createEnrollmentCode({"board", protocol::Role::CallBoard, {}, "A"}, kNow));
}

TEST_CASE("enrollments survive a restart, and no code or credential is in the file in clear") {
    TempDir dir;
    std::string code, credential;
    {
        auto registry = DeviceRegistry::open(dir.file("hall.db"));
        const auto kioskCode =
            registry.createEnrollmentCode({"kiosk-1", protocol::Role::Kiosk, {}, ""}, kNow);
        code = registry.createEnrollmentCode({"board-A", protocol::Role::CallBoard, {}, "A"}, kNow);
        const auto enrolled = registry.enroll(kioskCode, kNow);
        REQUIRE(enrolled);
        credential = enrolled->credential;
    }
    auto registry = DeviceRegistry::open(dir.file("hall.db"));
    const auto who = registry.authenticate(credential);
    REQUIRE(who);
    CHECK(who->device == "kiosk-1");
    const auto board = registry.enroll(code, kNow + minutes(1));
    REQUIRE(board);
    CHECK(board->identity.zone == "A");
    CHECK_FALSE(board->identity.window);

    const auto bytes = fileBytes(dir.file("hall.db")) + fileBytes(dir.file("hall.db").string() + "-wal");
    CHECK(bytes.find(credential) == std::string::npos);
    CHECK(bytes.find(code) == std::string::npos);
}
