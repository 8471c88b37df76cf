#include "shared/protocol/json_reader.h"

namespace hall::protocol::detail {

void reject(ProtocolError code, std::string message) {
    throw Rejected{protocolError(code, std::move(message))};
}

Error badField(const json::FieldError& error) {
    // Quoted with ' like every other name in the codec's messages.
    std::string message = error.context() + ": ";
    if (!error.field().empty()) message += "field '" + error.field() + "' ";
    return protocolError(ProtocolError::BadFrame, message + error.detail());
}

std::string dump(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

int window(StrictReader& r, const char* key) {
    return r.int32(key, 1, 99999);
}

} // namespace hall::protocol::detail
