// hall-cups-sandbox: the private cupsd of the tests (cups_sandbox.h), for the demo and a
// technician's bench. Starts cupsd with the three stand-in queues, prints how to reach them and
// runs until Ctrl-C / SIGTERM, then stops cupsd (and removes its directory unless --root named
// one).

#include "drivers/docprint/twin/cups_sandbox.h"

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"A private cupsd with a pass-through queue, a network printer and a printer "
                 "twin that can run out of paper"};
    std::string root;
    bool noTcp = false;
    app.add_option("--root", root, "Directory for cupsd's files (kept); default: a temporary one");
    app.add_flag("--no-tcp", noTcp, "Listen on the unix socket only");
    CLI11_PARSE(app, argc, argv);

    // Blocked before any thread starts, so every thread inherits the mask and sigwait gets them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    using hall::drivers::docprint::twin::CupsSandbox;
    try {
        hall::drivers::docprint::twin::CupsSandboxOptions options;
        options.root = root;
        options.listenTcp = !noTcp;
        CupsSandbox sandbox(options);
        const auto r = sandbox.root();
        std::cout << "export CUPS_SERVER=" << sandbox.socketPath().string() << "\n";
        if (sandbox.tcpPort() != 0)
            std::cout << "# also on 127.0.0.1:" << sandbox.tcpPort() << "\n";
        std::cout << "# " << CupsSandbox::kFileQueue << ": each job replaces "
                  << sandbox.fileQueueOutput().string() << "\n"
                  << "# " << CupsSandbox::kNetworkQueue
                  << ": printer on 127.0.0.1:" << sandbox.networkPrinter().port() << ", jobs in "
                  << (r / "network").string() << "\n"
                  << "# " << CupsSandbox::kTwinQueue << ": jobs in " << (r / "twin").string()
                  << "; paper out: touch " << (r / "twin" / "paper-out").string()
                  << ", refill: rm it, then cupsenable " << CupsSandbox::kTwinQueue << "\n"
                  << "# cupsd started in " << sandbox.lastStartupTime().count()
                  << " ms; Ctrl-C stops it" << std::endl;
        int sig = 0;
        sigwait(&signals, &sig);
    } catch (const std::exception& e) {
        std::cerr << "hall-cups-sandbox: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
