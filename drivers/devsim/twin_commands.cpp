#include "drivers/devsim/twin_commands.h"

#include "drivers/bus/twin/bus_twin.h"
#include "drivers/idcard/twin/sam_reader_twin.h"
#include "drivers/keypad/twin/keypad_unit.h"
#include "drivers/led/twin/led_strip_unit.h"
#include "drivers/printer/twin/thermal_printer_twin.h"
#include "drivers/scanner/twin/scanner_twin.h"
#include "drivers/smartcard/twin/vpcd_card.h"

#include <functional>
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

// A unit's bus address, 1..64, that the twin has.
std::uint8_t unitAddress(const Args& args, std::size_t i, const hall::drivers::bus::BusTwin& twin) {
    const long a = number(args, i, "address");
    if (a < 1 || a > 64 || !twin.has(static_cast<std::uint8_t>(a)))
        throw std::invalid_argument("no unit at address " + arg(args, i, "address"));
    return static_cast<std::uint8_t>(a);
}

// The commands every hall bus twin has (faults, show); true when args was one of them.
bool busCommand(hall::drivers::bus::BusTwin& twin, const Args& args, std::string& answer) {
    const std::string& cmd = arg(args, 0, "command");
    if (cmd == "show") {
        if (args.size() > 1) {
            answer = twin.render(unitAddress(args, 1, twin));
            return true;
        }
        // Every unit on one line: the control socket answers in one line.
        for (const auto a : twin.addresses())
            answer += (answer.empty() ? "" : " | ") + twin.render(a);
        return true;
    }
    if (cmd == "mute") {
        twin.mute(unitAddress(args, 1, twin), onOff(args, 2));
    } else if (cmd == "crc") {
        const std::uint8_t a = unitAddress(args, 1, twin);
        const std::string& how = arg(args, 2, "N|on|off");
        twin.corruptReplies(a, how == "on"    ? -1
                               : how == "off" ? 0
                                              : static_cast<int>(number(args, 2, "reply count")));
    } else if (cmd == "garbage") {
        twin.garbage(static_cast<std::size_t>(number(args, 1, "byte count")));
    } else if (cmd == "unplug") {
        twin.unplug();
    } else if (cmd == "plug") {
        twin.plug();
    } else {
        return false;
    }
    return true;
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

namespace {
constexpr const char* kBusUsage =
    "show [ADDR] | mute ADDR on|off | crc ADDR N|on|off | garbage N | unplug | plug";
} // namespace

void Twins::addLedBus(ControlServer& server, const std::string& ptyLink, int strips,
                      unsigned baud) {
    using namespace hall::drivers;
    if (strips < 1 || strips > 64) throw std::invalid_argument("LED strips: 1..64");
    led_ = std::make_unique<bus::BusTwin>(ptyLink, bus::BusTwinOptions{baud, {}});
    for (int a = 1; a <= strips; ++a)
        led_->add(static_cast<std::uint8_t>(a), std::make_unique<led::LedStripUnit>());
    led_->start();
    auto* twin = led_.get();
    server.addTwin("led", std::string(kBusUsage) + " | ascii-only ADDR on|off",
                   [twin](const Args& args) -> std::string {
                       std::string answer;
                       if (busCommand(*twin, args, answer)) return answer;
                       if (arg(args, 0, "command") == "ascii-only") {
                           const auto a = unitAddress(args, 1, *twin);
                           const bool on = onOff(args, 2);
                           twin->withUnit(a, [on](bus::BusUnit& u) {
                               dynamic_cast<led::LedStripUnit&>(u).asciiOnly(on);
                           });
                           return {};
                       }
                       unknown(args);
                   });
}

void Twins::addKeypadBus(ControlServer& server, const std::string& ptyLink, int callers,
                         int evaluators, unsigned baud) {
    using namespace hall::drivers;
    if (callers < 0 || callers > 32 || evaluators < 0 || evaluators > 32 ||
        callers + evaluators == 0)
        throw std::invalid_argument("keypads: 0..32 callers and 0..32 evaluators, not none");
    keypad_ = std::make_unique<bus::BusTwin>(ptyLink, bus::BusTwinOptions{baud, {}});
    for (int a = 1; a <= callers; ++a)
        keypad_->add(static_cast<std::uint8_t>(a), std::make_unique<keypad::KeypadUnit>());
    for (int a = 33; a < 33 + evaluators; ++a)
        keypad_->add(static_cast<std::uint8_t>(a),
                     std::make_unique<keypad::KeypadUnit>(bus::UnitType::Evaluator));
    keypad_->start();
    auto* twin = keypad_.get();
    server.addTwin(
        "keypad",
        "press ADDR KEY | digits ADDR DIGITS | power-cycle ADDR | " + std::string(kBusUsage),
        [twin](const Args& args) -> std::string {
            std::string answer;
            if (busCommand(*twin, args, answer)) return answer;
            const std::string& cmd = arg(args, 0, "command");
            auto onUnit = [&](const std::function<void(keypad::KeypadUnit&)>& f) {
                twin->withUnit(unitAddress(args, 1, *twin),
                               [&](bus::BusUnit& u) { f(dynamic_cast<keypad::KeypadUnit&>(u)); });
            };
            if (cmd == "press") {
                const std::string& name = arg(args, 2, "key");
                auto key = keypad::keyFromName(name);
                if (!key) throw std::invalid_argument("unknown key '" + name + "'");
                onUnit([&](keypad::KeypadUnit& u) { u.press(*key); });
            } else if (cmd == "digits") {
                const std::string& digits = arg(args, 2, "digits");
                onUnit([&](keypad::KeypadUnit& u) { u.typed(digits); });
            } else if (cmd == "power-cycle") {
                onUnit([](keypad::KeypadUnit& u) { u.powerCycle(); });
            } else {
                unknown(args);
            }
            return {};
        });
}

void Twins::addPrinter(ControlServer& server, const std::string& ptyLink,
                       std::optional<std::uint16_t> tcpPort, const std::string& outputDir) {
    hall::drivers::printer::ThermalPrinterTwinOptions options;
    options.outputDir = outputDir;
    printer_ = std::make_unique<hall::drivers::printer::ThermalPrinterTwin>(options);
    auto* twin = printer_.get();
    if (!ptyLink.empty()) twin->addPty(ptyLink);
    std::uint16_t port = 0;
    if (tcpPort) port = twin->addTcp(*tcpPort); // loopback: a twin is no network service
    twin->start();
    server.addTwin(
        "printer",
        "paper-out | paper-after LINES | paper-low on|off | refill | cover open|close | "
        "cutter-fault on|off | mute on|off | unplug | plug | status | count | last | last-qr",
        [twin, port](const Args& args) -> std::string {
            const std::string& cmd = arg(args, 0, "command");
            if (cmd == "paper-out")
                twin->paperOut(true);
            else if (cmd == "paper-after")
                twin->paperAfter(static_cast<int>(number(args, 1, "line count")));
            else if (cmd == "paper-low")
                twin->paperLow(onOff(args, 1));
            else if (cmd == "refill")
                twin->refill();
            else if (cmd == "cover") {
                const std::string& how = arg(args, 1, "open|close");
                if (how != "open" && how != "close")
                    throw std::invalid_argument("expected open or close, not '" + how + "'");
                twin->coverOpen(how == "open");
            } else if (cmd == "cutter-fault")
                twin->cutterFault(onOff(args, 1));
            else if (cmd == "mute")
                twin->mute(onOff(args, 1));
            else if (cmd == "unplug")
                twin->unplug();
            else if (cmd == "plug")
                twin->plug();
            else if (cmd == "status")
                return hall::drivers::printer::describe(twin->status()) +
                       (port ? "; tcp port " + std::to_string(port) : std::string());
            else if (cmd == "count")
                return "printed " + std::to_string(twin->printed()) + " spoiled " +
                       std::to_string(twin->spoiled()) + " discarded " +
                       std::to_string(twin->discarded());
            else if (cmd == "last" || cmd == "last-qr") {
                const auto t = twin->lastTicket();
                if (!t) throw std::runtime_error("no ticket printed yet");
                if (cmd == "last-qr") {
                    for (const auto& e : t->elements)
                        if (const auto* q = std::get_if<hall::drivers::printer::QrCode>(&e))
                            return q->payload;
                    throw std::runtime_error("the last ticket has no QR code");
                }
                // One answer line: the ticket's non-blank lines, trimmed, joined with " | ".
                std::string out, line;
                auto flush = [&] {
                    const auto b = line.find_first_not_of(' ');
                    if (b != std::string::npos) out += (out.empty() ? "" : " | ") + line.substr(b);
                    line.clear();
                };
                for (char c : t->text)
                    c == '\n' ? flush() : line.push_back(c);
                flush();
                return out;
            } else
                unknown(args);
            return {};
        });
}

} // namespace hall::devsim
