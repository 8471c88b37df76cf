// callstationd — the hall controller. With no arguments it starts on its default data directory
// with a demo hall; see docs/api.md and docs/protocol.md.

#include "callstation/controller/daemon.h"
#include "callstation/controller/log.h"

#include <CLI/CLI.hpp>
#include <cstdio>

int main(int argc, char** argv) {
    using namespace hall::controller;
    DaemonOptions options;
    CLI::App app{"callstationd — the hall controller: terminals (wss://…/ws) and the admin REST API"};
    std::string dataDir = options.dataDir.string();
    std::string configFile;
    app.add_option("--data-dir", dataDir, "state: database, PKI, configuration")->capture_default_str();
    app.add_option("--config", configFile, "hall configuration (TOML); default DATA_DIR/hall.toml");
    app.add_option("--listen", options.listenAddress, "address to listen on")->capture_default_str();
    app.add_option("--port", options.port, "TLS port for terminals and the API (0: any free port)")
        ->capture_default_str();
    app.add_option("--host", options.hosts, "extra DNS name or IP the server certificate must name");
    std::string attachmentKey;
    app.add_option("--attachment-key", attachmentKey,
                   "the key file attachments are encrypted under (created 0600 when absent); "
                   "default DATA_DIR/attachment.key");
    std::string demoClock;
    app.add_option("--demo-clock", demoClock,
                   "demonstrations only: HH:MM[:SS]@SPEED[@UNIX_MS] starts the hall's clock today at HH:MM, "
                   "running SPEED times faster")
        ->group("Demonstration");
    CLI11_PARSE(app, argc, argv);
    if (!demoClock.empty()) {
        options.demoClock = hall::core::parseDemoClock(demoClock);
        if (!options.demoClock) {
            logError("--demo-clock: expected HH:MM[:SS]@SPEED[@UNIX_MS], e.g. 08:20@1200 (speed 1 … 100000)");
            return 2;
        }
    }
    options.dataDir = dataDir;
    if (!configFile.empty()) options.configFile = configFile;
    if (!attachmentKey.empty()) options.attachmentKeyFile = attachmentKey;
    try {
        Daemon daemon(std::move(options));
        return daemon.run();
    } catch (const std::exception& e) {
        logError(e.what());
        return 1;
    }
}
