#pragma once
// Strict reading of the JSON objects the store writes (event payloads, daily reports): every
// field must be present with the right type and range, and no unknown field may remain, because
// silently dropping a field would replay a different state than the one that was acknowledged.

#include "core/time.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hall::store {

using Json = nlohmann::json; // std::map objects: keys are sorted, so dump() is canonical

[[noreturn]] void throwMalformed(const std::string& context, const std::string& detail);

// Dumps compactly; text that is not valid UTF-8 becomes a StoreError instead of nlohmann's
// type_error, naming `context`.
std::string dumpJson(const Json& value, const std::string& context);
Json parseJson(std::string_view text, const std::string& context);

// Days are "YYYY-MM-DD" (the hall's local date), instants integer milliseconds since the epoch.
Json dayJson(core::BusinessDay day);
core::BusinessDay parseDay(std::string_view text, const std::string& context);
inline std::int64_t toMillis(core::Timestamp t) {
    return t.time_since_epoch().count();
}
inline core::Timestamp fromMillis(std::int64_t ms) {
    return core::Timestamp(core::Millis(ms));
}

class ObjectReader {
public:
    // `context` names the object in error messages ("ticket_called event payload").
    ObjectReader(const Json& object, std::string context);

    std::int64_t integer(const char* key);
    int int32(const char* key);
    int nonNegative(const char* key);
    std::uint64_t unsignedInteger(const char* key);
    bool boolean(const char* key);
    std::string text(const char* key);
    core::BusinessDay day(const char* key);
    core::Timestamp instant(const char* key); // integer milliseconds
    std::vector<std::string> texts(const char* key);
    std::vector<std::int64_t> integers(const char* key);
    const Json& object(const char* key);
    const Json& array(const char* key);
    // Optional fields are omitted when absent; a null counts as absent.
    bool has(const char* key);

    // Every key of the object must have been read.
    void finish() const;

    const std::string& context() const { return context_; }
    [[noreturn]] void fail(const char* key, const std::string& detail) const;

private:
    const Json& value(const char* key);

    const Json& object_;
    std::string context_;
    std::set<std::string, std::less<>> read_;
};

// Range-checked integers from a JSON value that is not an object member (array elements).
std::int64_t jsonInteger(const Json& value, const std::string& context);

} // namespace hall::store
