#include "shared/terminal/hall_state.h"

#include "shared/core/overloaded.h"

namespace hall::client {

void HallState::replace(protocol::Snapshot snapshot) {
    snapshot_ = std::move(snapshot);
    hasSnapshot_ = true;
}

void HallState::apply(const protocol::PushBody& body) {
    std::visit(core::Overloaded{
                   [&](const protocol::QueueState& queues) { snapshot_.queues = queues; },
                   [&](const protocol::WindowView& window) {
                       for (auto& held : snapshot_.windows)
                           if (held.number == window.number) {
                               held = window;
                               return;
                           }
                       snapshot_.windows.push_back(window);
                   },
                   [&](const protocol::Notice& notice) {
                       for (auto& held : snapshot_.notices)
                           if (held.id == notice.id) {
                               held = notice;
                               return;
                           }
                       snapshot_.notices.push_back(notice);
                   },
                   [&](const protocol::Snapshot& snapshot) { replace(snapshot); },
                   [](const protocol::Call&) {},
               },
               body);
}

} // namespace hall::client
