#pragma once
// How the menu enrolls the terminal with the controller (docs/protocol.md `enroll`): the app
// implements this on its controller client. The one-time code is handed over and forgotten;
// it is never logged or audited.

#include <functional>
#include <string>

namespace hall::technician {

struct EnrollmentResult {
    bool ok = false;
    std::string message;    // English, shown to the technician: why it failed, or who we are now
    std::string deviceName; // on success: the identity the controller assigned
    std::string role;
};

class Enrollment {
public:
    virtual ~Enrollment() = default;
    // Starts enrolling and returns at once; `done` is called exactly once, from any thread.
    virtual void enroll(const std::string& code, std::function<void(EnrollmentResult)> done) = 0;
};

} // namespace hall::technician
