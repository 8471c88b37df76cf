#include "callstation/hallsim/day_report.h"

#include "callstation/hallsim/report_tables.h"
#include "callstation/hallsim/text_width.h"
#include "callstation/hallsim/zh_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>
#include <vector>

namespace hall::sim {

namespace {

std::string num(int n) {
    return std::to_string(n);
}

std::string timeOrDash(const core::DurationHistogram& h, double p) {
    if (h.count() == 0) return "—";
    return durationClock(p >= 1.0 ? h.max() : h.percentile(p));
}

// 满意率: 非常满意 + 满意 among the ratings; a dash when nobody rated.
std::string satisfiedShare(const core::GroupStats& g) {
    if (g.ratedCount() == 0) return "—";
    return percent(g.share(core::RatingLevel::VerySatisfied) +
                   g.share(core::RatingLevel::Satisfied));
}

ReportRow rowOf(std::string name, const core::GroupStats& g, bool issues = true) {
    return ReportRow{std::move(name),
                     false,
                     issues ? num(g.issued) : "—",
                     num(g.served),
                     num(g.noShow),
                     num(g.transferred),
                     num(g.cancelled),
                     satisfiedShare(g),
                     num(g.badRatings()),
                     {timeOrDash(g.wait, 0.5), timeOrDash(g.wait, 0.9), timeOrDash(g.wait, 1.0),
                      timeOrDash(g.service, 0.5), timeOrDash(g.service, 0.9),
                      timeOrDash(g.service, 1.0)}};
}

} // namespace

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
    std::vector<ReportRow> rows;
    for (const auto& s : config.services) {
        auto it = stats.byService.find(s.id);
        rows.push_back(rowOf(serviceRowName(s), it == stats.byService.end() ? empty : it->second));
    }
    rows.push_back(separatorRow());
    rows.push_back(rowOf("全厅 合计", hall));
    rows.push_back(separatorRow());
    for (const auto& w : config.windows) {
        auto it = stats.byWindow.find(w.number);
        rows.push_back(
            rowOf(windowRowName(w), it == stats.byWindow.end() ? empty : it->second, false));
    }

    o << "【业务量与满意度】按业务 · 全厅 · 按窗口\n" << volumeTable(rows);
    o << "\n【等候与办理时间】分:秒（等候：取号或转办至首次叫号；办理：开始办理至办结）\n"
      << timeTable(rows);

    // Staff who served anyone today.
    struct StaffRow {
        std::string name;
        const core::GroupStats* stats;
    };
    std::vector<StaffRow> staffRows;
    for (const auto& s : config.staff) {
        auto it = stats.byStaff.find(s.id);
        if (it == stats.byStaff.end() || it->second.served + it->second.noShow == 0) continue;
        staffRows.push_back(
            {s.name + (s.staffNumber.empty() ? "" : "（" + s.staffNumber + "）"), &it->second});
    }
    if (!staffRows.empty()) {
        o << "\n【工作人员】\n";
        const std::string head = padRight("", kReportNameWidth) + padLeft("办结", 6) +
                                 padLeft("未到", 6) + padLeft("转出", 6) + padLeft("办理 p50", 10) +
                                 padLeft("满意率", 8) + padLeft("差评", 6);
        o << head << "\n" << rule(displayWidth(head)) << "\n";
        for (const auto& r : staffRows) {
            const auto& g = *r.stats;
            o << padRight(truncateTo(r.name, kReportNameWidth - 1), kReportNameWidth)
              << padLeft(num(g.served), 6) << padLeft(num(g.noShow), 6)
              << padLeft(num(g.transferred), 6) << padLeft(timeOrDash(g.service, 0.5), 10)
              << padLeft(satisfiedShare(g), 8) << padLeft(num(g.badRatings()), 6) << "\n";
        }
    }

    o << "\n【好差评】已评 " << hall.ratedCount();
    if (hall.automaticRatings > 0) o << "（其中自动默认好评 " << hall.automaticRatings << "）";
    o << "，差评 " << hall.badRatings() << " 条\n";
    o << ratingLines(hall.ratings);

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
