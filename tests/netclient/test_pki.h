#pragma once
// Two independent hall PKIs for the whole test process: the hall the servers belong to, and
// another hall whose CA must not be trusted for the first one's server.

#include "callstation/controller/hall_pki.h"

#include "tests/support/temp_dir.h"

namespace hall::netclient::testing {

struct TestHall {
    hall::testing::TempDir dir{"netclient-pki"};
    controller::HallPki pki;
    explicit TestHall(const std::string& name)
        : pki(controller::ensureHallPki(dir.path(), name, {}, std::chrono::system_clock::now())) {}
};

inline const controller::HallPki& hallPki() {
    static const TestHall hall("Test hall");
    return hall.pki;
}

inline const controller::HallPki& otherHallPki() {
    static const TestHall hall("Other hall");
    return hall.pki;
}

// The CA clients of the test hall trust.
inline const std::string& hallCa() {
    return hallPki().caCertificatePem;
}

} // namespace hall::netclient::testing
