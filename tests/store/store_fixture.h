#pragma once
// Helpers for the store tests: a small hall of our own (so that these tests depend on nobody's
// demo configuration), local timestamps in a +8 hall, throwaway directories and store opening.

#include "shared/store/durable_engine.h"
#include "tests/support/temp_dir.h"

#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace hall::store::testing {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
using core::BusinessDay;
using core::Timestamp;

// Monday 2026-11-23, the first business day of the tests.
inline constexpr BusinessDay kDay0 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23};
inline constexpr std::chrono::minutes kOffset = 8h;

// Local wall-clock time h:m on the n-th day after kDay0, as a UTC instant.
inline Timestamp at(int h, int m, int day = 0) {
    return Timestamp(kDay0 + std::chrono::days(day)) + std::chrono::hours(h) +
           std::chrono::minutes(m) - kOffset;
}

inline std::shared_ptr<const core::TimeZone> zone() {
    return std::make_shared<core::FixedOffsetZone>(kOffset);
}

// Zone main; services a (A) and b (B) all day without quota; windows 1 [a, b] and 2 [b];
// staff s1, s2. Supplementary ratings for 7 days (the default).
inline core::HallConfig storeHall() {
    core::HallConfig c;
    c.name = "store test hall";
    c.zones = {{"main", "主厅", "Main hall"}};
    for (const auto& [id, prefix] : {std::pair{"a", "A"}, std::pair{"b", "B"}}) {
        core::Service s;
        s.id = id;
        s.prefix = prefix;
        s.nameZh = std::string(id) + "业务";
        s.nameEn = std::string(id) + " service";
        c.services.push_back(s);
    }
    core::Window w1;
    w1.number = 1;
    w1.name = "1号窗口";
    w1.zoneId = "main";
    w1.services = {{"a", 1}, {"b", 1}};
    core::Window w2 = w1;
    w2.number = 2;
    w2.name = "2号窗口";
    w2.services = {{"b", 1}};
    c.windows = {w1, w2};
    for (const char* id : {"s1", "s2"}) {
        core::Staff s;
        s.id = id;
        s.name = std::string("clerk ") + id;
        s.staffNumber = std::string("N-") + id;
        c.staff.push_back(s);
    }
    return c;
}

using hall::testing::TempDir;

inline StoreOptions optionsAt(const fs::path& file, int retentionDays = 90) {
    StoreOptions o;
    o.path = file;
    o.detailRetentionDays = retentionDays;
    return o;
}

inline DurableEngine openStore(const StoreOptions& options, Timestamp now,
                               core::HallConfig config = storeHall()) {
    return DurableEngine::open(options, std::move(config), zone(), now);
}

inline core::IssueTicket issueFor(std::string serviceId) {
    core::IssueTicket c;
    c.serviceId = std::move(serviceId);
    c.sourceDevice = "kiosk-1";
    return c;
}

// Executes a command that must be accepted and returns its decision.
inline core::Decision accept(DurableEngine& store, const core::Command& command, Timestamp now) {
    auto result = store.execute(command, now);
    INFO(core::commandName(command), " refused: ", result.ok() ? "" : result.error().message);
    REQUIRE(result.ok());
    return result.value();
}

// Signs s1 in at window 1, issues `tickets` tickets of service a, calls and finishes the first.
inline void runSmallDay(DurableEngine& store, int day, int tickets) {
    accept(store, core::SignIn{1, "s1"}, at(9, 0, day));
    for (int i = 0; i < tickets; ++i)
        accept(store, issueFor("a"), at(9, 1 + i, day));
    accept(store, core::CallNext{1, false}, at(10, 0, day));
    accept(store, core::Finish{1}, at(10, 5, day));
}

} // namespace hall::store::testing
