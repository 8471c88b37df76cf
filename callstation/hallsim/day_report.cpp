#include "hallsim/day_report.h"

#include "hallsim/text_width.h"
#include "hallsim/zh_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>
#include <vector>

namespace hall::sim {

namespace {

constexpr int kNameWidth = 26;

std::string percent(double share) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

// 满意率: 非常满意 + 满意 among the ratings; a dash when nobody rated.
std::string satisfiedShare(const core::GroupStats& g) {
    if (g.ratedCount() == 0) return "—";
    return percent(g.share(core::RatingLevel::VerySatisfied) +
                   g.share(core::RatingLevel::Satisfied));
}

std::string num(int n) {
    return std::to_string(n);
}

std::string timeOrDash(const core::DurationHistogram& h, double p) {
    if (h.count() == 0) return "—";
    return durationClock(p >= 1.0 ? h.max() : h.percentile(p));
}

struct Row {
    std::string name;
    const core::GroupStats* stats; // null: a separator line
    bool issues = true;            // windows and staff do not issue tickets: "—" there
};

std::string rule(int width) {
    std::string out;
    for (int i = 0; i < width; ++i)
        out += "─";
    return out;
}

void volumeTable(std::ostringstream& o, const std::vector<Row>& rows) {
    const int cols[] = {6, 6, 6, 6, 6, 8, 6};
    const char* heads[] = {"取号", "办结", "未到", "转出", "取消", "满意率", "差评"};
    std::string head = padRight("", kNameWidth);
    for (int i = 0; i < 7; ++i)
        head += padLeft(heads[i], cols[i]);
    o << head << "\n" << rule(displayWidth(head)) << "\n";
    for (const auto& r : rows) {
        if (!r.stats) {
            o << rule(displayWidth(head)) << "\n";
            continue;
        }
        const auto& g = *r.stats;
        const std::string cells[] = {r.issues ? num(g.issued) : "—",
                                     num(g.served),
                                     num(g.noShow),
                                     num(g.transferred),
                                     num(g.cancelled),
                                     satisfiedShare(g),
                                     num(g.badRatings())};
        std::string line = padRight(truncateTo(r.name, kNameWidth - 1), kNameWidth);
        for (int i = 0; i < 7; ++i)
            line += padLeft(cells[i], cols[i]);
        o << line << "\n";
    }
}

void timeTable(std::ostringstream& o, const std::vector<Row>& rows) {
    const int w = 8;
    std::string head = padRight("", kNameWidth) + padLeft("等候 p50", w) + padLeft("p90", w) +
                       padLeft("max", w) + "  " + padLeft("办理 p50", w) + padLeft("p90", w) +
                       padLeft("max", w);
    o << head << "\n" << rule(displayWidth(head)) << "\n";
    for (const auto& r : rows) {
        if (!r.stats) {
            o << rule(displayWidth(head)) << "\n";
            continue;
        }
        const auto& g = *r.stats;
        o << padRight(truncateTo(r.name, kNameWidth - 1), kNameWidth)
          << padLeft(timeOrDash(g.wait, 0.5), w) << padLeft(timeOrDash(g.wait, 0.9), w)
          << padLeft(timeOrDash(g.wait, 1.0), w) << "  " << padLeft(timeOrDash(g.service, 0.5), w)
          << padLeft(timeOrDash(g.service, 0.9), w) << padLeft(timeOrDash(g.service, 1.0), w)
          << "\n";
    }
}

} // namespace

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

std::string formatDayReport(const core::HallConfig& config, const core::DayStatistics& stats) {
    std::ostringstream o;
    const auto& hall = stats.hall;
    const std::string title = "日报 " + core::formatDay(stats.day) + " · " + config.name;
    o << "\n══ " << title << " ══\n\n";

    o << "取号 " << hall.issued << " · 办结 " << hall.served << " · 未到 " << hall.noShow
      << " · 转出 " << hall.transferred << " · 取消 " << hall.cancelled << " · 评价 "
      << hall.ratedCount();
    if (hall.served > 0)
        o << "（参评率 " << percent(static_cast<double>(hall.ratedCount()) / hall.served) << "）";
    o << " · 差评 " << hall.badRatings() << "\n";
    o << "（未到：过号且重新排队后仍未到；转出按每次转办计，转出的号在新业务下继续排队）\n\n";

    static const core::GroupStats empty;
    std::vector<Row> rows;
    for (const auto& s : config.services) {
        auto it = stats.byService.find(s.id);
        rows.push_back(
            {s.prefix + " " + s.nameZh, it == stats.byService.end() ? &empty : &it->second});
    }
    rows.push_back({"", nullptr});
    rows.push_back({"全厅 合计", &hall});
    rows.push_back({"", nullptr});
    for (const auto& w : config.windows) {
        auto it = stats.byWindow.find(w.number);
        char number[8];
        std::snprintf(number, sizeof number, "%2d", w.number);
        rows.push_back({std::string(number) + " 号 " + w.name,
                        it == stats.byWindow.end() ? &empty : &it->second, false});
    }

    o << "【业务量与满意度】按业务 · 全厅 · 按窗口\n";
    volumeTable(o, rows);
    o << "\n【等候与办理时间】分:秒（等候：取号或转办至首次叫号；办理：开始办理至办结）\n";
    timeTable(o, rows);

    // Staff who served anyone today.
    std::vector<Row> staffRows;
    for (const auto& s : config.staff) {
        auto it = stats.byStaff.find(s.id);
        if (it == stats.byStaff.end() || it->second.served + it->second.noShow == 0) continue;
        staffRows.push_back(
            {s.name + (s.staffNumber.empty() ? "" : "（" + s.staffNumber + "）"), &it->second});
    }
    if (!staffRows.empty()) {
        o << "\n【工作人员】\n";
        const std::string head = padRight("", kNameWidth) + padLeft("办结", 6) +
                                 padLeft("未到", 6) + padLeft("转出", 6) + padLeft("办理 p50", 10) +
                                 padLeft("满意率", 8) + padLeft("差评", 6);
        o << head << "\n" << rule(displayWidth(head)) << "\n";
        for (const auto& r : staffRows) {
            const auto& g = *r.stats;
            o << padRight(truncateTo(r.name, kNameWidth - 1), kNameWidth)
              << padLeft(num(g.served), 6) << padLeft(num(g.noShow), 6)
              << padLeft(num(g.transferred), 6) << padLeft(timeOrDash(g.service, 0.5), 10)
              << padLeft(satisfiedShare(g), 8) << padLeft(num(g.badRatings()), 6) << "\n";
        }
    }

    o << "\n【好差评】已评 " << hall.ratedCount();
    if (hall.automaticRatings > 0) o << "（其中自动默认好评 " << hall.automaticRatings << "）";
    o << "，差评 " << hall.badRatings() << " 条\n";
    if (hall.ratedCount() > 0) {
        double top = 0.0;
        for (int l = 1; l <= core::kRatingLevels; ++l)
            top = std::max(top, hall.share(static_cast<core::RatingLevel>(l)));
        for (int l = core::kRatingLevels; l >= 1; --l) {
            const auto level = static_cast<core::RatingLevel>(l);
            o << "  " << padRight(core::ratingLabelZh(level), 12)
              << padLeft(num(hall.ratings[static_cast<std::size_t>(l - 1)]), 5)
              << padLeft(percent(hall.share(level)), 8) << "  " << bar(hall.share(level), top, 40)
              << "\n";
        }
    }

    o << "\n【每小时取号】\n";
    int first = 24;
    int last = -1;
    int peak = 0;
    for (int h = 0; h < 24; ++h) {
        const int n = hall.arrivalsByHour[static_cast<std::size_t>(h)];
        if (n == 0) continue;
        first = std::min(first, h);
        last = std::max(last, h);
        peak = std::max(peak, n);
    }
    if (last < 0) o << "  （今日无取号）\n";
    for (int h = first; h <= last; ++h) {
        const int n = hall.arrivalsByHour[static_cast<std::size_t>(h)];
        char label[16];
        std::snprintf(label, sizeof label, "  %02d:00", h);
        o << label << "  " << padLeft(num(n), 4);
        if (n > 0) o << "  " << bar(n, peak, 50);
        o << "\n";
    }
    return o.str();
}

} // namespace hall::sim
