#pragma once
// Engine events as journal rows. A row holds the event's kind (core::eventName, stable), its
// instant (integer ms since the epoch, UTC) and its body as a JSON object whose fields are the
// snake_case names of the struct's fields: days as "YYYY-MM-DD", instants as integer ms, enums by
// their stable names (rating levels by number 1–5), optional fields omitted when absent.
//
//   kind "ticket_called", payload {"by_number":false,"routing_credit":[3,-2],"silent":false,
//                                  "staff_id":"s01","ticket":17,"window":3}

#include "shared/core/events.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hall::store {

struct EncodedEvent {
    std::string kind;
    std::int64_t atMs = 0;
    std::string payload;
};

// Throws StoreError when a text field is not valid UTF-8 (it could not be stored faithfully).
EncodedEvent encodeEvent(const core::Event& event);
// Throws StoreError on an unknown kind or a malformed payload (missing or extra field, wrong
// type, out-of-range value, unknown enum name).
core::Event decodeEvent(std::string_view kind, std::int64_t atMs, std::string_view payload);

} // namespace hall::store
