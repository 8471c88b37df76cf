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

// The same with a terminal (a pseudo-terminal) as the child's standard input and standard error,
// as when someone runs it at a shell prompt; stdout stays a pipe. For each of `dialogue`'s pairs,
// once the terminal has shown the prompt (the pair's first) the answer (its second) is typed,
// with Enter. The result's `err` is everything the terminal showed, echo of what was typed
// included when the child left echo on (a newline shows as "\r\n"); `timedOut` also when a
// prompt never came.
ProcessResult runOnTerminal(const std::vector<std::string>& args,
                            const std::vector<std::pair<std::string, std::string>>& dialogue,
                            const std::vector<std::string>& cleared = {},
                            std::chrono::milliseconds timeout = std::chrono::seconds(30));

} // namespace hall::testing
