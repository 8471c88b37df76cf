#include "drivers/kinds/device_factory.h"

#include "drivers/audio/alsa_sink.h"
#include "drivers/base/device_kinds.h"
#include "drivers/base/registry.h"
#include "drivers/idcard/usb_opener.h"
#include "drivers/printer/cups_ticket_printer.h"
#include "drivers/printer/ticket_printers.h"
#include "drivers/transport/serial_stream.h"
#include "drivers/transport/tcp_stream.h"
#include "drivers/transport/usb_bulk_stream.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <stdexcept>
#include <string>

namespace hall::drivers {
namespace {

using Make = std::unique_ptr<Device> (*)(const DeviceSetting&, const DeviceDescriptor&,
                                         DeviceSinks&, const DeviceOptions&);

[[noreturn]] void refuse(const DeviceSetting& s) {
    throw std::invalid_argument(s.driver + " cannot be reached over " +
                                std::string(transportName(s.transport)));
}

SerialSettings serial(const DeviceSetting& s, unsigned defaultBaud) {
    return {s.address, s.baud ? static_cast<unsigned>(*s.baud) : defaultBaud};
}

std::uint16_t parsePort(std::string_view text, const DeviceSetting& s) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535)
        throw std::invalid_argument("\"" + s.address + "\" is not host:port");
    return static_cast<std::uint16_t>(value);
}

// "host:port" or "[v6 address]:port", as the settings file validated it; a bare host is the
// device's usual port (9100 for a printer).
TcpSettings tcp(const DeviceSetting& s, std::uint16_t defaultPort) {
    std::string_view host = s.address;
    std::uint16_t at = defaultPort;
    const auto colon = host.rfind(':');
    const auto bracket = host.rfind(']');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        at = parsePort(host.substr(colon + 1), s);
        host = host.substr(0, colon);
    }
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty()) throw std::invalid_argument("\"" + s.address + "\" names no host");
    return {std::string(host), at};
}

std::optional<std::uint16_t> hex16(std::string_view text) {
    std::uint16_t value = 0;
    if (text.size() != 4) return std::nullopt;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "auto": the descriptor's ids; "vvvv:pppp": that id.
UsbBulkSettings usb(const DeviceSetting& s, const DeviceDescriptor& d) {
    if (s.address.empty() || s.address == "auto") return UsbBulkSettings::forDescriptor(d);
    const auto colon = s.address.find(':');
    const auto vendor = hex16(std::string_view(s.address).substr(0, colon));
    const auto product = colon == std::string::npos
                             ? std::nullopt
                             : hex16(std::string_view(s.address).substr(colon + 1));
    if (!vendor || !product)
        throw std::invalid_argument("USB address \"" + s.address +
                                    "\" is neither \"auto\" nor a vvvv:pppp USB id");
    UsbBulkSettings settings;
    settings.ids.push_back({*vendor, *product, "configured"});
    return settings;
}

// A hall bus line: an RS-485 adapter's serial port, or a gateway's TCP port (4001 by default).
bus::LineOpener busLine(const DeviceSetting& s, bus::LineSettings& line) {
    if (s.transport == Transport::Serial) {
        const auto port = serial(s, line.baud);
        line.baud = port.baud;
        return [port](std::stop_token) { return std::make_unique<SerialStream>(port); };
    }
    if (s.transport != Transport::Tcp) refuse(s);
    return [peer = tcp(s, 4001)](std::stop_token) { return std::make_unique<TcpStream>(peer); };
}

// The line's options with its units: those given, else 1..8.
template <typename Options> Options onUnits(Options options) {
    if (options.addresses.empty()) {
        options.addresses.resize(8);
        std::iota(options.addresses.begin(), options.addresses.end(), std::uint8_t{1});
    }
    return options;
}

std::unique_ptr<Device> idCardReader(const DeviceSetting& s, const DeviceDescriptor& d,
                                     DeviceSinks& sinks, const DeviceOptions& o) {
    using idcard::IdCardReader;
    if (s.transport == Transport::Serial) {
        const auto port = serial(s, 115200);
        return std::make_unique<IdCardReader>(
            d, port.path, [port] { return std::make_unique<SerialStream>(port); },
            std::move(sinks.events), std::move(sinks.idCards), o.idCardReader);
    }
    if (s.transport != Transport::Usb) refuse(s);
    const auto settings = usb(s, d);
    return std::make_unique<IdCardReader>(
        d, idcard::usbPortName(settings), idcard::usbStreamOpener(settings),
        std::move(sinks.events), std::move(sinks.idCards), o.idCardReader);
}

std::unique_ptr<Device> smartCardReader(const DeviceSetting& s, const DeviceDescriptor&,
                                        DeviceSinks& sinks, const DeviceOptions&) {
    smartcard::SmartCardReaderConfig config;
    if (s.address != "auto") config.readerName = s.address;
    return std::make_unique<smartcard::SmartCardReaderDevice>(config, std::move(sinks.events),
                                                              std::move(sinks.socialSecurityCards));
}

std::unique_ptr<Device> codeScanner(const DeviceSetting& s, const DeviceDescriptor&,
                                    DeviceSinks& sinks, const DeviceOptions&) {
    if (s.transport == Transport::Serial) {
        scanner::SerialScannerConfig config;
        config.port = serial(s, 9600);
        return scanner::makeSerialScanner(config, std::move(sinks.codes), std::move(sinks.events));
    }
    if (s.transport != Transport::Evdev) refuse(s);
    scanner::HidScannerConfig config;
    if (s.address != "auto") config.device.path = s.address;
    return scanner::makeHidScanner(config, std::move(sinks.codes), std::move(sinks.events));
}

std::unique_ptr<Device> ticketPrinter(const DeviceSetting& s, const DeviceDescriptor& d,
                                      DeviceSinks& sinks, const DeviceOptions& o) {
    using namespace printer;
    switch (s.transport) {
    case Transport::Serial:
        return makeSerialTicketPrinter(serial(s, 9600), std::move(sinks.events),
                                       std::move(sinks.tickets));
    case Transport::Tcp:
        return makeTcpTicketPrinter(tcp(s, 9100), std::move(sinks.events),
                                    std::move(sinks.tickets));
    case Transport::Usb:
        return makeUsbTicketPrinter(usb(s, d), std::move(sinks.events), std::move(sinks.tickets));
    case Transport::Cups:
        return makeCupsTicketPrinter(s.address, std::move(sinks.events), std::move(sinks.tickets),
                                     o.cups);
    default:
        refuse(s);
    }
}

std::unique_ptr<Device> documentPrinter(const DeviceSetting& s, const DeviceDescriptor&,
                                        DeviceSinks& sinks, const DeviceOptions& o) {
    docprint::DocumentPrinterConfig config;
    config.queue = s.address;
    config.server = o.cups.server;
    config.timeouts = o.cups.timeouts;
    config.follow = o.cups.follow;
    return std::make_unique<docprint::DocumentPrinterDevice>(config, std::move(sinks.events),
                                                             std::move(sinks.documents));
}

std::unique_ptr<Device> ledStrip(const DeviceSetting& s, const DeviceDescriptor& d,
                                 DeviceSinks& sinks, const DeviceOptions& o) {
    bus::LineSettings line;
    auto open = busLine(s, line);
    return std::make_unique<led::LedStripBus>(d, s.address, std::move(open),
                                              led::makeHallBusLedProtocol(line),
                                              std::move(sinks.events), onUnits(o.ledStrips));
}

std::unique_ptr<Device> keypads(const DeviceSetting& s, const DeviceDescriptor& d,
                                DeviceSinks& sinks, const DeviceOptions& o) {
    bus::LineSettings line;
    auto open = busLine(s, line);
    return std::make_unique<keypad::KeypadBus>(d, s.address, std::move(open), line,
                                               std::move(sinks.events), std::move(sinks.keys),
                                               onUnits(o.keypads));
}

std::unique_ptr<Device> announcer(const DeviceSetting& s, const DeviceDescriptor& d,
                                  DeviceSinks& sinks, const DeviceOptions& o) {
    if (!o.voicePack) throw std::invalid_argument("no voice pack is configured for the announcer");
    const std::string device = s.address.empty() ? "default" : s.address;
    audio::AlsaSettings alsa;
    alsa.device = device;
    return std::make_unique<audio::Announcer>(
        d, std::string(d.id) + "@" + device, o.voicePack,
        o.audioSink ? o.audioSink : audio::alsaSinkOpener(alsa), o.announcer,
        std::move(sinks.announcements), std::move(sinks.events));
}

struct Factory {
    DeviceKind kind;
    Make make;
};
constexpr Factory kFactories[] = {
    {DeviceKind::IdCardReader, idCardReader},
    {DeviceKind::SmartCardReader, smartCardReader},
    {DeviceKind::CodeScanner, codeScanner},
    {DeviceKind::TicketPrinter, ticketPrinter},
    {DeviceKind::DocumentPrinter, documentPrinter},
    {DeviceKind::LedStrip, ledStrip},
    {DeviceKind::Keypad, keypads},
    {DeviceKind::Announcer, announcer},
};

} // namespace

std::unique_ptr<Device> makeDevice(const DeviceSetting& setting, DeviceSinks sinks,
                                   const DeviceOptions& options) {
    const auto* d = findDescriptor(setting.driver);
    if (!d || d->kind != setting.kind)
        throw std::invalid_argument("\"" + setting.driver + "\" is not a driver of a " +
                                    std::string(kindName(setting.kind)));
    if (std::find(d->transports.begin(), d->transports.end(), setting.transport) ==
        d->transports.end())
        refuse(setting);
    for (const auto& f : kFactories)
        if (f.kind == setting.kind) return f.make(setting, *d, sinks, options);
    throw std::logic_error("no device factory for a " + std::string(kindName(setting.kind)));
}

} // namespace hall::drivers
