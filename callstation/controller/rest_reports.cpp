// GET /api/v1/reports: a day or a range of days, grouped by hall, service, window or staff, as
// JSON or CSV. Days still in the engine come from it; older days from their stored reports. The
// JSON also counts the follow-up cases of bad ratings: opened in the days, not closed at their
// end (or now), and of those overdue.

#include "callstation/controller/engine_worker.h"
#include "callstation/controller/hub.h"
#include "callstation/controller/rest_api.h"
#include "callstation/controller/rest_support.h"

#include <cstdio>
#include <sstream>

namespace hall::controller {

namespace http = boost::beast::http;
using nlohmann::json;
using rest::Call;

namespace {

constexpr int kMaxReportDays = 366;

std::optional<core::BusinessDay> parseDay(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!date.ok()) return std::nullopt;
    return core::BusinessDay(date);
}

struct Row {
    std::string key;
    const core::GroupStats* stats;
};

double seconds(core::Millis d) { return static_cast<double>(d.count()) / 1000.0; }

// The columns of both formats, in order. `rated` counts visits rated, each once at its latest
// level (`supplementary`: those with a 追评); satisfaction is the share of 满意 + 非常满意
// among them, as the 好差评 rules count it. `cancelled_at_close`: of `cancelled`, the tickets the
// day's close cancelled, still waiting then (当日未办结).
const std::vector<std::string> kColumns{
    "key",           "issued",        "served",        "no_show",
    "transferred",   "cancelled",     "cancelled_at_close", "wait_p50_s",
    "wait_p90_s",    "wait_max_s",    "service_p50_s", "service_p90_s",
    "service_max_s", "rated",         "supplementary", "very_dissatisfied",
    "dissatisfied",  "neutral",       "satisfied",     "very_satisfied",
    "satisfaction",
};

json rowJson(const Row& row) {
    const auto& s = *row.stats;
    return json::array({row.key,
                        s.issued,
                        s.served,
                        s.noShow,
                        s.transferred,
                        s.cancelled,
                        s.cancelledAtClose,
                        seconds(s.wait.percentile(0.5)),
                        seconds(s.wait.percentile(0.9)),
                        seconds(s.wait.max()),
                        seconds(s.service.percentile(0.5)),
                        seconds(s.service.percentile(0.9)),
                        seconds(s.service.max()),
                        s.ratedCount(),
                        s.supplementary,
                        s.ratings[0],
                        s.ratings[1],
                        s.ratings[2],
                        s.ratings[3],
                        s.ratings[4],
                        s.satisfaction()});
}

std::string csvField(const json& value) {
    if (!value.is_string()) return value.dump();
    const auto text = value.get<std::string>();
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

void RestApi::reports(const std::shared_ptr<Call>& call) {
    auto param = [&](const char* name, const char* fallback) {
        auto it = call->query.find(name);
        return it == call->query.end() ? std::string(fallback) : it->second;
    };
    const std::string by = param("by", "service");
    const std::string format = param("format", "json");
    if (by != "hall" && by != "service" && by != "window" && by != "staff")
        return call->fail(http::status::bad_request, "bad_request", "by: hall, service, window or staff");
    if (format != "json" && format != "csv")
        return call->fail(http::status::bad_request, "bad_request", "format: json or csv");
    std::optional<core::BusinessDay> from, to;
    if (call->query.count("from") && !(from = parseDay(call->query["from"])))
        return call->fail(http::status::bad_request, "bad_request", "from: a date, YYYY-MM-DD");
    if (call->query.count("to") && !(to = parseDay(call->query["to"])))
        return call->fail(http::status::bad_request, "bad_request", "to: a date, YYYY-MM-DD");

    context_.worker.run([this, call, by, format, from, to](HallData& data) mutable {
        const auto& engine = data.engine.engine();
        const auto today = engine.businessDay(context_.clock.now());
        if (!from) from = to ? *to : today;
        if (!to) to = *from;
        std::optional<core::DayStatistics> total;
        std::string error;
        if (*to < *from) error = "to is before from";
        else if ((*to - *from).count() >= kMaxReportDays) error = "at most 366 days at once";
        int days = 0;
        for (auto day = *from; error.empty() && day <= *to; day += std::chrono::days(1)) {
            auto stats = data.engine.dayReport(day);
            if (!stats) continue;
            ++days;
            if (total) total->merge(*stats);
            else total = std::move(stats);
        }
        // The follow-up cases of the days: counted from the cases themselves at the end of the
        // last day, or now while it lasts (store.md).
        store::FollowUpCounts followUps;
        core::Timestamp asOf = context_.clock.now();
        if (error.empty()) {
            const auto end = core::localToUtc(engine.zone(), *to + std::chrono::days(1),
                                              engine.config().queue.dayStartMinute);
            asOf = std::min(asOf, end);
            followUps = data.followUps.table().counts(*from, *to, asOf);
        }
        boost::asio::post(context_.network, [call, by, format, from = *from, to = *to, days, error,
                                             total = std::move(total), followUps, asOf] {
            if (!error.empty()) return call->fail(http::status::bad_request, "bad_request", error);
            core::DayStatistics empty;
            const auto& stats = total ? *total : empty;
            std::vector<Row> rows;
            if (by == "hall") rows.push_back({"hall", &stats.hall});
            if (by == "service")
                for (const auto& [k, s] : stats.byService)
                    rows.push_back({k, &s});
            if (by == "window")
                for (const auto& [k, s] : stats.byWindow)
                    rows.push_back({std::to_string(k), &s});
            if (by == "staff")
                for (const auto& [k, s] : stats.byStaff)
                    rows.push_back({k, &s});
            if (format == "csv") {
                std::ostringstream out;
                for (std::size_t i = 0; i < kColumns.size(); ++i)
                    out << (i ? "," : "") << kColumns[i];
                out << "\n";
                for (const auto& row : rows) {
                    const json values = rowJson(row);
                    for (std::size_t i = 0; i < values.size(); ++i)
                        out << (i ? "," : "") << csvField(values[i]);
                    out << "\n";
                }
                return call->text(http::status::ok, "text/csv; charset=utf-8", out.str());
            }
            json out = json::array();
            for (const auto& row : rows) {
                const json values = rowJson(row);
                json object;
                for (std::size_t i = 0; i < kColumns.size(); ++i)
                    object[kColumns[i]] = values[i];
                out.push_back(std::move(object));
            }
            call->ok(json{{"from", core::formatDay(from)},
                          {"to", core::formatDay(to)},
                          {"days_with_data", days},
                          {"by", by},
                          {"rows", out},
                          {"follow_ups",
                           {{"opened", followUps.opened},
                            {"open", followUps.open},
                            {"overdue", followUps.overdue},
                            {"as_of", rest::isoTime(asOf)}}}});
        });
    });
}

} // namespace hall::controller
