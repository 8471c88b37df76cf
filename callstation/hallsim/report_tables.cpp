#include "callstation/hallsim/report_tables.h"

#include "callstation/hallsim/text_width.h"

#include "shared/core/evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace hall::sim {

ReportRow separatorRow() {
    ReportRow row;
    row.separator = true;
    return row;
}

std::string rule(int width) {
    std::string out;
    for (int i = 0; i < width; ++i)
        out += "─";
    return out;
}

std::string percent(double share) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

std::string bar(double value, double max, int width) {
    static const char* const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    if (max <= 0.0 || value <= 0.0) return "";
    const auto units = static_cast<long>(std::lround(std::min(value / max, 1.0) * width * 8));
    std::string out;
    for (long i = 0; i < units / 8; ++i)
        out += "█";
    out += eighths[units % 8];
    if (out.empty()) out = "▏"; // anything above zero stays visible
    return out;
}

std::string serviceRowName(const core::Service& service) {
    return service.prefix + " " + service.nameZh;
}

std::string windowRowName(const core::Window& window) {
    char number[8];
    std::snprintf(number, sizeof number, "%2d", window.number);
    return std::string(number) + " 号 " + window.name;
}

std::string ratingLines(const std::array<int, 5>& counts) {
    int total = 0;
    for (const int n : counts)
        total += n;
    if (total == 0) return {};
    const auto share = [&](int n) { return static_cast<double>(n) / total; };
    const int top = *std::max_element(counts.begin(), counts.end());
    std::ostringstream o;
    for (int level = 5; level >= 1; --level) {
        const int n = counts[static_cast<std::size_t>(level - 1)];
        o << "  "
          << padRight(core::ratingLabelZh(static_cast<core::RatingLevel>(level)), 12)
          << padLeft(std::to_string(n), 5) << padLeft(percent(share(n)), 8) << "  "
          << bar(share(n), share(top), 40) << "\n";
    }
    return o.str();
}

std::string volumeTable(const std::vector<ReportRow>& rows) {
    std::ostringstream o;
    const int cols[] = {6, 6, 6, 6, 6, 8, 6};
    const char* heads[] = {"取号", "办结", "未到", "转出", "取消", "满意率", "差评"};
    std::string head = padRight("", kReportNameWidth);
    for (int i = 0; i < 7; ++i)
        head += padLeft(heads[i], cols[i]);
    o << head << "\n" << rule(displayWidth(head)) << "\n";
    for (const auto& r : rows) {
        if (r.separator) {
            o << rule(displayWidth(head)) << "\n";
            continue;
        }
        const std::string* cells[] = {&r.issued,    &r.served,       &r.noShow,    &r.transferred,
                                      &r.cancelled, &r.satisfaction, &r.badRatings};
        std::string line = padRight(truncateTo(r.name, kReportNameWidth - 1), kReportNameWidth);
        for (int i = 0; i < 7; ++i)
            line += padLeft(*cells[i], cols[i]);
        o << line << "\n";
    }
    return o.str();
}

std::string timeTable(const std::vector<ReportRow>& rows) {
    std::ostringstream o;
    const int w = 8;
    std::string head = padRight("", kReportNameWidth) + padLeft("等候 p50", w) + padLeft("p90", w) +
                       padLeft("max", w) + "  " + padLeft("办理 p50", w) + padLeft("p90", w) +
                       padLeft("max", w);
    o << head << "\n" << rule(displayWidth(head)) << "\n";
    for (const auto& r : rows) {
        if (r.separator) {
            o << rule(displayWidth(head)) << "\n";
            continue;
        }
        o << padRight(truncateTo(r.name, kReportNameWidth - 1), kReportNameWidth);
        for (std::size_t i = 0; i < r.times.size(); ++i)
            o << (i == 3 ? "  " : "") << padLeft(r.times[i], w);
        o << "\n";
    }
    return o.str();
}

} // namespace hall::sim
