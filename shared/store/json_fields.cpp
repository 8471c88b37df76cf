#include "store/json_fields.h"

#include "store/durable_engine.h"

#include <charconv>
#include <limits>

namespace hall::store {

void throwMalformed(const std::string& context, const std::string& detail) {
    throw StoreError("malformed " + context + ": " + detail);
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

std::int64_t jsonInteger(const Json& value, const std::string& context) {
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            throwMalformed(context, "integer out of range");
        }
        return static_cast<std::int64_t>(v);
    }
    if (!value.is_number_integer()) throwMalformed(context, "expected an integer");
    return value.get<std::int64_t>();
}

ObjectReader::ObjectReader(const Json& object, std::string context)
    : object_(object), context_(std::move(context)) {
    if (!object_.is_object()) throwMalformed(context_, "expected a JSON object");
}

void ObjectReader::fail(const char* key, const std::string& detail) const {
    throwMalformed(context_, std::string("field \"") + key + "\": " + detail);
}

const Json& ObjectReader::value(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end()) fail(key, "missing");
    read_.insert(key);
    return *it;
}

bool ObjectReader::has(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end()) return false;
    read_.insert(key);
    return !it->is_null();
}

std::int64_t ObjectReader::integer(const char* key) {
    const Json& v = value(key);
    if (!v.is_number_integer()) fail(key, "expected an integer");
    return jsonInteger(v, context_ + ", field \"" + key + "\"");
}

int ObjectReader::int32(const char* key) {
    const auto v = integer(key);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
        fail(key, "integer out of range");
    }
    return static_cast<int>(v);
}

int ObjectReader::nonNegative(const char* key) {
    const int v = int32(key);
    if (v < 0) fail(key, "must not be negative");
    return v;
}

std::uint64_t ObjectReader::unsignedInteger(const char* key) {
    const Json& v = value(key);
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer()) fail(key, "must not be negative");
    fail(key, "expected an unsigned integer");
}

bool ObjectReader::boolean(const char* key) {
    const Json& v = value(key);
    if (!v.is_boolean()) fail(key, "expected true or false");
    return v.get<bool>();
}

std::string ObjectReader::text(const char* key) {
    const Json& v = value(key);
    if (!v.is_string()) fail(key, "expected a string");
    return v.get<std::string>();
}

core::BusinessDay ObjectReader::day(const char* key) {
    return parseDay(text(key), context_ + ", field \"" + key + "\"");
}

core::Timestamp ObjectReader::instant(const char* key) {
    return fromMillis(integer(key));
}

std::vector<std::string> ObjectReader::texts(const char* key) {
    const Json& v = array(key);
    std::vector<std::string> out;
    out.reserve(v.size());
    for (const Json& item : v) {
        if (!item.is_string()) fail(key, "expected an array of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::vector<std::int64_t> ObjectReader::integers(const char* key) {
    const Json& v = array(key);
    std::vector<std::int64_t> out;
    out.reserve(v.size());
    for (const Json& item : v)
        out.push_back(jsonInteger(item, context_ + ", field \"" + key + "\""));
    return out;
}

const Json& ObjectReader::object(const char* key) {
    const Json& v = value(key);
    if (!v.is_object()) fail(key, "expected an object");
    return v;
}

const Json& ObjectReader::array(const char* key) {
    const Json& v = value(key);
    if (!v.is_array()) fail(key, "expected an array");
    return v;
}

void ObjectReader::finish() const {
    for (const auto& [key, v] : object_.items()) {
        if (read_.find(key) == read_.end()) {
            throwMalformed(context_, "unknown field \"" + key + "\"");
        }
    }
}

} // namespace hall::store
