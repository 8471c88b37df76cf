#pragma once
// Runs a program as a child process the way a shell script would — arguments, extra environment
// — and collects what it printed on stdout and stderr and how it exited, with a time limit so a
// hanging child fails the test instead of stopping the suite.

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hall::testing {

struct ProcessResult {
    int exitCode = -1; // the exit status; 128 + signal when killed
    std::string out;   // stdout
    std::string err;   // stderr
    bool timedOut = false;
};

using Environment = std::vector<std::pair<std::string, std::string>>;

// `args[0]` is the program's path. The child inherits this process's environment minus the
// variables in `cleared`, plus `env` (which wins). A child still running after `timeout` is
// killed (SIGKILL) and the result says so. Its standard input is `input` when given, else
// /dev/null.
ProcessResult runProcess(const std::vector<std::string>& args, const Environment& env = {},
                         const std::vector<std::string>& cleared = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(30),
                         const std::optional<std::string>& input = std::nullopt);

} // namespace hall::testing
