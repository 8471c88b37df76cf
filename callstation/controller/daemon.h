#pragma once
// callstationd as an object: prepares the data directory (PKI, hall configuration, database,
// the local admin credential), serves terminals and the REST API on one TLS port, reloads the
// configuration on SIGHUP, stops cleanly on SIGTERM/SIGINT, and talks to systemd (READY,
// watchdog) when run under it.

#include "callstation/controller/data_dir.h"
#include "shared/core/time.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::controller {

struct DaemonOptions {
    std::filesystem::path dataDir = defaultDataDir();
    // The hall configuration (TOML). Absent: dataDir/hall.toml, written from the demo hall the
    // first time. SIGHUP reads the same file again.
    std::optional<std::filesystem::path> configFile;
    std::string listenAddress = "0.0.0.0";
    std::uint16_t port = kDefaultPort; // 0: any free port (written to dataDir/callstationd.port)
    std::vector<std::string> hosts;    // more names or addresses for the server certificate
    // The key attachments are encrypted under. Absent: dataDir/attachment.key. A hall may keep it
    // on another volume than the data (and its backups).
    std::optional<std::filesystem::path> attachmentKeyFile;
    std::optional<core::DemoClock> demoClock; // for demonstrations only
};

// Start-up failed for a reason a technician must fix; the message says which and how.
class StartupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Daemon {
public:
    explicit Daemon(DaemonOptions options); // throws StartupError
    ~Daemon();
    int run(); // serves until SIGTERM or SIGINT; the exit code

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

} // namespace hall::controller
