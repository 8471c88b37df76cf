#pragma once
// What each device role may ask (the roles table of docs/protocol.md).

#include "shared/protocol/device.h"
#include "shared/protocol/messages.h"

#include <optional>

namespace hall::protocol {

// Hello and enroll open a connection and are handled before a device is authenticated, so no
// authenticated role "sends" them: allowed() is false for both.
bool allowed(Role role, RequestType type);

// Refuses with `forbidden` a request the role may not send, or a window pad acting for a window
// other than its own (or a pad enrolled without a window). Checks only what the request itself
// shows; whether a rated ticket was served at the pad's window needs the engine's state.
std::optional<Error> authorize(const DeviceIdentity& device, const Request& request);

// Roles whose terminals read ID cards and so compute person_key: ticket machines, kiosks and
// window pads. Only they receive the hall's person-key secret in the hello result; boards,
// LED bridges and admin tools never see it.
bool identifiesPeople(Role role);

} // namespace hall::protocol
