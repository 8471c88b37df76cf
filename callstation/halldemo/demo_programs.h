#pragma once
// The demo's programs beside callstationd, each worked through its control socket: devsim with
// the ticket printer, the LED bus of the window strips and the ID-card reader; hall-callstation
// as a ticket machine and as a call board — real boxes, enrolled with a one-time code, their
// devices set in their terminal settings as a technician would; hall-windowpad as the first
// window's pad, both faces.

#include "callstation/controller_process/child_process.h"
#include "callstation/controller_process/controller_process.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hall::demo {

class ControlledProgram {
public:
    // Starts it and waits until its control socket answers. Throws std::runtime_error, with the
    // log's last lines, when it exits or does not answer within 60 s.
    ControlledProgram(std::string name, std::vector<std::string> argv, std::filesystem::path socket,
                      std::filesystem::path log, std::vector<std::string> environment = {});
    // The answer after "ok"; throws ControlError (control_line.h).
    std::string ask(const std::string& command) const;
    int stop() { return process_.stop(); }
    const std::string& name() const { return name_; }
    const std::filesystem::path& log() const { return log_; }

private:
    std::string name_;
    std::filesystem::path socket_;
    std::filesystem::path log_;
    ChildProcess process_;
};

// devsim in `dir`: the ticket printer on a TCP port (its cut tickets written to `tickets`), one
// LED bus line with `ledStrips` strips, the ID-card reader and the QR scanner.
struct DemoDevices {
    std::unique_ptr<ControlledProgram> devsim;
    std::uint16_t printerPort = 0;
    std::filesystem::path ledLine; // the pty devices, as the drivers open them
    std::filesystem::path idCardLine;
    std::filesystem::path scannerLine;
    std::vector<std::string> people; // the fixture's keys, for cards put on the reader

    static DemoDevices start(const std::filesystem::path& dir, const std::filesystem::path& tickets,
                             int ledStrips);
};

// How the demo starts one of the suite's apps: hall-callstation as a ticket machine or a call
// board, hall-windowpad as a window's pad.
struct StationLaunch {
    std::string role;     // "ticket_machine", "call_board"; "window_pad" is hall-windowpad
    std::string zone;     // a board's zone
    bool headless = true; // offscreen, on a screen of `width`×`height`; else it opens its window
    int width = 1080;
    int height = 1920;
    std::string demoClock;              // --demo-clock HH:MM:SS@SPEED, the hall clock's reading now
    std::string timeZone;               // the hall's (TZ), so the box shows local hall time
    std::optional<int> window{};        // a window pad's window
    std::vector<std::string> options{}; // the app's own options (the pad's --face)
};

// The app in `dir`, enrolled with a one-time code for its role, with the demo's printer, ID-card
// reader and QR scanner in its terminal settings (a ticket machine only).
std::unique_ptr<ControlledProgram> startStation(const ControllerProcess& controller,
                                                const DemoDevices& devices,
                                                const std::filesystem::path& dir,
                                                const StationLaunch& launch);

} // namespace hall::demo
