#include "shared/technician/host_port.h"

#include <algorithm>
#include <arpa/inet.h>
#include <charconv>

namespace hall::technician {

namespace {

bool isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, each 1–63
// characters, 253 in all. An all-numeric name must be a valid dotted IPv4 address instead.
bool isHostName(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    bool allNumeric = true;
    std::size_t start = 0;
    while (start <= host.size()) {
        const auto end = std::min(host.find('.', start), host.size());
        const auto label = host.substr(start, end - start);
        if (label.empty() || label.size() > 63) return false;
        if (label.front() == '-' || label.back() == '-') return false;
        for (char c : label) {
            if (!isAlnum(c) && c != '-') return false;
            if (!(c >= '0' && c <= '9')) allNumeric = false;
        }
        start = end + 1;
    }
    if (allNumeric) {
        in_addr v4{};
        return inet_pton(AF_INET, std::string(host).c_str(), &v4) == 1;
    }
    return true;
}

} // namespace

std::variant<HostPort, std::string> parseHostPort(std::string_view text) {
    if (text.empty()) return std::string("enter an address as host:port");
    std::string_view host, port;
    if (text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return std::string("an IPv6 address is written [address]:port");
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
        in6_addr v6{};
        if (inet_pton(AF_INET6, std::string(host).c_str(), &v6) != 1)
            return "\"" + std::string(host) + "\" is not an IPv6 address";
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos) return std::string("the port is missing (host:port)");
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (host.find(':') != std::string_view::npos)
            return std::string("an IPv6 address is written [address]:port");
        if (!isHostName(host))
            return "\"" + std::string(host) + "\" is not a host name or IPv4 address";
    }
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value == 0 ||
        value > 65535)
        return "\"" + std::string(port) + "\" is not a port number (1–65535)";
    return HostPort{std::string(host), static_cast<std::uint16_t>(value)};
}

} // namespace hall::technician
