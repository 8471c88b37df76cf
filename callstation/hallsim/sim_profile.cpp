#include "callstation/hallsim/sim_profile.h"

namespace hall::sim {

const ServiceProfile& SimProfile::service(const std::string& id) const {
    auto it = services.find(id);
    return it == services.end() ? defaultService : it->second;
}

SimProfile SimProfile::standard() {
    SimProfile p;
    // Typical counter times: quick social-security and medical-insurance matters, longer
    // household and housing-fund cases, long real-estate registrations and company set-ups.
    p.services = {
        {"social_security", {5.5, 0.5}}, {"medical_insurance", {5.0, 0.5}},
        {"real_estate", {14.0, 0.45}},   {"business_startup", {18.0, 0.5}},
        {"housing_fund", {7.0, 0.5}},    {"household", {9.0, 0.5}},
    };
    return p;
}

double arrivalIntensity(int m) {
    // Half-hour steps, local time.
    struct Step {
        int from;
        double intensity;
    };
    static constexpr Step steps[] = {
        {8 * 60, 0.0},       // doors closed
        {8 * 60 + 20, 0.6},  // a few early birds while the doors open
        {8 * 60 + 30, 1.4},  // opening rush
        {9 * 60, 1.5},       //
        {10 * 60, 1.6},      // morning peak
        {11 * 60, 1.0},      //
        {11 * 60 + 30, 0.6}, //
        {12 * 60, 0.06},     // lunch: tickets are not issued, a few try anyway
        {13 * 60 + 20, 0.5}, // waiting at the door for 13:30
        {13 * 60 + 30, 1.1}, //
        {14 * 60, 1.3},      // afternoon peak
        {15 * 60, 1.2},      //
        {16 * 60, 0.8},      //
        {16 * 60 + 30, 0.5}, //
        {17 * 60, 0.08},     // stragglers after closing
        {17 * 60 + 30, 0.0}, //
    };
    double value = 0.0;
    for (const auto& s : steps)
        if (m >= s.from) value = s.intensity;
    return value;
}

} // namespace hall::sim
