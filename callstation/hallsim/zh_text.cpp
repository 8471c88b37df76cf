#include "callstation/hallsim/zh_text.h"

#include <algorithm>
#include <cstdio>

namespace hall::sim {

namespace {
long long wholeSeconds(core::Millis d) {
    return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}
} // namespace

std::string durationZh(core::Millis d) {
    const long long s = std::max(0LL, wholeSeconds(d));
    char buf[48];
    if (s < 60)
        std::snprintf(buf, sizeof buf, "%lld 秒", s);
    else if (s < 3600)
        std::snprintf(buf, sizeof buf, "%lld 分 %02lld 秒", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld 小时 %02lld 分", s / 3600, s / 60 % 60);
    return buf;
}

std::string durationClock(core::Millis d) {
    const long long s = std::max(0LL, wholeSeconds(d));
    char buf[32];
    if (s < 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

std::string refusalZh(const core::Error& e) {
    const std::string code = " (" + std::string(core::errorCodeName(e.code)) + ")";
    switch (e.code) {
    case core::ErrorCode::ServiceClosed:
        return "当前不在取号时间" + code;
    case core::ErrorCode::QuotaReached:
        return "今日号源已取完" + code;
    case core::ErrorCode::DuplicatePerson:
        return "当日已持有该业务的有效号，不能重复取号" + code;
    default:
        return e.message + code;
    }
}

std::string greenCategoryZh(const std::string& category) {
    if (category == "elderly") return "老年人";
    if (category == "disabled") return "残疾人";
    if (category == "pregnant") return "孕妇";
    if (category == "military") return "军人";
    return category;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::size_t codePoints(const std::string& utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace hall::sim
