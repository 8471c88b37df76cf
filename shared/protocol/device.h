#pragma once
// Who is on the other end of a terminal connection: the role and binding an enrolled device was
// given by an admin. Names are part of the wire protocol (docs/protocol.md), so never renamed.

#include <optional>
#include <string>
#include <string_view>

namespace hall::protocol {

enum class Role { TicketMachine, Kiosk, WindowPad, CallBoard, LedBridge, Admin };

std::string_view roleName(Role role); // ticket_machine, kiosk, window_pad, call_board, …
std::optional<Role> roleFromName(std::string_view name);

struct DeviceIdentity {
    std::string device; // the name given at enrollment ("pad-07")
    Role role = Role::CallBoard;
    std::optional<int> window; // window pads: the one window they act for
    std::string zone;          // call boards: the zone whose calls they show
};

} // namespace hall::protocol
