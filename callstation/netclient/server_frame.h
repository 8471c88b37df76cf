#pragma once
// A frame from the controller is either a response (to one of our requests, by id) or a push
// (numbered by seq). This tells them apart and decodes them, never throwing.

#include "shared/protocol/codec.h"
#include "shared/protocol/messages.h"

#include <string_view>
#include <variant>

namespace hall::netclient {

using ServerMessage = std::variant<protocol::Response, protocol::Push>;

// The error of an undecodable frame is the decoder's for the type the frame claims to be
// ("push" or "response"); a frame claiming neither is unknown_type.
protocol::DecodeResult<ServerMessage> decodeServerFrame(std::string_view frame);

} // namespace hall::netclient
