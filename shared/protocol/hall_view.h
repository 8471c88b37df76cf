#pragma once
// What terminals see of the hall, and the pushes that bring a terminal from one view to the next.
// The controller computes it on the engine's thread after every commit and hands it to the
// network thread, which keeps the latest view, answers snapshots from it and pushes the
// difference to every connected terminal; the terminals' mock backend does the same with its
// in-memory engine, so screens see exactly the pushes a real hall sends.

#include "shared/core/engine.h"
#include "shared/protocol/messages.h"

#include <vector>

namespace hall::protocol {

struct HallView {
    QueueState queues;
    std::vector<WindowView> windows; // in configuration order
    bool operator==(const HallView&) const = default;
};

HallView viewOf(const core::Engine& engine, core::Timestamp now);

// The calls that these events announce (call next, call by number, recall), each with its
// ticket as it is in `engine` now, in event order.
std::vector<Call> callsIn(const std::vector<core::Event>& events, const core::Engine& engine);

// The pushes that bring a terminal holding `before` to `after`: one queue push if any count or
// estimate changed, one window push per window that changed.
std::vector<PushBody> changesBetween(const HallView& before, const HallView& after);

} // namespace hall::protocol
