#pragma once
// Strict reading of the JSON objects the store writes (event payloads, daily reports): every
// field must be present with the right type and range, and no unknown field may remain, because
// silently dropping a field would replay a different state than the one that was acknowledged.
// The reading itself is json::StrictReader; what is particular to the store (days, instants,
// StoreError) is here.

#include "shared/core/time.h"

#include "shared/json/strict_reader.h"
#include <cstdint>
#include <string>
#include <string_view>

namespace hall::store {

using json::Json; // std::map objects: keys are sorted, so dump() is canonical
using json::StrictReader;

[[noreturn]] void throwMalformed(const std::string& context, const std::string& detail);
// The StoreError of a malformed row, keeping the context and field of `error`.
[[noreturn]] void throwMalformed(const json::FieldError& error);

// Runs `read` (which reads with StrictReader), turning a json::FieldError into a StoreError.
template <typename Read> auto readStrictly(Read&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const json::FieldError& e) {
        throwMalformed(e);
    }
}

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
core::BusinessDay readDay(StrictReader& in, const char* key);
core::Timestamp readInstant(StrictReader& in, const char* key); // integer milliseconds

} // namespace hall::store
