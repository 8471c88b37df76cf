#pragma once
// A keyboard-mode scanner's event node (/dev/input/eventN), opened for reading and grabbed.
//
// EVIOCGRAB makes this descriptor the only reader of the device: without it every code the
// scanner "types" would also reach the kiosk's UI (libinput / the compositor) as keystrokes,
// into whatever text field has focus. The grab ends when the descriptor is closed.
//
// The node delivers whole struct input_event records (24 bytes on 64-bit Linux). A device that
// is unplugged makes read() fail with ENODEV (and poll() report POLLERR/POLLHUP): that is
// reported as DeviceFailure "unplugged", like end of file (which a FIFO standing in for the
// node in tests gives when its writer goes away).

#include "drivers/scanner/key_decoder.h"

#include <chrono>
#include <cstddef>
#include <stop_token>
#include <string>
#include <vector>

namespace hall::drivers::scanner {

class EvdevInput {
public:
    // Throws DeviceFailure (Device category): not_found, permission_denied, grab_failed (another
    // program holds the grab), open_failed.
    EvdevInput(std::string path, bool grab);
    ~EvdevInput();
    EvdevInput(const EvdevInput&) = delete;
    EvdevInput& operator=(const EvdevInput&) = delete;

    // Waits at most timeout (a stop request ends the wait at once) and appends the events that
    // arrived. Returns how many were appended; 0 after a timeout or stop.
    std::size_t read(std::vector<InputEvent>& out, std::chrono::milliseconds timeout,
                     std::stop_token stop);
    const std::string& path() const { return path_; }

private:
    [[noreturn]] void lost(int err) const;

    std::string path_;
    int fd_ = -1;
    std::vector<unsigned char> carry_; // a partial record (only ever from a pipe, never evdev)
};

} // namespace hall::drivers::scanner
