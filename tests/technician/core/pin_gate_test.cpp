#include "tests/technician/core/fake_clock.h"
#include "shared/technician/pin_file.h"
#include "shared/technician/pin_gate.h"
#include "tests/support/temp_dir.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>

using namespace hall::technician;
using namespace std::chrono_literals;

namespace {

const char* const kPin = "472913";
const char* const kWrong = "111222";

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

void failTimes(PinGate& gate, int n) {
    for (int i = 0; i < n; ++i)
        gate.attempt(kWrong);
}

} // namespace

TEST_CASE("no PIN file: nothing opens the menu") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    PinGate gate(dir.file(kPinFileName), clock.clock());
    CHECK(gate.status().state == GateState::NotConfigured);
    // No factory PIN: the usual defaults do not open it either.
    for (const char* guess : {"000000", "123456", "888888", ""}) {
        const auto r = gate.attempt(guess);
        CHECK(r.outcome == AttemptOutcome::NotConfigured);
        CHECK(r.status.error.find("hall-technician-pin set") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(dir.file(kPinFileName)));
}

TEST_CASE("the right PIN opens, a wrong one is counted") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    const auto file = dir.file(kPinFileName);
    setPin(file, kPin);
    PinGate gate(file, clock.clock());
    CHECK(gate.status().state == GateState::Ready);
    CHECK(gate.status().remainingAttempts == 5);

    auto r = gate.attempt(kWrong);
    CHECK(r.outcome == AttemptOutcome::Rejected);
    CHECK(r.status.remainingAttempts == 4);
    r = gate.attempt("12ab");
    CHECK(r.outcome == AttemptOutcome::Rejected);
    CHECK(r.status.remainingAttempts == 3);

    r = gate.attempt(kPin);
    CHECK(r.outcome == AttemptOutcome::Opened);
    CHECK(r.status.remainingAttempts == 5);
    CHECK(readPinFile(file)->lockout == LockoutState{});
}

TEST_CASE("five wrong PINs lock; the right PIN is refused until the lock ends") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    const auto file = dir.file(kPinFileName);
    setPin(file, kPin);
    PinGate gate(file, clock.clock());

    failTimes(gate, 4);
    auto r = gate.attempt(kWrong);
    CHECK(r.outcome == AttemptOutcome::LockedOut);
    CHECK(r.status.state == GateState::Locked);
    CHECK(r.status.lockedUntil == clock.now() + 60s);

    r = gate.attempt(kPin);
    CHECK(r.outcome == AttemptOutcome::RefusedLocked);
    clock.advance(59s);
    CHECK(gate.attempt(kPin).outcome == AttemptOutcome::RefusedLocked);

    clock.advance(1s);
    CHECK(gate.status().state == GateState::Ready);
    CHECK(gate.attempt(kPin).outcome == AttemptOutcome::Opened);
}

TEST_CASE("each further lockout doubles, up to an hour, until the right PIN") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    const auto file = dir.file(kPinFileName);
    setPin(file, kPin);
    PinGate gate(file, clock.clock());

    const std::chrono::seconds expected[] = {60s, 120s, 240s, 480s, 960s, 1920s, 3600s, 3600s};
    for (auto length : expected) {
        CAPTURE(length.count());
        failTimes(gate, 4);
        const auto r = gate.attempt(kWrong);
        REQUIRE(r.outcome == AttemptOutcome::LockedOut);
        CHECK(*r.status.lockedUntil - clock.now() == length);
        clock.advance(length);
    }
    CHECK(gate.attempt(kPin).outcome == AttemptOutcome::Opened);
    failTimes(gate, 5);
    CHECK(*gate.status().lockedUntil - clock.now() == 60s);
}

TEST_CASE("a reopened gate (a reboot) keeps the failures and the lockout") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    const auto file = dir.file(kPinFileName);
    setPin(file, kPin);
    {
        PinGate gate(file, clock.clock());
        failTimes(gate, 3);
    }
    {
        PinGate gate(file, clock.clock());
        CHECK(gate.status().remainingAttempts == 2);
        failTimes(gate, 2);
    }
    clock.advance(30s);
    PinGate rebooted(file, clock.clock());
    const auto status = rebooted.status();
    CHECK(status.state == GateState::Locked);
    CHECK(*status.lockedUntil - clock.now() == 30s);
    CHECK(rebooted.attempt(kPin).outcome == AttemptOutcome::RefusedLocked);
}

TEST_CASE("the PIN file is private and holds no PIN") {
    hall::testing::TempDir dir;
    const auto file = dir.file(kPinFileName);
    setPin(file, kPin);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(readAll(file).find(kPin) == std::string::npos);
}

TEST_CASE("a damaged PIN file keeps the menu locked with a clear error") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    const auto file = dir.file(kPinFileName);
    setPin(file, kPin);
    const auto good = readAll(file);

    const std::pair<const char*, std::string> damages[] = {
        {"truncated", good.substr(0, good.size() / 2)},
        {"garbage", "\x01\x02 not toml ]]]"},
        {"empty", ""},
        {"hash replaced", "format = 1\npin_hash = \"plain472913\"\nfailures = 0\nlockouts = 0\n"
                          "locked_until = 0\nlock_seconds = 0\n"},
        {"negative failures", "format = 1\npin_hash = \"$argon2id$v=19$m=65536,t=2,p=1$x$y\"\n"
                              "failures = -3\nlockouts = 0\nlocked_until = 0\nlock_seconds = 0\n"},
        {"unknown key", good + "open = true\n"},
    };
    for (const auto& [name, text] : damages) {
        CAPTURE(name);
        {
            std::ofstream out(file, std::ios::trunc | std::ios::binary);
            out << text;
        }
        PinGate gate(file, clock.clock());
        CHECK(gate.status().state == GateState::Unavailable);
        const auto r = gate.attempt(kPin);
        CHECK(r.outcome == AttemptOutcome::Unavailable);
        CHECK(r.status.error.find("damaged") != std::string::npos);
        CHECK_THROWS_AS(readPinFile(file), PinFileError);
        // Nothing rewrote the damaged file into an open one.
        CHECK(readAll(file) == text);
    }
}

TEST_CASE("setting a PIN the rules refuse changes nothing") {
    hall::testing::TempDir dir;
    const auto file = dir.file(kPinFileName);
    setPin(file, kPin);
    const auto before = readAll(file);
    CHECK_THROWS_AS(setPin(file, "123456"), std::invalid_argument);
    CHECK_THROWS_AS(setPin(file, "12345"), std::invalid_argument);
    CHECK(readAll(file) == before);
}

TEST_CASE("setting the PIN again clears a lockout") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    const auto file = dir.file(kPinFileName);
    setPin(file, kPin);
    PinGate gate(file, clock.clock());
    failTimes(gate, 5);
    REQUIRE(gate.status().state == GateState::Locked);
    setPin(file, "305172");
    CHECK(gate.attempt("305172").outcome == AttemptOutcome::Opened);
}

namespace {

// Runs the tool with `input` on stdin; returns its exit status.
int runTool(const std::string& args, const std::string& input) {
    const std::string command = std::string(HALL_TECHNICIAN_PIN_TOOL) + " " + args + " >/dev/null";
    FILE* pipe = ::popen(command.c_str(), "w");
    REQUIRE(pipe);
    std::fputs(input.c_str(), pipe);
    const int status = ::pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("hall-technician-pin sets and verifies the PIN read from stdin") {
    hall::testing::TempDir dir;
    const std::string dataDir = "--data-dir " + dir.path().string();
    CHECK(runTool("status " + dataDir + " 2>/dev/null", "") == 2);
    CHECK(runTool("set " + dataDir + " 2>/dev/null", "123456\n") == 2); // a run: refused
    CHECK_FALSE(std::filesystem::exists(dir.file(kPinFileName)));
    CHECK(runTool("set " + dataDir, "472913\n") == 0);
    CHECK(runTool("verify " + dataDir, "472913\n") == 0);
    CHECK(runTool("verify " + dataDir, "472914\n") == 1);
    CHECK(PinGate(dir.file(kPinFileName), systemClock()).status().remainingAttempts == 4);
    // The PIN is not taken from the command line.
    CHECK(runTool("set 305172 " + dataDir + " 2>/dev/null", "") != 0);
}
