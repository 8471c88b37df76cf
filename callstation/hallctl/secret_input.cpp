#include "callstation/hallctl/secret_input.h"

#include "callstation/hallctl/failure.h"

#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace hall::hallctl {

bool stdinIsTerminal() {
    return isatty(STDIN_FILENO) == 1;
}

std::string readHiddenLine(std::string_view prompt) {
    termios saved{};
    const bool hidden = stdinIsTerminal() && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hidden) {
        // Quiet before the prompt: whatever is typed once the prompt shows is not echoed.
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        std::cerr << prompt << std::flush;
    }
    std::string line;
    std::getline(std::cin, line);
    if (hidden) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << '\n'; // the Enter typed was not echoed either
    }
    const auto first = line.find_first_not_of(" \t\r");
    std::string trimmed;
    if (first != std::string::npos)
        trimmed = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
    wipe(line);
    return trimmed;
}

std::string readIdNumber(std::string_view source) {
    std::string number = readHiddenLine("ID number (not shown): ");
    if (number.empty())
        throw Failure(ExitCode::Usage, std::string(source) + ": no ID number on standard input");
    return number;
}

void wipe(std::string& secret) {
    // Through a volatile pointer, so the stores are not optimised away before the free.
    volatile char* p = secret.data();
    for (std::size_t i = 0; i < secret.size(); ++i)
        p[i] = '\0';
}

void wipe(nlohmann::ordered_json& body, const char* key) {
    const auto it = body.find(key);
    if (it != body.end() && it->is_string()) wipe(it->get_ref<std::string&>());
}

} // namespace hall::hallctl
