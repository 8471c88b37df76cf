#include "callstation/halldemo/report_table.h"

#include "callstation/hallsim/report_tables.h"
#include "callstation/hallsim/zh_text.h"

#include <cmath>
#include <sstream>

namespace hall::demo {

using nlohmann::json;

namespace {

const json* rowFor(const json& report, const std::string& key) {
    for (const auto& row : report.at("rows"))
        if (row.at("key").is_string() ? row.at("key").get<std::string>() == key
                                      : row.at("key").dump() == key)
            return &row;
    return nullptr;
}

std::string count(const json& row, const char* field) {
    return std::to_string(row.at(field).get<int>());
}

sim::ReportRow rowOf(std::string name, const json* row, bool issues = true) {
    static const json zero = {{"issued", 0},        {"served", 0},        {"no_show", 0},
                              {"transferred", 0},   {"cancelled", 0},     {"rated", 0},
                              {"very_dissatisfied", 0}, {"dissatisfied", 0}, {"satisfaction", 0.0},
                              {"wait_p50_s", 0},    {"wait_p90_s", 0},    {"wait_max_s", 0},
                              {"service_p50_s", 0}, {"service_p90_s", 0}, {"service_max_s", 0}};
    const json& r = row ? *row : zero;
    sim::ReportRow out;
    out.name = std::move(name);
    out.issued = issues ? count(r, "issued") : "—";
    out.served = count(r, "served");
    out.noShow = count(r, "no_show");
    out.transferred = count(r, "transferred");
    out.cancelled = count(r, "cancelled");
    out.satisfaction =
        r.at("rated").get<int>() == 0 ? "—" : sim::percent(r.at("satisfaction").get<double>());
    out.badRatings =
        std::to_string(r.at("very_dissatisfied").get<int>() + r.at("dissatisfied").get<int>());
    // Nobody called: no wait and no service time to speak of.
    const bool anyCalled = r.at("served").get<int>() + r.at("no_show").get<int>() +
                               r.at("transferred").get<int>() > 0;
    const char* fields[] = {"wait_p50_s",    "wait_p90_s",    "wait_max_s",
                            "service_p50_s", "service_p90_s", "service_max_s"};
    for (std::size_t i = 0; i < out.times.size(); ++i) {
        const auto ms = std::llround(r.at(fields[i]).get<double>() * 1000.0);
        out.times[i] = anyCalled ? sim::durationClock(core::Millis(ms)) : "—";
    }
    return out;
}

} // namespace

json hallRow(const json& byHall) {
    const auto& rows = byHall.at("rows");
    return rows.empty() ? json{{"issued", 0},    {"served", 0},      {"no_show", 0},
                               {"transferred", 0}, {"cancelled", 0}, {"rated", 0},
                               {"very_dissatisfied", 0}, {"dissatisfied", 0}}
                        : rows.front();
}

std::string formatReport(const core::HallConfig& config, const json& byService,
                         const json& byWindow, const json& byHall) {
    std::ostringstream o;
    const json hall = hallRow(byHall);
    o << "\n══ 日报 " << byHall.at("from").get<std::string>() << " · " << config.name
      << "（来自 callstationd /api/v1/reports）══\n\n";
    const int rated = hall.value("rated", 0);
    const int served = hall.value("served", 0);
    o << "取号 " << hall.value("issued", 0) << " · 办结 " << served << " · 未到 "
      << hall.value("no_show", 0) << " · 转出 " << hall.value("transferred", 0) << " · 取消 "
      << hall.value("cancelled", 0);
    if (const int atClose = hall.value("cancelled_at_close", 0); atClose > 0)
        o << "（其中闭厅时仍在等候 " << atClose << "）";
    o << " · 评价 " << rated;
    if (served > 0) o << "（参评率 " << sim::percent(static_cast<double>(rated) / served) << "）";
    o << " · 差评 " << hall.value("very_dissatisfied", 0) + hall.value("dissatisfied", 0)
      << "\n\n";

    std::vector<sim::ReportRow> rows;
    for (const auto& s : config.services)
        rows.push_back(rowOf(sim::serviceRowName(s), rowFor(byService, s.id)));
    rows.push_back(sim::separatorRow());
    rows.push_back(rowOf("全厅 合计", byHall.at("rows").empty() ? nullptr : &hall));
    rows.push_back(sim::separatorRow());
    for (const auto& w : config.windows)
        rows.push_back(rowOf(sim::windowRowName(w), rowFor(byWindow, std::to_string(w.number)),
                             false));
    o << "【业务量与满意度】按业务 · 全厅 · 按窗口\n" << sim::volumeTable(rows);
    o << "\n【等候与办理时间】分:秒（等候：取号或转办至首次叫号；办理：开始办理至办结）\n"
      << sim::timeTable(rows);

    if (rated > 0) {
        const std::array<int, 5> levels{hall.value("very_dissatisfied", 0),
                                        hall.value("dissatisfied", 0), hall.value("neutral", 0),
                                        hall.value("satisfied", 0),
                                        hall.value("very_satisfied", 0)};
        o << "\n【好差评】已评 " << rated << "\n" << sim::ratingLines(levels);
    }
    return o.str();
}

} // namespace hall::demo
