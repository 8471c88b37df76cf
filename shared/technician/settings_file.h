#pragma once
// The terminal settings file (TOML) in the terminal's data directory, read at start-up by the
// app and changed from the technician menu. Every change is validated first and written
// atomically, so a refused value leaves the file exactly as it was.
//
//   [controller]
//   address = "callstation.hall.local:8443"
//
//   [devices.ticket_printer]          # one table per device kind (terminal_settings.h keys)
//   driver = "printer.escpos-tcp"     # hardware-table id (drivers/base/hardware_table.cpp)
//   transport = "tcp"                 # one of the driver's transports
//   address = "192.168.1.50:9100"
//   # baud = 115200                   # serial transports only
//
// Unknown keys are errors, so a misspelt key never passes silently as "not set".

#include "shared/technician/terminal_settings.h"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace hall::technician {

inline constexpr const char* kSettingsFileName = "terminal-settings.toml";

class SettingsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An absent file is empty settings; anything unreadable or invalid throws SettingsError naming
// the file, the line where known and the key.
TerminalSettings readSettingsFile(const std::filesystem::path& path);
TerminalSettings parseSettings(std::string_view text, const std::string& sourceName);
std::string renderSettings(const TerminalSettings& settings);

// Validates, then replaces the file atomically (mode 0644: it holds no secrets).
void writeSettingsFile(const std::filesystem::path& path, const TerminalSettings& settings);

// The menu's view of the file: each setter validates, writes, and returns the audit detail
// ("ticket_printer: A → B"); a refused value throws SettingsError and the file is unchanged.
class SettingsStore {
public:
    explicit SettingsStore(std::filesystem::path path);

    TerminalSettings current() const { return readSettingsFile(path_); }
    std::string setDevice(const DeviceSetting& device);
    std::string removeDevice(drivers::DeviceKind kind);
    std::string setControllerAddress(const std::string& address);

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace hall::technician
