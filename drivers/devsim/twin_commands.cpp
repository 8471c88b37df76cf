#include "drivers/devsim/twin_commands.h"

#include "drivers/idcard/twin/sam_reader_twin.h"
#include "drivers/scanner/twin/scanner_twin.h"
#include "drivers/smartcard/twin/vpcd_card.h"

#include <stdexcept>

namespace hall::devsim {
namespace {

using Args = std::vector<std::string>;

const std::string& arg(const Args& args, std::size_t i, const char* what) {
    if (i >= args.size()) throw std::invalid_argument(std::string("missing ") + what);
    return args[i];
}

long number(const Args& args, std::size_t i, const char* what, int base = 10) {
    const std::string& s = arg(args, i, what);
    std::size_t used = 0;
    long v = 0;
    try {
        v = std::stol(s, &used, base);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != s.size() || v < 0)
        throw std::invalid_argument(std::string("bad ") + what + " '" + s + "'");
    return v;
}

bool onOff(const Args& args, std::size_t i) {
    const std::string& s = arg(args, i, "on|off");
    if (s == "on") return true;
    if (s == "off") return false;
    throw std::invalid_argument("expected on or off, not '" + s + "'");
}

[[noreturn]] void unknown(const Args& args) {
    throw std::invalid_argument("unknown command '" + (args.empty() ? std::string() : args[0]) +
                                "'");
}

} // namespace

Twins::Twins() = default;
Twins::~Twins() = default;

void Twins::addIdCardReader(ControlServer& server, const std::string& ptyLink,
                            std::shared_ptr<const PeopleFixture> people) {
    idcard_ = std::make_unique<hall::drivers::idcard::SamReaderTwin>(ptyLink);
    idcard_->start();
    auto* twin = idcard_.get();
    server.addTwin("idcard",
                   "insert KEY | remove | fail SW3HEX [COUNT] | sam-fault SW3HEX|off | mute on|off "
                   "| garbage N | "
                   "slow MS_PER_1000_BYTES | unplug | plug",
                   [twin, people](const Args& args) -> std::string {
                       const std::string& cmd = arg(args, 0, "command");
                       if (cmd == "insert")
                           twin->insert(people->idCard(arg(args, 1, "person key")));
                       else if (cmd == "remove")
                           twin->remove();
                       else if (cmd == "fail")
                           twin->failReads(
                               static_cast<std::uint8_t>(number(args, 1, "SW3", 16) & 0xFF),
                               args.size() > 2 ? static_cast<int>(number(args, 2, "count")) : 1);
                       else if (cmd == "sam-fault")
                           twin->samFault(arg(args, 1, "SW3") == "off"
                                              ? std::nullopt
                                              : std::optional(static_cast<std::uint8_t>(
                                                    number(args, 1, "SW3", 16) & 0xFF)));
                       else if (cmd == "mute")
                           twin->mute(onOff(args, 1));
                       else if (cmd == "garbage")
                           twin->garbage(static_cast<std::size_t>(number(args, 1, "byte count")));
                       else if (cmd == "slow")
                           twin->slow(std::chrono::milliseconds(number(args, 1, "milliseconds")));
                       else if (cmd == "unplug")
                           twin->unplug();
                       else if (cmd == "plug")
                           twin->plug();
                       else
                           unknown(args);
                       return {};
                   });
}

void Twins::addScanner(ControlServer& server, const std::string& ptyLink) {
    scanner_ = std::make_unique<hall::drivers::twin::ScannerTwin>(ptyLink);
    auto* twin = scanner_.get();
    server.addTwin("scanner", "scan PAYLOAD | garbage N | slow MS_PER_BYTE | unplug | plug",
                   [twin](const Args& args) -> std::string {
                       const std::string& cmd = arg(args, 0, "command");
                       if (cmd == "scan") {
                           // The payload is the rest of the line: codes may contain spaces.
                           std::string payload = arg(args, 1, "payload");
                           for (std::size_t i = 2; i < args.size(); ++i)
                               payload += " " + args[i];
                           twin->scan(payload);
                       } else if (cmd == "garbage") {
                           twin->garbage(static_cast<std::size_t>(number(args, 1, "byte count")));
                       } else if (cmd == "slow") {
                           twin->setSlow(
                               std::chrono::milliseconds(number(args, 1, "milliseconds")));
                       } else if (cmd == "unplug") {
                           twin->unplug();
                       } else if (cmd == "plug") {
                           twin->plug();
                       } else {
                           unknown(args);
                       }
                       return {};
                   });
}

void Twins::addSmartCard(ControlServer& server, const std::string& host, std::uint16_t port,
                         std::shared_ptr<const PeopleFixture> people) {
    VpcdCardOptions options;
    options.host = host;
    options.port = port;
    smartcard_ = std::make_unique<VpcdVirtualCard>(options);
    auto* card = smartcard_.get();
    server.addTwin(
        "smartcard", "insert KEY | remove | mute on|off | mute-after N | garbage on|off | delay MS",
        [card, people](const Args& args) -> std::string {
            const std::string& cmd = arg(args, 0, "command");
            if (cmd == "insert")
                card->insert(people->socialSecurityCard(arg(args, 1, "person key")));
            else if (cmd == "remove")
                card->remove();
            else if (cmd == "mute")
                card->setMuted(onOff(args, 1));
            else if (cmd == "mute-after")
                card->muteAfter(static_cast<std::uint64_t>(number(args, 1, "APDU count")));
            else if (cmd == "garbage")
                card->setGarbage(onOff(args, 1));
            else if (cmd == "delay")
                card->setReplyDelay(std::chrono::milliseconds(number(args, 1, "milliseconds")));
            else
                unknown(args);
            return {};
        });
}

} // namespace hall::devsim
