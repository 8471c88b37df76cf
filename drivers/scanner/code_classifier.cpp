#include "drivers/scanner/code_classifier.h"

#include "drivers/base/ascii.h"

#include <algorithm>

namespace hall::drivers::scanner {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[i]) != lower(prefix[i])) return false;
    return true;
}

// A DNS host name as it appears in an https URL: labels of [a-z0-9-] (1..63, no leading or
// trailing hyphen), dot-separated, 253 at most. Upper case is accepted and lowered by the caller.
bool validHostName(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    std::size_t start = 0;
    while (start <= host.size()) {
        std::size_t dot = host.find('.', start);
        if (dot == std::string_view::npos) dot = host.size();
        std::string_view label = host.substr(start, dot - start);
        if (label.empty() || label.size() > 63) return false;
        if (label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!isDigit(c) && !isAlpha(c) && c != '-') return false;
        start = dot + 1;
        if (dot == host.size()) break;
    }
    return true;
}

bool hostAccepted(std::string_view host, const std::vector<std::string>& accepted) {
    for (const auto& entry : accepted) {
        std::string_view e = entry;
        if (e.starts_with("*.")) {
            std::string_view domain = e.substr(1); // ".example.gov.cn"
            if (host.size() > domain.size() && host.ends_with(domain)) return true;
        } else if (host == e) {
            return true;
        }
    }
    return false;
}

std::optional<CodeClassification> asAppointment(std::string_view text) {
    if (startsWithNoCase(text, kAppointmentPrefix)) {
        auto id = normalBookingId(text.substr(kAppointmentPrefix.size()));
        if (!id) return std::nullopt;
        CodeClassification c;
        c.kind = CodeKind::Appointment;
        c.bookingId = std::move(*id);
        return c;
    }
    if (text.size() == kBookingNumberDigits && std::all_of(text.begin(), text.end(), isDigit) &&
        luhnValid(text)) {
        CodeClassification c;
        c.kind = CodeKind::Appointment;
        c.bookingId.assign(text);
        return c;
    }
    return std::nullopt;
}

std::optional<CodeClassification> asEIdLink(std::string_view text,
                                            const ClassifierSettings& settings) {
    constexpr std::string_view kScheme = "https://";
    if (!startsWithNoCase(text, kScheme)) return std::nullopt;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == '\\') return std::nullopt;
    }
    std::string_view rest = text.substr(kScheme.size());
    std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.find('@') != std::string_view::npos) return std::nullopt;
    std::string_view host = authority;
    if (auto colon = authority.find(':'); colon != std::string_view::npos) {
        if (authority.substr(colon + 1) != "443") return std::nullopt;
        host = authority.substr(0, colon);
    }
    if (!validHostName(host)) return std::nullopt;
    std::string lowered;
    lowered.reserve(host.size());
    for (char c : host)
        lowered.push_back(lower(c));
    if (!hostAccepted(lowered, settings.eIdHosts)) return std::nullopt;
    CodeClassification c;
    c.kind = CodeKind::EIdLink;
    c.issuerHost = std::move(lowered);
    return c;
}

} // namespace

bool luhnValid(std::string_view digits) {
    if (digits.empty()) return false;
    int sum = 0;
    bool doubleIt = false; // the check digit (rightmost) is not doubled
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (!isDigit(*it)) return false;
        int d = *it - '0';
        if (doubleIt) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

std::optional<std::string> checkClassifierSettings(const ClassifierSettings& settings) {
    for (const auto& entry : settings.eIdHosts) {
        std::string_view host = entry;
        if (host.starts_with("*.")) host.remove_prefix(2);
        const bool lowerOnly =
            std::none_of(host.begin(), host.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!validHostName(host) || !lowerOnly)
            return "e-ID issuer host '" + entry +
                   "' is not a lower-case host name (write eid.example.gov.cn, or *.example.gov.cn "
                   "for "
                   "every host below it; no scheme, port or path)";
    }
    return std::nullopt;
}

CodeClassification classifyPayload(std::string_view payload, const ClassifierSettings& settings) {
    std::string_view text = trimAscii(payload);
    if (auto c = asAppointment(text)) return std::move(*c);
    if (auto c = asEIdLink(text, settings)) return std::move(*c);
    return {};
}

} // namespace hall::drivers::scanner
