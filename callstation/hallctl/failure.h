#pragma once
// How hallctl ends when a command cannot do what was asked: one line on stderr and an exit code
// a script can act on (docs/hallctl.md lists them).

#include <stdexcept>
#include <string>

namespace hall::hallctl {

enum class ExitCode : int {
    Ok = 0,
    Refused = 1,     // the hall said no: 4xx other than 401/403 (unknown service, window busy, …)
    Usage = 2,       // bad arguments; nothing was sent
    Unreachable = 3, // cannot connect, TLS, timeout, or the server failed (5xx)
    Auth = 4,        // no usable admin credential: missing file, 401 or 403
};

// Thrown by commands; main prints "hallctl: <message>" and exits with the code.
class Failure : public std::runtime_error {
public:
    Failure(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode code() const { return code_; }

private:
    ExitCode code_;
};

} // namespace hall::hallctl
