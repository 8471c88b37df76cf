#pragma once
// hall-windowpad at the hall's first window, worked through its control socket as the clerk and
// the citizens at that window would: the admin signs the clerk in and out (staff without a PIN),
// and the clerk touches the large action on the clerk face — call next, start once the citizen is
// there, finish and call next — and each citizen rates the visit on the citizen face (a bad rating
// with one of the hall's reasons). The pad's call lock and rating guard are real seconds, so at
// the demo's speed this window serves fewer citizens than the protocol-level ones. With a screens
// folder both faces are saved at every full hour.

#include "callstation/halldemo/demo_hall.h"
#include "callstation/halldemo/demo_programs.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hall::demo {

// The pad's own options: both faces, in the words runWindowPad reads off its screens.
inline const std::vector<std::string> kWindowPadOptions{"--face", "both", "--language", "zh_CN"};

struct WindowPadStation {
    const ControllerProcess& controller; // the admin's sign-in
    const ControlledProgram& pad;
    const core::Window& window;
    const core::Staff& staff;
    std::optional<std::filesystem::path> screens;
};

// The clerk's shift at the pad, like a WindowClerk's: returns once the day's citizens have gone
// and the window's queue is empty (the clerk signs out), at the hall's late stop, or when the demo
// stops. Calls, visits and ratings are counted in the hall's tally as the pad showed them.
void runWindowPad(DemoHall& hall, const WindowPadStation& station, std::uint64_t seed);

} // namespace hall::demo
