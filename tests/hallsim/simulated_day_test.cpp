// A whole simulated day through the real durable engine: everything the simulation did is in
// the engine's statistics, no command was refused unexpectedly, and every ticket ends resolved.

#include "shared/config/demo_hall.h"
#include "shared/core/time.h"
#include "callstation/hallsim/simulation.h"
#include "shared/tz/system_zone.h"

#include <doctest/doctest.h>
#include <filesystem>
#include "tests/support/temp_dir.h"

using namespace hall;
using namespace std::chrono;
namespace fs = std::filesystem;

TEST_CASE("a simulated day runs to the end and the engine agrees with it") {
    const hall::testing::TempDir dir("hallsim-test");
    {
        const auto hall = config::demoHall();
        const auto zone = tz::loadZone(hall.timeZone);
        const core::BusinessDay day = sys_days(2026y / June / 15);
        const auto profile = sim::SimProfile::standard();
        store::StoreOptions options;
        options.path = dir.file("hall.db");
        auto durable =
            store::DurableEngine::open(options, hall, zone, core::localToUtc(*zone, day, 8 * 60));
        int lines = 0;
        sim::SimCallbacks callbacks;
        callbacks.log = [&](core::Timestamp, const std::string&) { ++lines; };
        sim::HallSimulation simulation(durable, profile, day, 42, callbacks);
        const auto summary = simulation.run();

        CHECK_FALSE(summary.stoppedEarly);
        CHECK(summary.unexpectedRefusals == 0);
        CHECK(lines > summary.issued); // at least one line per ticket
        const auto stats = durable.dayReport(day);
        REQUIRE(stats);
        CHECK(stats->hall.issued == summary.issued);
        CHECK(stats->hall.served == summary.served);
        CHECK(stats->hall.transferred == summary.transfers);
        CHECK(stats->hall.ratedCount() == summary.ratings);
        CHECK(stats->hall.badRatings() == summary.badRatings);
        CHECK(summary.issued > 200);
        CHECK(summary.noShows > 0);
        CHECK(summary.recalls > 0);
        CHECK(summary.lunchPauses > 0);
        CHECK(summary.refusedIssues.count(core::ErrorCode::DuplicatePerson) == 1);
        // About 80 % of served citizens rate.
        CHECK(summary.ratings > summary.served * 7 / 10);
        CHECK(summary.ratings < summary.served * 9 / 10);

        // The queue is empty at the end: each ticket was served, given up or a final no-show.
        int active = 0;
        durable.engine().forEachTicket([&](const core::Ticket& t) { active += t.active(); });
        CHECK(active == 0);
        // Every window signed out.
        for (const auto& w : durable.engine().windows())
            CHECK(w.staffId.empty());
        // The day ended in the evening, not at the safety stop.
        CHECK(core::toLocal(*zone, summary.lastEvent).hour() < 19);
    }
}
