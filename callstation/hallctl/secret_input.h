#pragma once
// Secrets hallctl is given — a citizen's or a staff member's ID number, a staff PIN — come from
// standard input, never from the command line, where ps and the shell's history would show them.
// From a terminal they are asked for on stderr and not echoed, so they are not left on the screen
// either; from a pipe they are one line. hallctl never prints them.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hall::hallctl {

// Whether standard input is a terminal (someone typing) rather than a pipe or a file.
bool stdinIsTerminal();

// One line of standard input without the blanks around it (a line typed on Windows ends in \r),
// "" when there is none. From a terminal `prompt` is written to stderr first and the line is not
// echoed.
std::string readHiddenLine(std::string_view prompt);

// An ID number as one line (the controller judges whether it is one). An empty line throws
// Failure(Usage) "<source>: no ID number on standard input", so nothing is sent.
std::string readIdNumber(std::string_view source);

// Overwrites a secret before it is freed: best effort, as the controller does (copies made on the
// way, such as the request's serialised body, are not reached).
void wipe(std::string& secret);
// The same for a string member of a request body, when it is there.
void wipe(nlohmann::ordered_json& body, const char* key);

// Wipes a request body's secret member when it goes out of scope, however the request ended.
class WipeOnExit {
public:
    WipeOnExit(nlohmann::ordered_json& body, const char* key) : body_(body), key_(key) {}
    ~WipeOnExit() { wipe(body_, key_); }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

private:
    nlohmann::ordered_json& body_;
    const char* key_;
};

} // namespace hall::hallctl
