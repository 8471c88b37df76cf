#include "shared/technician/terminal_settings.h"

#include "drivers/base/registry.h"
#include "shared/technician/host_port.h"

#include <algorithm>
#include <array>

namespace hall::technician {

using drivers::DeviceKind;
using drivers::Transport;

namespace {

constexpr std::array kBaudRates = {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool onlyChars(std::string_view s, std::string_view extra) {
    return std::all_of(s.begin(), s.end(), [extra](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               extra.find(c) != std::string_view::npos;
    });
}

// A device node path: absolute, under the given directory, no "..", plain characters only.
std::optional<std::string> nodeUnder(std::string_view address, std::string_view dir,
                                     std::string_view what) {
    if (!address.starts_with(dir) || address.size() == dir.size() ||
        address.find("..") != std::string_view::npos || !onlyChars(address, "/._:+-"))
        return "\"" + std::string(address) + "\" is not " + std::string(what);
    return std::nullopt;
}

std::string quoted(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

} // namespace

const DeviceSetting* TerminalSettings::device(DeviceKind kind) const {
    for (const auto& d : devices)
        if (d.kind == kind) return &d;
    return nullptr;
}

std::optional<std::string> validateAddressFor(Transport transport, std::string_view address) {
    switch (transport) {
    case Transport::Serial:
        return nodeUnder(address, "/dev/", "a serial device under /dev/ (e.g. /dev/ttyUSB0)");
    case Transport::Usb:
        if (address == "auto") return std::nullopt;
        if (address.size() == 9 && address[4] == ':' &&
            std::all_of(address.begin(), address.begin() + 4, isHex) &&
            std::all_of(address.begin() + 5, address.end(), isHex))
            return std::nullopt;
        return quoted(address) + " is not \"auto\" or a USB id vvvv:pppp (e.g. 04b8:0202)";
    case Transport::Tcp: {
        auto parsed = parseHostPort(address);
        if (auto* why = std::get_if<std::string>(&parsed)) return *why;
        return std::nullopt;
    }
    case Transport::Cups:
        // CUPS refuses queue names with spaces, '/', '#' or control characters.
        if (address.empty() || address.size() > 127 || !onlyChars(address, "_.-@"))
            return quoted(address) + " is not a CUPS queue name (letters, digits, _ . - @)";
        return std::nullopt;
    case Transport::Audio:
        if (address.empty() || address.size() > 64 || !onlyChars(address, "_:,=.-"))
            return quoted(address) + " is not an ALSA device (e.g. default, hw:1,0)";
        return std::nullopt;
    case Transport::PcSc:
        if (address.empty() || address.size() > 128 ||
            std::any_of(address.begin(), address.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
            return quoted(address) + " is not \"auto\" or a reader name";
        return std::nullopt;
    case Transport::Evdev:
        if (address == "auto") return std::nullopt;
        return nodeUnder(address, "/dev/input/", "\"auto\" or an input device under /dev/input/");
    }
    return std::string("unknown transport");
}

std::optional<std::string> validateDevice(const DeviceSetting& device) {
    const auto* descriptor = drivers::findDescriptor(device.driver);
    if (!descriptor) return quoted(device.driver) + " is not a driver this terminal knows";
    if (descriptor->kind != device.kind)
        return quoted(device.driver) + " drives a " +
               std::string(drivers::kindName(descriptor->kind)) + ", not a " +
               std::string(drivers::kindName(device.kind));
    if (std::find(descriptor->transports.begin(), descriptor->transports.end(), device.transport) ==
        descriptor->transports.end())
        return quoted(device.driver) + " cannot be reached over " +
               std::string(transportKey(device.transport));
    if (auto why = validateAddressFor(device.transport, device.address)) return why;
    if (device.baud) {
        if (device.transport != Transport::Serial)
            return std::string("a baud rate applies to serial ports only");
        if (std::find(kBaudRates.begin(), kBaudRates.end(), *device.baud) == kBaudRates.end())
            return std::to_string(*device.baud) + " is not a supported baud rate (1200–115200)";
    }
    return std::nullopt;
}

std::optional<std::string> validateControllerAddress(std::string_view address) {
    auto parsed = parseHostPort(address);
    if (auto* why = std::get_if<std::string>(&parsed)) return "controller address: " + *why;
    return std::nullopt;
}

std::optional<std::string> validateSettings(const TerminalSettings& settings) {
    if (!settings.controllerAddress.empty())
        if (auto why = validateControllerAddress(settings.controllerAddress)) return why;
    for (std::size_t i = 0; i < settings.devices.size(); ++i) {
        const auto& d = settings.devices[i];
        for (std::size_t j = 0; j < i; ++j)
            if (settings.devices[j].kind == d.kind)
                return std::string(kindKey(d.kind)) + " is configured twice";
        if (auto why = validateDevice(d)) return std::string(kindKey(d.kind)) + ": " + *why;
    }
    return std::nullopt;
}

std::string describeDevice(const DeviceSetting& device) {
    std::string out =
        device.driver + " " + std::string(transportKey(device.transport)) + " " + device.address;
    if (device.baud) out += " " + std::to_string(*device.baud) + " baud";
    return out;
}

} // namespace hall::technician
