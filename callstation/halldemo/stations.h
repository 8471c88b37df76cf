#pragma once
// hall-callstation through the simulated day, beside the demo's protocol-level terminals: at
// every full hour of the hall clock a citizen takes a ticket at the app's ticket machine by
// touching a service tile (an ID card on the reader first when the service asks for one) and
// another, who booked the hour, checks in by scanning the booking's QR; and,
// with a screens folder, each role's screen is saved with what the LED strips over the windows
// show and the printer twin's tickets beside them.

#include "callstation/halldemo/demo_hall.h"
#include "callstation/halldemo/demo_programs.h"

#include <filesystem>
#include <optional>

namespace hall::demo {

struct Stations {
    const ControllerProcess& controller; // the booking system's REST calls
    ControlledProgram& machine;
    ControlledProgram& board;
    ControlledProgram& devsim;
    const std::vector<std::string>& people; // the ID-card fixture's keys
    std::optional<std::filesystem::path> screens;
};

// Runs until the day is over (or the demo stops); a hall hour already past when the previous
// one's work is done is skipped, so at high speeds fewer hours are shown.
void runStations(DemoHall& hall, const Stations& stations);

} // namespace hall::demo
