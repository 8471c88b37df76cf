#pragma once
// The control-socket commands of each twin: words in, a call on the twin out. Usage lines are
// what `help` shows.

#include "drivers/devsim/control_server.h"
#include "drivers/devsim/people.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hall::drivers::idcard {
class SamReaderTwin;
}
namespace hall::drivers::twin {
class ScannerTwin;
}
namespace hall::drivers::bus {
class BusTwin;
}
namespace hall::drivers::printer {
class ThermalPrinterTwin;
}

namespace hall::devsim {

class VpcdVirtualCard;

// Owns the running twins; they stop (and their ports vanish) when it goes.
class Twins {
public:
    Twins();
    ~Twins();
    void addIdCardReader(ControlServer& server, const std::string& ptyLink,
                         std::shared_ptr<const PeopleFixture> people);
    void addScanner(ControlServer& server, const std::string& ptyLink);
    void addSmartCard(ControlServer& server, const std::string& host, std::uint16_t port,
                      std::shared_ptr<const PeopleFixture> people);
    // LED strips at addresses 1..strips on one hall bus pty; baud 0: not paced.
    void addLedBus(ControlServer& server, const std::string& ptyLink, int strips, unsigned baud);
    // Caller keypads at 1..callers and evaluators at 33..32+evaluators on one hall bus pty.
    void addKeypadBus(ControlServer& server, const std::string& ptyLink, int callers,
                      int evaluators, unsigned baud);
    // A thermal ticket printer on a pty and/or a TCP port (tcpPort 0: no TCP line), one paper
    // roll for both; each cut ticket is also written to outputDir as text when it is set.
    void addPrinter(ControlServer& server, const std::string& ptyLink,
                    std::optional<std::uint16_t> tcpPort, const std::string& outputDir);

private:
    std::unique_ptr<hall::drivers::idcard::SamReaderTwin> idcard_;
    std::unique_ptr<hall::drivers::twin::ScannerTwin> scanner_;
    std::unique_ptr<VpcdVirtualCard> smartcard_;
    std::unique_ptr<hall::drivers::bus::BusTwin> led_;
    std::unique_ptr<hall::drivers::bus::BusTwin> keypad_;
    std::unique_ptr<hall::drivers::printer::ThermalPrinterTwin> printer_;
};

} // namespace hall::devsim
