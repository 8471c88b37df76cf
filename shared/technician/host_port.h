#pragma once
// "host:port" as a technician types a controller or printer address: a DNS name, an IPv4
// address, or an IPv6 address in brackets ("[fd00::1]:8443"), then a port 1–65535.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace hall::technician {

struct HostPort {
    std::string host; // without brackets
    std::uint16_t port = 0;
};

// The parsed address, or why it is not one (English, shown to the technician).
std::variant<HostPort, std::string> parseHostPort(std::string_view text);

} // namespace hall::technician
