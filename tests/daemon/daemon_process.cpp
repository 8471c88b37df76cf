#include "tests/daemon/daemon_process.h"

#include <fstream>
#include <stdexcept>

namespace hall::testing {

namespace fs = std::filesystem;

ControllerLaunch DaemonProcess::launch(const fs::path& dataDir, const std::string& extraConfig,
                                       const std::string& demoClock) {
    fs::create_directories(dataDir);
    const fs::path config = dataDir / "test-hall.toml";
    if (!fs::exists(config)) {
        fs::copy_file(TEST_HALL_CONFIG, config);
        std::ofstream(config, std::ios::app) << "\n" << extraConfig;
    }
    return ControllerLaunch{dataDir, config, demoClock};
}

DaemonProcess::DaemonProcess(fs::path dataDir, const std::string& extraConfig,
                             const std::string& demoClock)
    : process_(launch(dataDir, extraConfig, demoClock)) {}

netclient::TerminalConnection DaemonProcess::connect() const {
    return netclient::TerminalConnection::connect("localhost", port(), caPem());
}

netclient::TerminalConnection DaemonProcess::terminal(const std::string& name,
                                                      const std::string& role,
                                                      std::optional<int> window,
                                                      const std::string& zone) const {
    auto connection = connect();
    auto enrolled = connection.enroll(enrollmentCode(name, role, window, zone));
    connection.hello(enrolled.credential);
    return connection;
}

nlohmann::json DaemonProcess::status() const {
    auto reply = admin().get("/api/v1/status");
    if (reply.status != 200) throw std::runtime_error("status: " + reply.body);
    return nlohmann::json::parse(reply.body);
}

} // namespace hall::testing
