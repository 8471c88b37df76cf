#pragma once
// A board that falls behind the hall (a burst of calls, a slow voice) catches up by keeping
// only the newest call of each window, in the order they came: an older call of a window is
// stale once that window has called again. The pop-up and the voice collapse the same way.

#include "shared/protocol/messages.h"

#include <algorithm>
#include <deque>

namespace hall::callstation {

inline void keepNewestPerWindow(std::deque<protocol::Call>& calls) {
    std::deque<protocol::Call> kept;
    for (auto it = calls.rbegin(); it != calls.rend(); ++it) {
        const bool newer = std::any_of(kept.begin(), kept.end(),
                                       [&](const auto& c) { return c.window == it->window; });
        if (!newer) kept.push_front(*it);
    }
    calls = std::move(kept);
}

} // namespace hall::callstation
