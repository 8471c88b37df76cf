#include "callstation/hallctl/global_options.h"

#include "callstation/controller/data_dir.h"

#include <cmath>
#include <fstream>

namespace hall::hallctl {

namespace fs = std::filesystem;
namespace files = controller::files;

void addGlobalOptions(CLI::App& app, GlobalOptions& options) {
    app.add_option("--data-dir", options.dataDir,
                   "callstationd's data directory, where the defaults below come from "
                   "(default: $STATE_DIRECTORY, else $XDG_STATE_HOME/callstationd, else "
                   "~/.local/state/callstationd)");
    app.add_option("--host", options.host, "host callstationd runs on")->capture_default_str();
    app.add_option("--port", options.port,
                   "its TLS port (default: DATA_DIR/callstationd.port while it runs, else 7443)")
        ->check(CLI::Range(1, 65535));
    app.add_option("--ca", options.caFile, "the hall CA certificate (default: DATA_DIR/pki/ca.crt)");
    app.add_option("--credential-file", options.credentialFile,
                   "file holding an admin credential (default: $HALLCTL_CREDENTIAL, else "
                   "DATA_DIR/admin.credential)");
    app.add_flag("--json", options.json, "print the server's JSON answer, for scripts");
    app.add_option("--timeout", options.timeoutSeconds, "seconds to wait for each answer")
        ->capture_default_str()
        ->check(CLI::Range(0.1, 3600.0));
}

namespace {

// The port callstationd wrote at start-up; absent or unreadable when it is not running here.
std::optional<std::uint16_t> portFileValue(const fs::path& file) {
    std::ifstream in(file);
    long value = 0;
    if (!(in >> value) || value < 1 || value > 65535) return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

} // namespace

std::string Endpoint::display() const {
    // An IPv6 literal needs brackets to be read with a port after it.
    const bool ipv6 = host.find(':') != std::string::npos;
    return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Endpoint resolveEndpoint(const GlobalOptions& options) {
    Endpoint e;
    e.host = options.host;
    e.dataDir = options.dataDir.empty() ? controller::defaultDataDir() : options.dataDir;
    if (options.port) e.port = static_cast<std::uint16_t>(*options.port);
    else e.port = portFileValue(e.dataDir / files::kPortFile).value_or(controller::kDefaultPort);
    e.caFile = options.caFile.empty() ? e.dataDir / files::kCaCertificate : options.caFile;
    e.credentialFile = options.credentialFile;
    e.timeout = std::chrono::milliseconds(std::llround(options.timeoutSeconds * 1000));
    return e;
}

} // namespace hall::hallctl
