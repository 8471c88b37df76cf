#include "callstation/hallsim/model_draws.h"

#include "callstation/hallsim/zh_text.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

namespace hall::sim {

namespace {

// Comments a dissatisfied citizen might leave; never personal data.
constexpr const char* kComments[] = {
    "排队时间太长了，希望多开几个窗口",
    "材料清单和窗口说的不一致，白跑了一趟",
    "工作人员态度冷淡，问了两遍才回答",
    "系统太慢，一直在等打印",
    "预约了还要等这么久",
};

} // namespace

core::Millis secondsBetween(std::mt19937_64& rng, int lo, int hi) {
    return std::chrono::duration_cast<core::Millis>(
        std::chrono::seconds(std::uniform_int_distribution<int>(lo, hi)(rng)));
}

bool chance(std::mt19937_64& rng, double p) {
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p;
}

core::Millis serviceTime(const SimProfile& profile, const std::string& serviceId,
                         std::mt19937_64& rng) {
    const auto& sp = profile.service(serviceId);
    std::lognormal_distribution<double> dist(std::log(sp.medianMinutes), sp.sigma);
    const double mins = std::clamp(dist(rng), 1.0, sp.medianMinutes * 6.0);
    return core::Millis(static_cast<std::int64_t>(mins * 60'000.0));
}

core::Rate citizenRating(core::TicketId id, const core::EvaluationPolicy& policy,
                         const SimProfile& profile, std::mt19937_64& rng) {
    std::discrete_distribution<int> mix(profile.ratingMix.begin(), profile.ratingMix.end());
    core::Rate command;
    command.ticket = id;
    command.level = static_cast<core::RatingLevel>(mix(rng) + 1);
    if (!core::isBadRating(command.level)) return command;
    // A bad rating must give a reason; a hall that configured none gets a neutral one instead.
    if (policy.reasons.empty()) {
        command.level = core::RatingLevel::Basic;
        return command;
    }
    std::vector<std::string> reasons = policy.reasons;
    std::shuffle(reasons.begin(), reasons.end(), rng);
    reasons.resize(std::min<std::size_t>(reasons.size(), chance(rng, 0.4) ? 2 : 1));
    command.reasons = reasons;
    if (chance(rng, profile.badRatingCommentShare)) {
        const std::string comment = kComments[std::uniform_int_distribution<std::size_t>(
            0, std::size(kComments) - 1)(rng)];
        if (codePoints(comment) <= static_cast<std::size_t>(policy.maxCommentLength))
            command.comment = comment;
    }
    return command;
}

} // namespace hall::sim
