#include "shared/core/statistics.h"

#include <algorithm>
#include <cmath>

namespace hall::core {

namespace {
constexpr std::int64_t kBucketMillis = DurationHistogram::kBucketSeconds * 1000;
}

void DurationHistogram::add(Millis d) {
    if (d.count() < 0) d = Millis(0);
    ++buckets_[d.count() / kBucketMillis];
    ++count_;
    max_ = std::max(max_, d);
}

void DurationHistogram::merge(const DurationHistogram& other) {
    for (const auto& [bucket, n] : other.buckets_)
        buckets_[bucket] += n;
    count_ += other.count_;
    max_ = std::max(max_, other.max_);
}

Millis DurationHistogram::percentile(double p) const {
    if (count_ == 0) return Millis(0);
    // Nearest-rank: the smallest value with at least p of the samples at or below it.
    const auto rank = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil(p * static_cast<double>(count_))));
    std::int64_t seen = 0;
    for (const auto& [bucket, n] : buckets_) {
        seen += n;
        if (seen >= rank) return std::min(Millis((bucket + 1) * kBucketMillis), max_);
    }
    return max_;
}

DurationHistogram DurationHistogram::fromParts(std::map<std::int64_t, int> buckets, Millis max) {
    DurationHistogram h;
    for (const auto& [bucket, n] : buckets)
        h.count_ += n;
    h.buckets_ = std::move(buckets);
    h.max_ = max;
    return h;
}

int GroupStats::ratedCount() const {
    int n = 0;
    for (int r : ratings)
        n += r;
    return n;
}

int GroupStats::badRatings() const {
    return ratings[static_cast<int>(RatingLevel::Dissatisfied) - 1] +
           ratings[static_cast<int>(RatingLevel::VeryDissatisfied) - 1];
}

double GroupStats::share(RatingLevel level) const {
    const int total = ratedCount();
    return total == 0 ? 0.0 : static_cast<double>(ratings[static_cast<int>(level) - 1]) / total;
}

double GroupStats::satisfaction() const {
    const int total = ratedCount();
    const int satisfied = ratings[static_cast<int>(RatingLevel::Satisfied) - 1] +
                          ratings[static_cast<int>(RatingLevel::VerySatisfied) - 1];
    return total == 0 ? 0.0 : static_cast<double>(satisfied) / total;
}

void GroupStats::addRating(RatingLevel level, bool automatic) {
    ++ratings[static_cast<int>(level) - 1];
    if (automatic) ++automaticRatings;
}

void GroupStats::supplementRating(RatingLevel from, RatingLevel to) {
    --ratings[static_cast<int>(from) - 1];
    ++ratings[static_cast<int>(to) - 1];
    ++supplementary;
}

void GroupStats::merge(const GroupStats& o) {
    issued += o.issued;
    served += o.served;
    noShow += o.noShow;
    transferred += o.transferred;
    cancelled += o.cancelled;
    cancelledAtClose += o.cancelledAtClose;
    wait.merge(o.wait);
    service.merge(o.service);
    for (std::size_t i = 0; i < ratings.size(); ++i)
        ratings[i] += o.ratings[i];
    automaticRatings += o.automaticRatings;
    supplementary += o.supplementary;
    leasedNumbers += o.leasedNumbers;
    leasedIssued += o.leasedIssued;
    for (std::size_t i = 0; i < arrivalsByHour.size(); ++i)
        arrivalsByHour[i] += o.arrivalsByHour[i];
}

void DayStatistics::merge(const DayStatistics& o) {
    hall.merge(o.hall);
    for (const auto& [k, g] : o.byService)
        byService[k].merge(g);
    for (const auto& [k, g] : o.byWindow)
        byWindow[k].merge(g);
    for (const auto& [k, g] : o.byStaff)
        byStaff[k].merge(g);
}

} // namespace hall::core
