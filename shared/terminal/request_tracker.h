#pragma once
// Requests in flight on one connection, matched to their responses by id, each with a deadline.
// A deadline passing fails that request alone (the caller learns "timeout"); whether the link
// itself is dead is the connection's business (silence), not one slow answer's. Qt-free: the
// owner calls expire() from a timer.

#include "shared/protocol/messages.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hall::client {

using SteadyTime = std::chrono::steady_clock::time_point;

class RequestTracker {
public:
    using Handler = std::function<void(const protocol::Response&)>;

    // Registers `id`; false when that id is already in flight (ids must be unique).
    bool add(const std::string& id, protocol::RequestType type, SteadyTime deadline,
             Handler handler);
    // The handler registered for the response's id, removed from the tracker; nullopt for an id
    // not in flight (answered already, timed out, or never sent by this client).
    std::optional<Handler> take(const std::string& id);
    // Removes and returns the handlers whose deadline is ≤ now, each with a local "timeout"
    // refusal to call it with, oldest deadline first.
    std::vector<std::pair<Handler, protocol::Response>> expire(SteadyTime now);
    // Removes every request (the connection ended): each handler with a refusal of `code`.
    std::vector<std::pair<Handler, protocol::Response>> failAll(const std::string& code,
                                                                const std::string& message);

    std::size_t size() const { return pending_.size(); }
    bool contains(const std::string& id) const { return pending_.count(id) != 0; }
    std::optional<SteadyTime> nextDeadline() const;

private:
    struct Pending {
        protocol::RequestType type;
        SteadyTime deadline;
        Handler handler;
    };
    std::map<std::string, Pending> pending_;
};

// A refusal made by the client itself, not the server: the request did not get an answer.
// Codes: "timeout" (no answer in time), "offline" (no link to send on), "connection_lost" (the
// link ended while waiting), "outbox_full". They are never sent by the server, so a caller can
// tell "the controller said no" from "we do not know".
protocol::Response localRefusal(const std::string& id, protocol::RequestType type,
                                const std::string& code, const std::string& message);

} // namespace hall::client
