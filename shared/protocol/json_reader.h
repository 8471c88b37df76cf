#pragma once
// Internal to the codec: strict reading of the JSON objects of a frame. Every field must have
// the right type and range and no unknown field may remain, because a field silently ignored is
// a request the client believes was understood. The reading is json::StrictReader (always built
// with kMaxTextBytes); its FieldError and the codec's own Rejected both become an Error in the
// public decoders: no exception leaves the codec.

#include "shared/protocol/messages.h"

#include "shared/json/strict_reader.h"
#include <string>

namespace hall::protocol::detail {

using json::Json;
using json::StrictReader;

struct Rejected {
    Error error;
};
[[noreturn]] void reject(ProtocolError code, std::string message);

// The bad_frame Error of a field that failed to read; the message names the field.
Error badField(const json::FieldError& error);

// Compact dump; bytes that are not UTF-8 are replaced instead of throwing.
std::string dump(const Json& value);

// A window number: 1 … 99999.
int window(StrictReader& r, const char* key);

} // namespace hall::protocol::detail
