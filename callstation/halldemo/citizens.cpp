#include "callstation/halldemo/citizens.h"

#include "callstation/hallsim/model_draws.h"

namespace hall::demo {

using std::chrono::minutes;

Citizens::Citizens(sim::SimProfile profile, std::uint64_t seed)
    : profile_(std::move(profile)), rng_(seed) {}

std::optional<core::Timestamp> Citizens::arrive(core::TicketId id, core::Timestamp now) {
    std::lock_guard lock(mutex_);
    Citizen c{now, false};
    if (sim::chance(rng_, profile_.neverComesShare))
        c.presentFrom = core::Timestamp::max();
    else if (sim::chance(rng_, profile_.lateShare))
        c.presentFrom = now + std::chrono::duration_cast<core::Millis>(
                                  minutes(std::uniform_int_distribution<int>(3, 15)(rng_)));
    c.rates = sim::chance(rng_, profile_.ratingShare);
    citizens_[id] = c;
    if (!sim::chance(rng_, profile_.impatientShare)) return std::nullopt;
    return now + std::chrono::duration_cast<core::Millis>(
                     minutes(std::uniform_int_distribution<int>(10, 30)(rng_)));
}

bool Citizens::presentAt(core::TicketId id, core::Timestamp now) const {
    std::lock_guard lock(mutex_);
    const auto it = citizens_.find(id);
    return it == citizens_.end() || it->second.presentFrom <= now;
}

bool Citizens::rates(core::TicketId id) const {
    std::lock_guard lock(mutex_);
    const auto it = citizens_.find(id);
    return it != citizens_.end() && it->second.rates;
}

} // namespace hall::demo
