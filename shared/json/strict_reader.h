#pragma once
// Strict reading of one JSON object: every field must be present with the right type and range,
// and no unknown field may remain. Both the store (journal payloads, reports) and the terminal
// protocol (frames) read this way, because a field silently dropped or ignored means acting on
// something other than what was written or sent. A null is never "absent": it is a wrong type.
//
// Failures throw FieldError; each user turns it into its own error (StoreError, a bad_frame
// Error), so that the caller-specific checks stay with the caller.

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::json {

using Json = nlohmann::json;

// What is wrong, where: `context` names the object ("ticket_called event payload", "call_next"),
// `field` the member (empty when the object itself is wrong), `detail` reads after the field
// name ("must be an integer"). what() is `<context>: field "<field>": <detail>`.
class FieldError : public std::runtime_error {
public:
    FieldError(std::string context, std::string field, std::string detail);

    const std::string& context() const { return context_; }
    const std::string& field() const { return field_; }
    const std::string& detail() const { return detail_; }

private:
    std::string context_;
    std::string field_;
    std::string detail_;
};

class StrictReader {
public:
    static constexpr std::int64_t kMinInt64 = std::numeric_limits<std::int64_t>::min();
    static constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();
    static constexpr std::size_t kUnlimited = std::numeric_limits<std::size_t>::max();

    // Throws FieldError unless `object` is a JSON object. `maxTextBytes` bounds every string
    // read through text(), nonEmptyText() and texts().
    StrictReader(const Json& object, std::string context, std::size_t maxTextBytes = kUnlimited);

    // Present (with any value: a null is not absent, reading it fails as a wrong type). Marks
    // the field as read.
    bool has(const char* key);

    // Integers only: floats (3.0 included) are refused.
    std::int64_t integer(const char* key, std::int64_t min = kMinInt64,
                         std::int64_t max = kMaxInt64);
    int int32(const char* key, int min = std::numeric_limits<int>::min(),
              int max = std::numeric_limits<int>::max());
    std::uint64_t unsignedInteger(const char* key, std::uint64_t min = 0);
    bool boolean(const char* key);
    std::string text(const char* key);         // may be empty
    std::string nonEmptyText(const char* key); // at least one byte
    std::vector<std::string> texts(const char* key, std::size_t maxItems = kUnlimited);
    std::vector<std::int64_t> integers(const char* key, std::int64_t min = kMinInt64,
                                       std::int64_t max = kMaxInt64);
    const Json& object(const char* key);
    const Json& array(const char* key);

    // An integer element of the array read from `key` (errors name that field).
    std::int64_t item(const char* key, const Json& element, std::int64_t min = kMinInt64,
                      std::int64_t max = kMaxInt64) const;

    // Every key of the object must have been read.
    void finish() const;

    const std::string& context() const { return context_; }
    std::string subContext(const char* key) const { return context_ + "." + key; }
    [[noreturn]] void fail(const std::string& key, const std::string& detail) const;

private:
    const Json& value(const char* key);
    void checkLength(const char* key, const std::string& text) const;

    const Json& object_;
    std::string context_;
    std::size_t maxTextBytes_;
    std::set<std::string, std::less<>> read_;
};

} // namespace hall::json
