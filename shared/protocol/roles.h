#pragma once
// What each device role may ask (the roles table of docs/protocol.md).

#include "protocol/device.h"
#include "protocol/messages.h"

#include <optional>

namespace hall::protocol {

// Hello and enroll open a connection and are handled before a device is authenticated, so no
// authenticated role "sends" them: allowed() is false for both.
bool allowed(Role role, RequestType type);

// Refuses with `forbidden` a request the role may not send, or a window pad acting for a window
// other than its own (or a pad enrolled without a window). Checks only what the request itself
// shows; whether a rated ticket was served at the pad's window needs the engine's state.
std::optional<Error> authorize(const DeviceIdentity& device, const Request& request);

} // namespace hall::protocol
