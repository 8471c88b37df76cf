#pragma once
// The control-socket commands of each twin: words in, a call on the twin out. Usage lines are
// what `help` shows.

#include "drivers/devsim/control_server.h"
#include "drivers/devsim/people.h"

#include <memory>
#include <string>
#include <vector>

namespace hall::drivers::idcard {
class SamReaderTwin;
}
namespace hall::drivers::twin {
class ScannerTwin;
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

private:
    std::unique_ptr<hall::drivers::idcard::SamReaderTwin> idcard_;
    std::unique_ptr<hall::drivers::twin::ScannerTwin> scanner_;
    std::unique_ptr<VpcdVirtualCard> smartcard_;
};

} // namespace hall::devsim
