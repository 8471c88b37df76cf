#include "shared/json/strict_reader.h"

namespace hall::json {

namespace {

std::string describe(const std::string& context, const std::string& field,
                     const std::string& detail) {
    if (field.empty()) return context + ": " + detail;
    return context + ": field \"" + field + "\": " + detail;
}

} // namespace

FieldError::FieldError(std::string context, std::string field, std::string detail)
    : std::runtime_error(describe(context, field, detail)), context_(std::move(context)),
      field_(std::move(field)), detail_(std::move(detail)) {}

StrictReader::StrictReader(const Json& object, std::string context, std::size_t maxTextBytes)
    : object_(object), context_(std::move(context)), maxTextBytes_(maxTextBytes) {
    if (!object_.is_object()) throw FieldError(context_, "", "must be an object");
}

void StrictReader::fail(const std::string& key, const std::string& detail) const {
    throw FieldError(context_, key, detail);
}

const Json& StrictReader::value(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end()) fail(key, "is missing");
    read_.emplace(key);
    return *it;
}

bool StrictReader::has(const char* key) {
    if (object_.find(key) == object_.end()) return false;
    read_.emplace(key);
    return true;
}

std::int64_t StrictReader::item(const char* key, const Json& v, std::int64_t min,
                                std::int64_t max) const {
    // nlohmann keeps integers that do not fit int64 as unsigned.
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u <= static_cast<std::uint64_t>(max) && static_cast<std::int64_t>(u) >= min)
            return static_cast<std::int64_t>(u);
    } else if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        if (i >= min && i <= max) return i;
    } else {
        fail(key, "must be an integer");
    }
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
}

std::int64_t StrictReader::integer(const char* key, std::int64_t min, std::int64_t max) {
    return item(key, value(key), min, max);
}

int StrictReader::int32(const char* key, int min, int max) {
    return static_cast<int>(integer(key, min, max));
}

std::uint64_t StrictReader::unsignedInteger(const char* key, std::uint64_t min) {
    const Json& v = value(key);
    if (!v.is_number_integer()) fail(key, "must be an integer");
    if (v.is_number_unsigned() && v.get<std::uint64_t>() >= min) return v.get<std::uint64_t>();
    fail(key, "must be at least " + std::to_string(min));
}

bool StrictReader::boolean(const char* key) {
    const Json& v = value(key);
    if (!v.is_boolean()) fail(key, "must be true or false");
    return v.get<bool>();
}

void StrictReader::checkLength(const char* key, const std::string& text) const {
    if (text.size() > maxTextBytes_)
        fail(key, "must hold at most " + std::to_string(maxTextBytes_) + " bytes of text");
}

std::string StrictReader::text(const char* key) {
    const Json& v = value(key);
    if (!v.is_string()) fail(key, "must be a string");
    checkLength(key, v.get_ref<const std::string&>());
    return v.get<std::string>();
}

std::string StrictReader::nonEmptyText(const char* key) {
    auto s = text(key);
    if (s.empty()) fail(key, "must not be empty");
    return s;
}

std::vector<std::string> StrictReader::texts(const char* key, std::size_t maxItems) {
    const Json& a = array(key);
    if (a.size() > maxItems) fail(key, "has more than " + std::to_string(maxItems) + " items");
    std::vector<std::string> out;
    out.reserve(a.size());
    for (const Json& element : a) {
        if (!element.is_string()) fail(key, "must hold only strings");
        checkLength(key, element.get_ref<const std::string&>());
        out.push_back(element.get<std::string>());
    }
    return out;
}

std::vector<std::int64_t> StrictReader::integers(const char* key, std::int64_t min,
                                                 std::int64_t max) {
    const Json& a = array(key);
    std::vector<std::int64_t> out;
    out.reserve(a.size());
    for (const Json& element : a)
        out.push_back(item(key, element, min, max));
    return out;
}

const Json& StrictReader::object(const char* key) {
    const Json& v = value(key);
    if (!v.is_object()) fail(key, "must be an object");
    return v;
}

const Json& StrictReader::array(const char* key) {
    const Json& v = value(key);
    if (!v.is_array()) fail(key, "must be an array");
    return v;
}

void StrictReader::finish() const {
    for (auto it = object_.begin(); it != object_.end(); ++it)
        if (!read_.contains(it.key()))
            // Cut so that a garbage key cannot make the message itself large.
            fail(it.key().substr(0, 64), "is not a known field");
}

} // namespace hall::json
