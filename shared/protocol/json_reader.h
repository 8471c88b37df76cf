#pragma once
// Internal to the codec: strict reading of one JSON object of a frame. Every field must have the
// right type and range and no unknown field may remain, because a field silently ignored is a
// request the client believes was understood. Failures throw Rejected, which the public decoders
// turn into an Error: the exception never leaves the codec.

#include "protocol/messages.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hall::protocol::detail {

using Json = nlohmann::json;

struct Rejected {
    Error error;
};
[[noreturn]] void reject(ProtocolError code, std::string message);

// Compact dump; bytes that are not UTF-8 are replaced instead of throwing.
std::string dump(const Json& value);

class Reader {
public:
    // `context` names the object in messages ("call_next", "push call data.ticket").
    Reader(const Json& object, std::string context);

    bool has(const char* key) const; // present (a null is not absent: it is a wrong type)
    std::int64_t integer(const char* key, std::int64_t min, std::int64_t max);
    std::uint64_t unsignedInteger(const char* key, std::uint64_t min);
    int window(const char* key); // a window number: 1 … 99999
    bool boolean(const char* key);
    std::string text(const char* key);         // may be empty
    std::string nonEmptyText(const char* key); // 1 … kMaxTextBytes bytes
    std::vector<std::string> texts(const char* key, std::size_t maxItems);
    const Json& array(const char* key);
    const Json& object(const char* key);
    std::string subContext(const char* key) const { return context_ + "." + key; }

    // Every key of the object must have been read.
    void finish() const;
    [[noreturn]] void fail(const char* key, const std::string& detail) const;

private:
    const Json& value(const char* key);

    const Json& object_;
    std::string context_;
    std::set<std::string, std::less<>> read_;
};

// Range-checked integer from a value that is not an object member (array elements).
std::int64_t integerValue(const Json& value, std::int64_t min, std::int64_t max,
                          const std::string& context);

} // namespace hall::protocol::detail
