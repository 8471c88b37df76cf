#pragma once
// Waiting on a file descriptor the way every blocking call in the drivers must: bounded by a
// timeout and ended at once by a stop request (DeviceWorker::stop). The stop request writes to
// an eventfd that poll() watches next to the device's descriptor.

#include <chrono>
#include <stop_token>

namespace hall::drivers::scanner {

enum class WaitResult {
    Ready, // readable, or an error / hang-up is pending (the next read reports it)
    Timeout,
    Stopped,
};

WaitResult waitReadable(int fd, std::chrono::milliseconds timeout, std::stop_token stop);

} // namespace hall::drivers::scanner
