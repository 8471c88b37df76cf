#include "shared/store/json_fields.h"

#include "shared/store/durable_engine.h"

#include <charconv>

namespace hall::store {

void throwMalformed(const std::string& context, const std::string& detail) {
    throw StoreError("malformed " + context + ": " + detail);
}

void throwMalformed(const json::FieldError& error) {
    throw StoreError(std::string("malformed ") + error.what());
}

std::string dumpJson(const Json& value, const std::string& context) {
    try {
        return value.dump();
    } catch (const Json::type_error& e) {
        throw StoreError("cannot store " + context + ": " + e.what());
    }
}

Json parseJson(std::string_view text, const std::string& context) {
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& e) {
        throwMalformed(context, e.what());
    }
}

Json dayJson(core::BusinessDay day) {
    return core::formatDay(day);
}

core::BusinessDay parseDay(std::string_view text, const std::string& context) {
    // Exactly YYYY-MM-DD: the journal's day column is compared as text, so "2026-1-5" would sort
    // wrongly and must never be accepted.
    const auto digits = [&](std::size_t from, std::size_t count, int& out) {
        const char* first = text.data() + from;
        const auto [end, ec] = std::from_chars(first, first + count, out);
        return ec == std::errc{} && end == first + count && *first != '-' && *first != '+';
    };
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, y) ||
        !digits(5, 2, m) || !digits(8, 2, d)) {
        throwMalformed(context, "day \"" + std::string(text) + "\" is not YYYY-MM-DD");
    }
    const std::chrono::year_month_day ymd{std::chrono::year(y),
                                          std::chrono::month(static_cast<unsigned>(m)),
                                          std::chrono::day(static_cast<unsigned>(d))};
    if (!ymd.ok()) throwMalformed(context, "day \"" + std::string(text) + "\" does not exist");
    return std::chrono::sys_days(ymd);
}

core::BusinessDay readDay(StrictReader& in, const char* key) {
    return parseDay(in.text(key), in.context() + ", field \"" + key + "\"");
}

core::Timestamp readInstant(StrictReader& in, const char* key) {
    return fromMillis(in.integer(key));
}

} // namespace hall::store
