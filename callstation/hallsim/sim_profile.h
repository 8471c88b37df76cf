#pragma once
// The simulation model's parameters: when citizens come, how long services take, how citizens
// and clerks behave. Figures are plausible for a Chinese district service hall, not measured.

#include "shared/core/time.h"

#include <array>
#include <map>
#include <string>

namespace hall::sim {

struct ServiceProfile {
    // Service time is log-normal: half of the visits take less than the median; sigma is the
    // spread of the logarithm (0.5 puts 90 % of visits between 0.44× and 2.3× the median).
    double medianMinutes = 7.0;
    double sigma = 0.5;
};

struct SimProfile {
    int hallOpenMinute = 8 * 60 + 30; // local; staff sign in around this time
    int hallCloseMinute = 18 * 60;    // windows still serving the queue may work past it

    std::map<std::string, ServiceProfile> services; // by service id
    ServiceProfile defaultService;

    // Demand as a share of what the windows can serve in the opening hours (averaged over the
    // day; the morning and afternoon peaks go above it, so queues build and drain).
    double utilisation = 0.92;
    // Per-visit overhead on top of the service time: the walk to the window, the clerk's
    // preparation between citizens. Used to estimate capacity.
    double overheadMinutes = 1.2;
    // Where a daily quota is below that demand, a little more than the quota comes, so the last
    // citizens of the day hear "号源已取完".
    double quotaDemand = 1.1;

    // Tickets.
    double greenChannelShare = 0.05; // elderly, disabled, pregnant, military
    double appointmentShare = 0.08;  // booked online, arrives shortly before the slot
    double keyedShare = 0.7;         // swiped an ID card at the machine (a person key exists)
    double retryShare = 0.04;        // of keyed citizens: try for a second ticket, refused

    // Citizens when called.
    double neverComesShare = 0.03; // took a ticket and left
    double lateShare = 0.06;       // stepped out; back after 3–15 minutes
    double impatientShare = 0.04;  // gives up (cancels) if still waiting after 10–30 minutes
    int recallsBeforeNoShow = 2;
    int recallIntervalSeconds = 60;

    // Clerks.
    double transferShare = 0.03;     // sent on to another service partway through
    double mistakenCallShare = 0.01; // call undone a few seconds later

    // Ratings (好差评): the share of served citizens who rate, and the level mix, index
    // level - 1 (非常不满意 … 非常满意).
    double ratingShare = 0.8;
    std::array<double, 5> ratingMix{0.01, 0.025, 0.065, 0.2, 0.7};
    double badRatingCommentShare = 0.6;

    const ServiceProfile& service(const std::string& id) const;

    // The profile the demo uses: service times for the demo hall's services, defaults for any
    // other hall.
    static SimProfile standard();
};

// Relative arrival intensity at a local minute of the day (1.0 = the day's average while the
// hall issues): opening rush, a late-morning peak, a lunch lull, an afternoon peak, and a few
// stragglers after closing. Zero outside 08:00–17:30.
double arrivalIntensity(int minuteOfDay);

} // namespace hall::sim
