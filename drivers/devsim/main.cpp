// devsim: the virtual twins of the devices, on the transports real hardware
// uses, steered over a control socket. See docs/devsim.md.
//
//   devsim --control devsim.sock --idcard-pty ttyIDCARD --scanner-pty ttySCANNER
//          --smartcard-vpcd 35963 --led-pty ttyLED --led-strips 64 --keypad-pty ttyKEYPAD
//
// Only the twins asked for run. Runs until SIGINT or SIGTERM.

#include "drivers/devsim/control_server.h"
#include "drivers/devsim/people.h"
#include "drivers/devsim/twin_commands.h"

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>

namespace {

volatile std::sig_atomic_t stopSignal = 0;
void onSignal(int sig) {
    stopSignal = sig;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"devsim: virtual ID-card reader, social-security card, QR scanner, LED strips "
                 "and keypads"};
    std::string control = "devsim.sock";
    std::string peopleFile = HALL_DEVSIM_PEOPLE;
    std::string idcardPty, scannerPty;
    std::optional<std::uint16_t> vpcdPort;
    std::string vpcdHost = "127.0.0.1";
    app.add_option("--control", control, "control socket path")->capture_default_str();
    app.add_option("--people", peopleFile, "fixture of fictitious people (JSON)")
        ->capture_default_str();
    app.add_option("--idcard-pty", idcardPty, "run an ID-card reader on a pty linked here");
    app.add_option("--scanner-pty", scannerPty, "run a serial QR scanner on a pty linked here");
    app.add_option("--smartcard-vpcd", vpcdPort,
                   "put a social-security card into vpcd on this port (35963)");
    app.add_option("--vpcd-host", vpcdHost, "vpcd's address")->capture_default_str();
    std::string ledPty, keypadPty;
    int ledStrips = 8, keypads = 4, evaluators = 4;
    unsigned busBaud = 0;
    app.add_option("--led-pty", ledPty, "run a hall bus of LED strips on a pty linked here");
    app.add_option("--led-strips", ledStrips, "LED strips on it, at addresses 1..N")
        ->capture_default_str()
        ->check(CLI::Range(1, 64));
    app.add_option("--keypad-pty", keypadPty, "run a hall bus of keypads on a pty linked here");
    app.add_option("--keypads", keypads, "caller keypads on it, at addresses 1..N")
        ->capture_default_str()
        ->check(CLI::Range(0, 32));
    app.add_option("--evaluators", evaluators, "evaluators on it, at addresses 33..32+N")
        ->capture_default_str()
        ->check(CLI::Range(0, 32));
    app.add_option("--bus-baud", busBaud,
                   "pace the hall bus twins to this baud rate (0: as fast as the pty goes)")
        ->capture_default_str();
    std::string printerPty, printerOut;
    std::optional<std::uint16_t> printerTcp;
    app.add_option("--printer-pty", printerPty,
                   "run a thermal ticket printer on a pty linked here");
    app.add_option("--printer-tcp", printerTcp,
                   "also (or only) on this TCP port, raw printing as on port 9100 (0: any free)");
    app.add_option("--printer-out", printerOut, "write each printed ticket here as text");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (idcardPty.empty() && scannerPty.empty() && !vpcdPort && ledPty.empty() &&
        keypadPty.empty() && printerPty.empty() && !printerTcp) {
        std::cerr << "devsim: nothing to simulate: give --idcard-pty, --scanner-pty, "
                     "--smartcard-vpcd, --led-pty, --keypad-pty, --printer-pty or --printer-tcp\n";
        return 2;
    }

    try {
        auto people = std::make_shared<hall::devsim::PeopleFixture>(
            hall::devsim::PeopleFixture::load(peopleFile));
        hall::devsim::ControlServer server(control);
        hall::devsim::Twins twins;
        if (!idcardPty.empty()) twins.addIdCardReader(server, idcardPty, people);
        if (!scannerPty.empty()) twins.addScanner(server, scannerPty);
        if (vpcdPort) twins.addSmartCard(server, vpcdHost, *vpcdPort, people);
        if (!ledPty.empty()) twins.addLedBus(server, ledPty, ledStrips, busBaud);
        if (!keypadPty.empty()) twins.addKeypadBus(server, keypadPty, keypads, evaluators, busBaud);
        if (!printerPty.empty() || printerTcp)
            twins.addPrinter(server, printerPty, printerTcp, printerOut);
        server.addTwin("people", "(lists the fixture's keys)",
                       [people](const std::vector<std::string>&) {
                           std::string out;
                           for (const auto& k : people->keys())
                               out += (out.empty() ? "" : " ") + k;
                           return out;
                       });

        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        server.start();
        std::cout << "devsim: ready, control socket " << control << std::endl;
        while (stopSignal == 0)
            pause();
        server.stop();
    } catch (const std::exception& e) {
        std::cerr << "devsim: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
