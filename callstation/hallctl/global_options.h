#pragma once
// The options every hallctl command shares: where callstationd is and how to prove we are its
// admin. Defaults come from the controller's data directory as callstationd lays it out
// (controller/data_dir.h), so on the queue host no option is needed.

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hall::hallctl {

struct GlobalOptions {
    std::filesystem::path dataDir;            // default: controller::defaultDataDir()
    std::string host = "localhost";
    std::optional<int> port;                  // default: DATA_DIR/callstationd.port, else 7443
    std::filesystem::path caFile;             // default: DATA_DIR/pki/ca.crt
    std::filesystem::path credentialFile;     // default: $HALLCTL_CREDENTIAL, else DATA_DIR/admin.credential
    bool json = false;                        // print the server's JSON answer, for scripts
    double timeoutSeconds = 10;
};

void addGlobalOptions(CLI::App& app, GlobalOptions& options);

// The settings a connection is made with, the defaults filled in. Reading the CA and the
// credential is left to the Session, which does it only when a command needs them.
struct Endpoint {
    std::string host;
    std::uint16_t port = 0;
    std::filesystem::path caFile;
    std::filesystem::path dataDir;
    std::filesystem::path credentialFile; // empty: not given on the command line
    std::chrono::milliseconds timeout{};
    std::string display() const; // "localhost:7443", for messages
};

Endpoint resolveEndpoint(const GlobalOptions& options);

} // namespace hall::hallctl
