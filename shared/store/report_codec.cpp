#include "shared/store/report_codec.h"

#include "shared/store/json_fields.h"

#include <charconv>
#include <limits>

namespace hall::store {

namespace {

using namespace hall::core;

Json histogramJson(const DurationHistogram& h) {
    Json buckets = Json::array();
    for (const auto& [bucket, count] : h.buckets())
        buckets.push_back(Json::array({bucket, count}));
    return {{"buckets", std::move(buckets)}, {"max_ms", h.max().count()}};
}

DurationHistogram readHistogram(const Json& json, const std::string& context) {
    StrictReader in(json, context);
    std::map<std::int64_t, int> buckets;
    for (const Json& pair : in.array("buckets")) {
        if (!pair.is_array() || pair.size() != 2)
            in.fail("buckets", "must hold [bucket, count] pairs");
        const std::int64_t bucket = in.item("buckets", pair[0]);
        const auto count =
            static_cast<int>(in.item("buckets", pair[1], 0, std::numeric_limits<int>::max()));
        if (!buckets.emplace(bucket, count).second) {
            throwMalformed(context, "bucket " + std::to_string(bucket) + " appears twice");
        }
    }
    const std::int64_t maxMs = in.integer("max_ms", 0);
    in.finish();
    return DurationHistogram::fromParts(std::move(buckets), Millis(maxMs));
}

template <std::size_t N> Json countsJson(const std::array<int, N>& counts) {
    return Json(std::vector<int>(counts.begin(), counts.end()));
}

template <std::size_t N> std::array<int, N> readCounts(StrictReader& in, const char* key) {
    const Json& array = in.array(key);
    if (array.size() != N) in.fail(key, "must hold " + std::to_string(N) + " counts");
    std::array<int, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        out[i] = static_cast<int>(in.item(key, array[i], 0, std::numeric_limits<int>::max()));
    }
    return out;
}

Json groupJson(const GroupStats& g) {
    Json j{{"issued", g.issued},
           {"served", g.served},
           {"no_show", g.noShow},
           {"transferred", g.transferred},
           {"cancelled", g.cancelled},
           {"wait", histogramJson(g.wait)},
           {"service", histogramJson(g.service)},
           {"ratings", countsJson(g.ratings)},
           {"automatic_ratings", g.automaticRatings},
           {"supplementary", g.supplementary},
           {"arrivals_by_hour", countsJson(g.arrivalsByHour)}};
    // Written only when there were some (day-close cancellations, leases), so the reports of halls without offline issuing (and
    // every report stored before leases existed) keep their shape.
    if (g.cancelledAtClose != 0) j["cancelled_at_close"] = g.cancelledAtClose;
    if (g.leasedNumbers != 0 || g.leasedIssued != 0) {
        j["leased_numbers"] = g.leasedNumbers;
        j["leased_issued"] = g.leasedIssued;
    }
    return j;
}

GroupStats readGroup(const Json& json, const std::string& context) {
    StrictReader in(json, context);
    GroupStats g;
    g.issued = in.int32("issued", 0);
    g.served = in.int32("served", 0);
    g.noShow = in.int32("no_show", 0);
    g.transferred = in.int32("transferred", 0);
    g.cancelled = in.int32("cancelled", 0);
    g.wait = readHistogram(in.object("wait"), context + ", wait");
    g.service = readHistogram(in.object("service"), context + ", service");
    g.ratings = readCounts<kRatingLevels>(in, "ratings");
    g.automaticRatings = in.int32("automatic_ratings", 0);
    // Absent in reports stored before 追评 were counted apart (they counted one as a rating).
    if (in.has("supplementary")) g.supplementary = in.int32("supplementary", 0);
    g.arrivalsByHour = readCounts<24>(in, "arrivals_by_hour");
    if (in.has("cancelled_at_close")) g.cancelledAtClose = in.int32("cancelled_at_close", 0);
    if (in.has("leased_numbers")) g.leasedNumbers = in.int32("leased_numbers", 0);
    if (in.has("leased_issued")) g.leasedIssued = in.int32("leased_issued", 0);
    in.finish();
    return g;
}

int windowKey(const std::string& key, const std::string& context) {
    int number = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), number);
    if (key.empty() || ec != std::errc{} || end != key.data() + key.size()) {
        throwMalformed(context, "window key \"" + key + "\" is not a number");
    }
    return number;
}

DayStatistics readReport(const Json& json, const std::string& context) {
    StrictReader in(json, context);
    DayStatistics report;
    report.day = readDay(in, "day");
    const std::string dayContext = context + " " + formatDay(report.day);
    report.hall = readGroup(in.object("hall"), dayContext + ", hall");
    for (const auto& [id, g] : in.object("services").items()) {
        report.byService.emplace(id, readGroup(g, dayContext + ", service " + id));
    }
    for (const auto& [key, g] : in.object("windows").items()) {
        const bool added =
            report.byWindow
                .emplace(windowKey(key, dayContext), readGroup(g, dayContext + ", window " + key))
                .second;
        if (!added) throwMalformed(dayContext, "window " + key + " appears twice");
    }
    for (const auto& [id, g] : in.object("staff").items()) {
        report.byStaff.emplace(id, readGroup(g, dayContext + ", staff " + id));
    }
    in.finish();
    return report;
}

} // namespace

std::string encodeReport(const DayStatistics& report) {
    Json services = Json::object();
    for (const auto& [id, g] : report.byService)
        services[id] = groupJson(g);
    Json windows = Json::object();
    for (const auto& [number, g] : report.byWindow)
        windows[std::to_string(number)] = groupJson(g);
    Json staff = Json::object();
    for (const auto& [id, g] : report.byStaff)
        staff[id] = groupJson(g);
    const Json json{{"day", dayJson(report.day)},
                    {"hall", groupJson(report.hall)},
                    {"services", std::move(services)},
                    {"windows", std::move(windows)},
                    {"staff", std::move(staff)}};
    return dumpJson(json, "daily report " + formatDay(report.day));
}

DayStatistics decodeReport(std::string_view text) {
    const std::string context = "daily report";
    const Json json = parseJson(text, context);
    return readStrictly([&] { return readReport(json, context); });
}

} // namespace hall::store
