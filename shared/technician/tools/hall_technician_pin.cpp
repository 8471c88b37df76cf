// hall-technician-pin: sets, verifies and shows the technician PIN file of a terminal.
//
//   hall-technician-pin set    --data-dir /var/lib/hall-kiosk   < pin   (or typed twice at a tty)
//   hall-technician-pin verify --data-dir /var/lib/hall-kiosk   < pin   (exit 0 right, 1 wrong)
//   hall-technician-pin status --data-dir /var/lib/hall-kiosk
//
// The PIN is read from standard input only, never from the command line, where any user could
// read it in /proc/<pid>/cmdline or in the shell history. There is no factory PIN: a terminal
// without this file never opens its technician menu. `set` also clears a lockout, which is how
// an administrator with shell access recovers a locked terminal. `verify` goes through the same
// lockout as the menu, so it is no way around it.

#include "shared/technician/pin_file.h"
#include "shared/technician/pin_gate.h"
#include "shared/technician/pin_rules.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace {

using namespace hall::technician;

// One line from stdin; with a terminal, the echo is off while the PIN is typed.
std::string readPinLine(const char* prompt) {
    const bool tty = ::isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (tty) {
        std::cerr << prompt << std::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << "\n";
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::filesystem::path pinFilePath(const std::string& file, const std::string& dataDir) {
    return file.empty() ? std::filesystem::path(dataDir) / kPinFileName
                        : std::filesystem::path(file);
}

int setCommand(const std::filesystem::path& path) {
    const auto pin = readPinLine("New technician PIN (6-12 digits): ");
    if (auto why = pinRuleViolation(pin)) {
        std::cerr << "hall-technician-pin: " << *why << "; nothing changed\n";
        return 2;
    }
    if (::isatty(STDIN_FILENO) && readPinLine("Repeat the PIN: ") != pin) {
        std::cerr << "hall-technician-pin: the two PINs differ; nothing changed\n";
        return 2;
    }
    setPin(path, pin);
    std::cout << "technician PIN set in " << path.string() << "\n";
    return 0;
}

int verifyCommand(const std::filesystem::path& path) {
    PinGate gate(path, systemClock());
    const auto result = gate.attempt(readPinLine("Technician PIN: "));
    switch (result.outcome) {
    case AttemptOutcome::Opened:
        std::cout << "PIN correct\n";
        return 0;
    case AttemptOutcome::Rejected:
    case AttemptOutcome::LockedOut:
        std::cout << "PIN wrong; " << result.status.remainingAttempts
                  << " attempt(s) left before a lockout\n";
        return 1;
    case AttemptOutcome::RefusedLocked:
        std::cout << "locked after too many wrong PINs; not checked\n";
        return 1;
    case AttemptOutcome::NotConfigured:
    case AttemptOutcome::Unavailable:
        std::cerr << "hall-technician-pin: " << result.status.error << "\n";
        return 2;
    }
    return 2;
}

int statusCommand(const std::filesystem::path& path) {
    const auto status = PinGate(path, systemClock()).status();
    switch (status.state) {
    case GateState::Ready:
        std::cout << "PIN set; " << status.remainingAttempts << " attempt(s) left\n";
        return 0;
    case GateState::Locked: {
        const auto left = std::chrono::ceil<std::chrono::seconds>(*status.lockedUntil -
                                                                  std::chrono::system_clock::now());
        std::cout << "locked for another " << left.count() << " s\n";
        return 0;
    }
    case GateState::NotConfigured:
    case GateState::Unavailable:
        std::cerr << "hall-technician-pin: " << status.error << "\n";
        return 2;
    }
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Sets and checks the technician PIN of a hall terminal. The PIN is read from "
                 "standard input, never from the command line."};
    app.require_subcommand(1);
    app.fallthrough(); // --data-dir may follow the subcommand: "set --data-dir DIR"
    std::string file, dataDir;
    auto* fileOption = app.add_option("--file", file, "the PIN file");
    auto* dirOption =
        app.add_option("--data-dir", dataDir,
                       std::string("the terminal's data directory (file ") + kPinFileName + ")");
    fileOption->excludes(dirOption);
    auto* set = app.add_subcommand("set", "set a new PIN (and clear any lockout)");
    auto* verify = app.add_subcommand("verify", "check a PIN; counts towards the lockout");
    auto* status = app.add_subcommand("status", "show whether a PIN is set and any lockout");
    CLI11_PARSE(app, argc, argv);
    if (file.empty() && dataDir.empty()) {
        std::cerr << "hall-technician-pin: give --data-dir or --file\n";
        return 2;
    }
    const auto path = pinFilePath(file, dataDir);
    try {
        if (set->parsed()) return setCommand(path);
        if (verify->parsed()) return verifyCommand(path);
        if (status->parsed()) return statusCommand(path);
    } catch (const std::exception& e) {
        std::cerr << "hall-technician-pin: " << e.what() << "\n";
        return 2;
    }
    return 2;
}
