#include "callstation/netclient/server_frame.h"

#include <nlohmann/json.hpp>
#include <string>

namespace hall::netclient {

namespace {

// Only on the error path: which decoder's complaint fits the frame.
std::string claimedType(std::string_view frame) {
    const auto json = nlohmann::json::parse(frame.begin(), frame.end(), nullptr,
                                            /*allow_exceptions=*/false);
    if (!json.is_object()) return {};
    const auto type = json.find("type");
    return type != json.end() && type->is_string() ? type->get<std::string>() : std::string();
}

} // namespace

// GCC 12 warns that moving a push (whose ticket views hold optional instants) into the variant
// may read uninitialised storage: a known false positive of its variant/optional analysis.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
protocol::DecodeResult<ServerMessage> decodeServerFrame(std::string_view frame) {
    // Pushes are by far the most frequent frames, so the push decoder goes first; a response
    // costs a second parse (each decoder checks the envelope's type after parsing).
    auto push = protocol::decodePush(frame);
    if (push) return ServerMessage(std::move(push.value()));
    auto response = protocol::decodeResponse(frame);
    if (response) return ServerMessage(std::move(response.value()));

    const std::string type = claimedType(frame);
    if (type == "response") return {response.error(), response.requestId()};
    if (type == "push" || type.empty()) return push.error(); // incl. not JSON at all
    return protocol::protocolError(protocol::ProtocolError::UnknownType,
                                   "a frame of type '" + type.substr(0, 64) +
                                       "' is neither a response nor a push");
}
#pragma GCC diagnostic pop

} // namespace hall::netclient
