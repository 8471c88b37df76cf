#pragma once
// What a terminal knows of the hall: the last snapshot with every in-order push applied to it
// (docs/protocol.md, "Pushes"). Pushes are merged as the protocol defines them: a queue push
// replaces the whole queue state, a window push replaces that window, a notice push adds or
// replaces the notice of its id; a call changes nothing here (its window push follows). Qt-free.

#include "shared/protocol/messages.h"

namespace hall::client {

class HallState {
public:
    void replace(protocol::Snapshot snapshot);
    void apply(const protocol::PushBody& body);
    const protocol::Snapshot& snapshot() const { return snapshot_; }
    bool hasSnapshot() const { return hasSnapshot_; }

private:
    protocol::Snapshot snapshot_;
    bool hasSnapshot_ = false;
};

} // namespace hall::client
