#pragma once
// One simulated hall day driven through the real durable engine: citizens take tickets, clerks
// sign in, call, recall, serve, transfer, mark no-shows, undo mistaken calls and go to lunch;
// citizens come late or not at all, give up, try for a second ticket, and rate the service.
//
// Time is simulated: every command carries the simulated instant, and the caller decides how
// fast the day runs (the `pace` callback is invoked before each step).

#include "shared/core/result.h"
#include "shared/core/time.h"
#include "callstation/hallsim/sim_profile.h"
#include "shared/store/durable_engine.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace hall::sim {

struct SimCallbacks {
    // Before each step, with its simulated time; returning false ends the day early (Ctrl-C).
    std::function<bool(core::Timestamp)> pace;
    // One line per notable event, in Chinese, without the clock (the caller formats it).
    std::function<void(core::Timestamp, const std::string&)> log;
};

struct SimSummary {
    core::BusinessDay day{};
    core::Timestamp firstEvent{};
    core::Timestamp lastEvent{}; // of the last command sent to the engine
    int arrivals = 0;            // attempts at a ticket machine, including refused ones
    int issued = 0;
    std::map<core::ErrorCode, int> refusedIssues; // service closed, quota, duplicate person
    int calls = 0;
    int recalls = 0;
    int noShows = 0;      // marked, requeued or final
    int finalNoShows = 0; // of those, final: no requeue left
    int transfers = 0;
    int undoneCalls = 0;
    int cancelled = 0; // citizens who gave up
    int served = 0;
    int ratings = 0;
    int badRatings = 0;
    int lunchPauses = 0;
    int shiftChanges = 0;
    int commands = 0;           // sent to the engine
    int unexpectedRefusals = 0; // refusals the simulation did not plan for (should stay 0)
    bool stoppedEarly = false;
};

class HallSimulation {
public:
    HallSimulation(store::DurableEngine& engine, SimProfile profile, core::BusinessDay day,
                   std::uint64_t seed, SimCallbacks callbacks);
    ~HallSimulation();
    HallSimulation(const HallSimulation&) = delete;
    HallSimulation& operator=(const HallSimulation&) = delete;

    // Runs the day to its end: until every window has served its queue and signed out after
    // closing (or at the latest three hours after the hall closes). StoreError propagates.
    SimSummary run();

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

} // namespace hall::sim
