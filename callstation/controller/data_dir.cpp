#include "callstation/controller/data_dir.h"

#include <cstdlib>

namespace hall::controller {

std::filesystem::path defaultDataDir() {
    if (const char* state = std::getenv("STATE_DIRECTORY"); state && *state) return state;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "callstationd";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local/state/callstationd";
}

} // namespace hall::controller
