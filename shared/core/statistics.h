#pragma once
// Per business day × service / window / staff: counts, wait and service times, satisfaction and
// the hourly arrival curve. Durations are kept as mergeable histograms so that reports over a
// range of days can combine days without keeping every sample.

#include "shared/core/evaluation.h"
#include "shared/core/time.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>

namespace hall::core {

// Durations in 10-second buckets (sparse). Percentiles are the bucket's upper edge capped at the
// exact maximum, so they are at most 10 s above the true value.
class DurationHistogram {
public:
    static constexpr std::int64_t kBucketSeconds = 10;

    void add(Millis d);
    void merge(const DurationHistogram& other);
    int count() const { return count_; }
    Millis max() const { return max_; }
    Millis percentile(double p) const; // p in [0, 1]; zero when empty
    const std::map<std::int64_t, int>& buckets() const { return buckets_; }
    // Rebuilds from stored parts (the store's report codec).
    static DurationHistogram fromParts(std::map<std::int64_t, int> buckets, Millis max);

    bool operator==(const DurationHistogram&) const = default;

private:
    std::map<std::int64_t, int> buckets_;
    int count_ = 0;
    Millis max_{0};
};

struct GroupStats {
    int issued = 0;
    int served = 0;
    int noShow = 0;
    int transferred = 0;
    int cancelled = 0;
    // Of `cancelled`: tickets still waiting (or called and not come) when the day closed, cancelled
    // by the close itself — citizens who took a number and went home unserved (当日未办结).
    int cancelledAtClose = 0;
    DurationHistogram wait;    // from issue (or transfer) to the first call of that visit
    DurationHistogram service; // from start of service (or the call) to finish
    // Visits rated, each once, by its latest level (index: level - 1): a supplementary rating
    // (追评) moves its visit to the new level and is counted in `supplementary`, not as a visit.
    std::array<int, kRatingLevels> ratings{};
    int automaticRatings = 0; // of those visits, first rated by the unrated policy
    int supplementary = 0;    // of those visits, the ones that took a 追评
    // Numbers reserved by leases for offline issuing, and of those the ones issued (their
    // tickets count in `issued` too); the difference are numbers never handed out.
    int leasedNumbers = 0;
    int leasedIssued = 0;
    std::array<int, 24> arrivalsByHour{}; // tickets issued per local hour (hall and services)

    int ratedCount() const;                // visits rated
    int badRatings() const;                // 不满意 + 非常不满意, by latest level
    double share(RatingLevel level) const; // of the visits rated; 0 when none
    double satisfaction() const;           // share of 满意 + 非常满意; 0 when none
    // A visit's first rating, and a 追评 taking it from `from` to `to` (the visit counts once).
    void addRating(RatingLevel level, bool automatic);
    void supplementRating(RatingLevel from, RatingLevel to);
    void merge(const GroupStats& other);

    bool operator==(const GroupStats&) const = default;
};

struct DayStatistics {
    BusinessDay day{};
    GroupStats hall;
    std::map<std::string, GroupStats> byService;
    std::map<int, GroupStats> byWindow;
    std::map<std::string, GroupStats> byStaff;

    void merge(const DayStatistics& other); // for reports over several days

    bool operator==(const DayStatistics&) const = default;
};

} // namespace hall::core
