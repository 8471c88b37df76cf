#pragma once
// The real hallctl binary run as a child process, as a script on the queue host would run it.

#include "tests/hallctl/run_process.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hall::testing {

// Variables that would change hallctl's defaults; a test sets them explicitly or not at all.
inline const std::vector<std::string> kHallctlVariables{"HALLCTL_CREDENTIAL", "STATE_DIRECTORY",
                                                        "XDG_STATE_HOME"};

// hallctl ARGS… with nothing but what the test gives.
inline ProcessResult hallctlRaw(const std::vector<std::string>& args, const Environment& env = {}) {
    std::vector<std::string> all{HALLCTL_PATH};
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(all, env, kHallctlVariables);
}

// hallctl --data-dir DIR ARGS…: every other setting from the daemon's data directory.
inline ProcessResult hallctl(const std::filesystem::path& dataDir,
                             const std::vector<std::string>& args, const Environment& env = {}) {
    std::vector<std::string> all{"--data-dir", dataDir.string()};
    all.insert(all.end(), args.begin(), args.end());
    return hallctlRaw(all, env);
}

// The same with `input` as its standard input (bookings add --id-number-stdin).
inline ProcessResult hallctlWithInput(const std::filesystem::path& dataDir,
                                      const std::vector<std::string>& args,
                                      const std::string& input) {
    std::vector<std::string> all{HALLCTL_PATH, "--data-dir", dataDir.string()};
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(all, {}, kHallctlVariables, std::chrono::seconds(30), input);
}

// The same at a terminal: each prompt of `dialogue` answered once shown (staff set-pin).
inline ProcessResult
hallctlOnTerminal(const std::filesystem::path& dataDir, const std::vector<std::string>& args,
                  const std::vector<std::pair<std::string, std::string>>& dialogue) {
    std::vector<std::string> all{HALLCTL_PATH, "--data-dir", dataDir.string()};
    all.insert(all.end(), args.begin(), args.end());
    return runOnTerminal(all, dialogue, kHallctlVariables);
}

// What a failed check shows: how hallctl ended and what it said.
inline std::string describe(const ProcessResult& r) {
    return "exit " + std::to_string(r.exitCode) + (r.timedOut ? " (timed out)" : "") +
           "\nstdout: " + r.out + "\nstderr: " + r.err;
}

// stdout of a successful --json run, parsed (the test fails if either is not so).
inline nlohmann::json jsonOf(const ProcessResult& r) {
    REQUIRE_MESSAGE(r.exitCode == 0, describe(r));
    nlohmann::json parsed;
    REQUIRE_NOTHROW(parsed = nlohmann::json::parse(r.out));
    return parsed;
}

} // namespace hall::testing
