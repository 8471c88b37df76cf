#include "shared/protocol/signage.h"

#include <algorithm>
#include <charconv>
#include <openssl/evp.h>
#include <stdexcept>

namespace hall::protocol {

bool activeAt(const Schedule& s, core::LocalTime now) {
    if (!s.weekdays.empty()) {
        const auto day = static_cast<int>(std::chrono::weekday(now.date).iso_encoding());
        if (std::find(s.weekdays.begin(), s.weekdays.end(), day) == s.weekdays.end()) return false;
    }
    if (s.fromMinute && now.minuteOfDay < *s.fromMinute) return false;
    if (s.toMinute && now.minuteOfDay >= *s.toMinute) return false;
    if (s.firstDay && now.date < *s.firstDay) return false;
    if (s.lastDay && now.date > *s.lastDay) return false;
    return true;
}

Signage signageFor(const Signage& all, const DeviceIdentity& device) {
    Signage out;
    out.emergency = all.emergency;
    for (const auto& e : all.playlist) {
        const bool zone = e.zones.empty() ||
                          std::find(e.zones.begin(), e.zones.end(), device.zone) != e.zones.end();
        const bool role = e.roles.empty() ||
                          std::find(e.roles.begin(), e.roles.end(), device.role) != e.roles.end();
        if (!zone || !role) continue;
        out.playlist.push_back(e);
        const bool listed = std::any_of(out.content.begin(), out.content.end(),
                                        [&](const ContentItem& c) { return c.id == e.content; });
        if (listed) continue;
        for (const auto& c : all.content)
            if (c.id == e.content) out.content.push_back(c);
    }
    return out;
}

bool isContentId(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string contentIdOf(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

bool isContentType(std::string_view type) {
    return std::find(std::begin(kContentTypes), std::end(kContentTypes), type) !=
           std::end(kContentTypes);
}

namespace {

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

} // namespace

std::optional<int> parseMinute(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    const auto h = number(text.substr(0, 2));
    const auto m = number(text.substr(3, 2));
    if (!h || !m || *h < 0 || *m < 0 || *m > 59) return std::nullopt;
    const int minute = *h * 60 + *m;
    if (minute > 24 * 60) return std::nullopt;
    return minute;
}

std::string formatMinute(int minute) {
    char out[6];
    out[0] = static_cast<char>('0' + minute / 600);
    out[1] = static_cast<char>('0' + minute / 60 % 10);
    out[2] = ':';
    out[3] = static_cast<char>('0' + minute % 60 / 10);
    out[4] = static_cast<char>('0' + minute % 10);
    out[5] = 0;
    return out;
}

std::optional<core::BusinessDay> parseDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = number(text.substr(0, 4));
    const auto m = number(text.substr(5, 2));
    const auto d = number(text.substr(8, 2));
    if (!y || !m || !d || *m < 1 || *d < 1) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year(*y),
                                          std::chrono::month(static_cast<unsigned>(*m)),
                                          std::chrono::day(static_cast<unsigned>(*d))};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd);
}

} // namespace hall::protocol
