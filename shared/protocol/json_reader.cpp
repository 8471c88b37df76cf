#include "protocol/json_reader.h"

#include <limits>

namespace hall::protocol::detail {

void reject(ProtocolError code, std::string message) {
    throw Rejected{protocolError(code, std::move(message))};
}

std::string dump(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Reader::Reader(const Json& object, std::string context)
    : object_(object), context_(std::move(context)) {
    if (!object_.is_object()) reject(ProtocolError::BadFrame, context_ + ": must be an object");
}

bool Reader::has(const char* key) const {
    return object_.find(key) != object_.end();
}

void Reader::fail(const char* key, const std::string& detail) const {
    reject(ProtocolError::BadFrame, context_ + ": field '" + key + "' " + detail);
}

const Json& Reader::value(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end()) fail(key, "is missing");
    read_.emplace(key);
    return *it;
}

std::int64_t integerValue(const Json& v, std::int64_t min, std::int64_t max,
                          const std::string& context) {
    // nlohmann keeps integers that do not fit int64 as unsigned; floats (3.0 included) are not
    // integers on this protocol.
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u <= static_cast<std::uint64_t>(max) && static_cast<std::int64_t>(u) >= min)
            return static_cast<std::int64_t>(u);
    } else if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        if (i >= min && i <= max) return i;
    } else {
        reject(ProtocolError::BadFrame, context + " must be an integer");
    }
    reject(ProtocolError::BadFrame, context + " must be between " + std::to_string(min) +
                                        " and " + std::to_string(max));
}

std::int64_t Reader::integer(const char* key, std::int64_t min, std::int64_t max) {
    return integerValue(value(key), min, max, context_ + ": field '" + key + "'");
}

std::uint64_t Reader::unsignedInteger(const char* key, std::uint64_t min) {
    const Json& v = value(key);
    if (!v.is_number_integer()) fail(key, "must be an integer");
    if (v.is_number_unsigned() && v.get<std::uint64_t>() >= min) return v.get<std::uint64_t>();
    fail(key, "must be at least " + std::to_string(min));
}

int Reader::window(const char* key) {
    return static_cast<int>(integer(key, 1, 99999));
}

bool Reader::boolean(const char* key) {
    const Json& v = value(key);
    if (!v.is_boolean()) fail(key, "must be true or false");
    return v.get<bool>();
}

std::string Reader::text(const char* key) {
    const Json& v = value(key);
    if (!v.is_string()) fail(key, "must be a string");
    auto s = v.get<std::string>();
    if (s.size() > kMaxTextBytes)
        fail(key, "is longer than " + std::to_string(kMaxTextBytes) + " bytes");
    return s;
}

std::string Reader::nonEmptyText(const char* key) {
    auto s = text(key);
    if (s.empty()) fail(key, "must not be empty");
    return s;
}

const Json& Reader::array(const char* key) {
    const Json& v = value(key);
    if (!v.is_array()) fail(key, "must be an array");
    return v;
}

const Json& Reader::object(const char* key) {
    const Json& v = value(key);
    if (!v.is_object()) fail(key, "must be an object");
    return v;
}

std::vector<std::string> Reader::texts(const char* key, std::size_t maxItems) {
    const Json& a = array(key);
    if (a.size() > maxItems) fail(key, "has more than " + std::to_string(maxItems) + " items");
    std::vector<std::string> out;
    for (const auto& item : a) {
        if (!item.is_string() || item.get_ref<const std::string&>().size() > kMaxTextBytes)
            fail(key, "must hold strings of at most " + std::to_string(kMaxTextBytes) + " bytes");
        out.push_back(item.get<std::string>());
    }
    return out;
}

void Reader::finish() const {
    for (auto it = object_.begin(); it != object_.end(); ++it)
        if (!read_.contains(it.key()))
            // Cut so that a garbage key cannot make the message itself large.
            reject(ProtocolError::BadFrame,
                   context_ + ": unknown field '" + it.key().substr(0, 64) + "'");
}

} // namespace hall::protocol::detail
