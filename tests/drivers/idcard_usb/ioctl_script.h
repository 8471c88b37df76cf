#pragma once
// The lines of a umockdev ioctl script for the emulated SAM reader (format: ../usb/data/README.md),
// written by the script generator and read back by the tests that check its output. Only the
// two kinds of line these scenarios use:
//
//   USBDEVFS_GET_CAPABILITIES 0 FD010000
//       what the kernel reports at open: every capability of a current xHCI kernel except bulk
//       continuation (little-endian 0x1fd), so libusb sends each transfer as one URB
//   [ ]USBDEVFS_REAPURBNDELAY 0 3 EP STATUS 0 BUFLEN ACTUAL 0 HEX
//       one completed bulk transfer: EP 2 (OUT 0x02) or 129 (IN 0x81); STATUS 0 or a negative
//       errno; an OUT line carries the request (BUFLEN = its length, ACTUAL = BUFLEN, or 0 when
//       the transfer failed), an IN line, indented one space, carries the device's answer
//       (BUFLEN = what the host asks for, UsbBulkStream::kReadChunk; ACTUAL = the answer's
//       length). An empty answer still ends in the space before HEX.
//
// umockdev stops reading a script at the first line it cannot parse, silently, so the tests
// parse every generated line with parseUrbLine and fail on anything it refuses.

#include <cstdint>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace idcard_usb {

inline constexpr std::string_view kDeviceNode = "/dev/bus/usb/001/002";
inline constexpr std::string_view kCapabilitiesLine = "USBDEVFS_GET_CAPABILITIES 0 FD010000";
// The SAM reader of ../usb/data/sam_reader.umockdev: bulk OUT 0x02, bulk IN 0x81.
inline constexpr unsigned kEndpointOut = 0x02;
inline constexpr unsigned kEndpointIn = 0x81;
// usbdevfs URB type 3: bulk.
inline constexpr unsigned kUrbTypeBulk = 3;

struct UrbLine {
    bool in = false;                // IN (device to host), written indented under its request
    int status = 0;                 // 0, or -errno: -108 ESHUTDOWN, -19 ENODEV, -32 EPIPE
    int bufferLength = 0;           // OUT: the request's length; IN: what the host asked for
    std::vector<std::uint8_t> data; // OUT: the request; IN: the answer (actual_length bytes)
    int actualLength() const {
        // A failed OUT transfer moved nothing; its bytes stay on the line for matching.
        return in ? static_cast<int>(data.size()) : (status == 0 ? bufferLength : 0);
    }
};

inline std::string formatUrbLine(const UrbLine& u) {
    std::string hex;
    hex.reserve(u.data.size() * 2);
    for (auto b : u.data) {
        char pair[3];
        std::snprintf(pair, sizeof pair, "%02X", static_cast<unsigned>(b));
        hex += pair;
    }
    return std::string(u.in ? " " : "") + "USBDEVFS_REAPURBNDELAY 0 " +
           std::to_string(kUrbTypeBulk) + " " + std::to_string(u.in ? kEndpointIn : kEndpointOut) +
           " " + std::to_string(u.status) + " 0 " + std::to_string(u.bufferLength) + " " +
           std::to_string(u.actualLength()) + " 0 " + hex;
}

// nullopt for anything that is not exactly a line formatUrbLine would write: wrong keyword,
// wrong endpoint for the indentation, lengths that disagree with the data, odd or non-hex data.
inline std::optional<UrbLine> parseUrbLine(std::string_view line) {
    UrbLine u;
    u.in = !line.empty() && line.front() == ' ';
    if (u.in) line.remove_prefix(1);
    const auto lastSpace = line.rfind(' ');
    if (lastSpace == std::string_view::npos) return std::nullopt;
    const std::string_view hex = line.substr(lastSpace + 1);
    std::istringstream fields{std::string(line.substr(0, lastSpace))};
    std::string name;
    int ret = -1, flags = -1, actual = -1, errors = -1;
    unsigned type = 0, endpoint = 0;
    if (!(fields >> name >> ret >> type >> endpoint >> u.status >> flags >> u.bufferLength >>
          actual >> errors))
        return std::nullopt;
    std::string rest;
    if (fields >> rest) return std::nullopt;
    if (name != "USBDEVFS_REAPURBNDELAY" || ret != 0 || type != kUrbTypeBulk || flags != 0 ||
        errors != 0)
        return std::nullopt;
    if (endpoint != (u.in ? kEndpointIn : kEndpointOut)) return std::nullopt;
    if (hex.size() % 2 != 0) return std::nullopt;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        unsigned byte = 0;
        for (char c : hex.substr(i, 2)) {
            const auto pos = std::string_view("0123456789ABCDEF").find(c);
            if (pos == std::string_view::npos) return std::nullopt;
            byte = byte * 16 + static_cast<unsigned>(pos);
        }
        u.data.push_back(static_cast<std::uint8_t>(byte));
    }
    if (!u.in && static_cast<int>(u.data.size()) != u.bufferLength) return std::nullopt;
    if (u.in && static_cast<int>(u.data.size()) > u.bufferLength) return std::nullopt;
    if (actual != u.actualLength()) return std::nullopt;
    return u;
}

} // namespace idcard_usb
