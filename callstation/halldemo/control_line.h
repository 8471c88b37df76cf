#pragma once
// The line protocol of devsim's and the apps' control sockets (`--control PATH`): one command,
// one answer line, "ok …" or "error <why>".

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hall::demo {

class ControlError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Sends `command` on a fresh connection and returns what follows "ok" (trimmed). Throws
// ControlError for an "error …" answer, no answer within `timeout` or no socket to connect to.
std::string askControl(const std::filesystem::path& socket, const std::string& command,
                       std::chrono::milliseconds timeout = std::chrono::seconds(15));

// Waits until `socket` accepts connections; false after `timeout`.
bool waitForControl(const std::filesystem::path& socket, std::chrono::milliseconds timeout);

} // namespace hall::demo
