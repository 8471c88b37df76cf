#include "shared/terminal/request_tracker.h"

#include <algorithm>

namespace hall::client {

protocol::Response localRefusal(const std::string& id, protocol::RequestType type,
                                const std::string& code, const std::string& message) {
    protocol::Response response;
    response.id = id;
    response.type = type;
    response.outcome = protocol::Error{code, message};
    return response;
}

bool RequestTracker::add(const std::string& id, protocol::RequestType type, SteadyTime deadline,
                         Handler handler) {
    return pending_.emplace(id, Pending{type, deadline, std::move(handler)}).second;
}

std::optional<RequestTracker::Handler> RequestTracker::take(const std::string& id) {
    auto it = pending_.find(id);
    if (it == pending_.end()) return std::nullopt;
    Handler handler = std::move(it->second.handler);
    pending_.erase(it);
    return handler;
}

std::vector<std::pair<RequestTracker::Handler, protocol::Response>>
RequestTracker::expire(SteadyTime now) {
    std::vector<std::pair<SteadyTime, std::pair<Handler, protocol::Response>>> due;
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->second.deadline <= now) {
            due.push_back({it->second.deadline,
                           {std::move(it->second.handler),
                            localRefusal(it->first, it->second.type, "timeout",
                                         "no answer from the controller in time")}});
            it = pending_.erase(it);
        } else {
            ++it;
        }
    }
    std::stable_sort(due.begin(), due.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<Handler, protocol::Response>> out;
    for (auto& entry : due)
        out.push_back(std::move(entry.second));
    return out;
}

std::vector<std::pair<RequestTracker::Handler, protocol::Response>>
RequestTracker::failAll(const std::string& code, const std::string& message) {
    std::vector<std::pair<Handler, protocol::Response>> out;
    for (auto& [id, pending] : pending_)
        out.push_back({std::move(pending.handler), localRefusal(id, pending.type, code, message)});
    pending_.clear();
    return out;
}

std::optional<SteadyTime> RequestTracker::nextDeadline() const {
    std::optional<SteadyTime> next;
    for (const auto& [id, pending] : pending_)
        if (!next || pending.deadline < *next) next = pending.deadline;
    return next;
}

} // namespace hall::client
