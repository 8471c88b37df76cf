#include "shared/protocol/window_sign.h"

namespace hall::protocol {

std::string_view signLookName(SignLook look) {
    switch (look) {
    case SignLook::Calling: return "calling";
    case SignLook::Serving: return "serving";
    case SignLook::Paused: return "paused";
    case SignLook::Open: return "open";
    case SignLook::Closed: return "closed";
    }
    return "closed";
}

WindowSign windowSign(const WindowView& view, std::string_view windowName, bool callFresh) {
    // A ticket at the window comes first: a window paused mid-service still serves it.
    if (view.current && view.current->state == core::TicketState::Called)
        return {SignLook::Calling, "请" + view.current->number + "号", "red", callFresh};
    if (view.current && view.current->state == core::TicketState::Serving)
        return {SignLook::Serving, view.current->number + " 办理中", "green", false};
    if (view.paused) return {SignLook::Paused, "暂停服务", "yellow", false};
    std::string name = std::to_string(view.number) + "号";
    name += windowName.empty() ? std::string("窗口") : " " + std::string(windowName);
    if (view.staffId.empty()) return {SignLook::Closed, std::move(name), "red", false};
    return {SignLook::Open, std::move(name), "green", false};
}

} // namespace hall::protocol
