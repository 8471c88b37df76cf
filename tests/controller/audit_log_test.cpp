// The audit log: entries newest first, and technician entries recorded once per request id so a
// terminal replaying its outbox writes no second row — also after the file is reopened.

#include "callstation/controller/audit_log.h"

#include <doctest/doctest.h>
#include "tests/support/temp_dir.h"

using namespace hall;
using namespace hall::controller;
using hall::testing::TempDir;
using namespace std::chrono;

namespace {

const core::Timestamp kNow{sys_days{year{2026} / 11 / 23}.time_since_epoch() + hours(1)};

} // namespace

TEST_CASE("a technician entry is recorded once per request id") {
    TempDir dir("audit-once");
    const auto file = dir.file("hall.db");
    const auto earlier = kNow - minutes(5);
    {
        auto log = AuditLog::open(file);
        CHECK(log.recordOnce("machine-1/a-1", kNow, earlier, "machine-1", "technician_pin_rejected",
                             ""));
        CHECK_FALSE(log.recordOnce("machine-1/a-1", kNow + seconds(3), earlier, "machine-1",
                                   "technician_pin_rejected", ""));
        // The same client id from another device is another request.
        CHECK(log.recordOnce("kiosk-2/a-1", kNow, kNow, "kiosk-2", "technician_menu_opened", ""));
        log.record(kNow, "hallctl-local", "enroll", "kiosk-3 as kiosk");
    }
    auto log = AuditLog::open(file);
    CHECK_FALSE(log.recordOnce("machine-1/a-1", kNow + hours(1), earlier, "machine-1",
                               "technician_pin_rejected", ""));
    const auto entries = log.recent(10);
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].action == "enroll");
    CHECK(entries[1].actor == "kiosk-2");
    CHECK(entries[2].actor == "machine-1");
    CHECK(entries[2].action == "technician_pin_rejected");
    CHECK(entries[2].at == earlier); // the device's time of the event, not of its arrival
}
