#pragma once
// A clerk at one window, working the window pad (呼叫器 and 评价器 in one terminal): signs in,
// calls the next number, recalls a citizen who does not come and marks the no-show, serves,
// sometimes transfers, finishes, hands the evaluation pad to the citizen, pauses for lunch on some
// windows, and signs out when the day's queue is empty. Everything goes through the window pad's
// connection; the pad waits for queue pushes instead of polling when there is nothing to call.

#include "callstation/halldemo/demo_hall.h"
#include "callstation/halldemo/demo_terminal.h"

#include <cstdint>
#include <random>
#include <string>

namespace hall::demo {

struct ClerkShift {
    const core::Window* window = nullptr;
    const core::Staff* staff = nullptr;
    bool lunchBreak = false; // pauses around noon (the others eat in turns, not modelled)
};

class WindowClerk {
public:
    WindowClerk(DemoHall& hall, DemoTerminal pad, ClerkShift shift, std::uint64_t seed);
    void run();

private:
    enum class Outcome { Served, Transferred, NoShow };

    bool signIn();
    void lunch();
    // nullopt: nothing to call now.
    std::optional<protocol::TicketView> callNext();
    Outcome attend(const protocol::TicketView& ticket);
    void serve(const protocol::TicketView& ticket);
    void rate(const protocol::TicketView& ticket);
    // Until a queue push shows waiting tickets this window serves, or `patience` of hall time.
    void waitForWork(core::Millis patience);
    void signOut();

    // The engine request through the pad; a refusal the demo did not plan for is counted and
    // logged, and nullptr returned.
    const protocol::CommandResult* act(protocol::RequestBody body, const char* what);
    bool idle(core::Millis hall); // sleeps with heartbeats; false when stopped
    std::string windowText() const;

    DemoHall& hall_;
    DemoTerminal pad_;
    ClerkShift shift_;
    std::mt19937_64 rng_;
    protocol::Response last_;
};

} // namespace hall::demo
