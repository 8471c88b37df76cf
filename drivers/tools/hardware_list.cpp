// hall-hardware: prints what the hardware table (drivers/base/hardware_table.cpp) generates.
//   hall-hardware udev [GROUP]   udev rules (packaging/udev/70-hall-terminals.rules, group "hall")
//   hall-hardware markdown       the supported-hardware list (docs/hardware.md)
// A test compares both files with this output, so the table, the rules and the docs never drift.

#include "drivers/base/registry.h"

#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
    const std::string_view what = argc > 1 ? argv[1] : "";
    if (what == "udev" && argc <= 3) {
        std::cout << hall::drivers::udevRules(argc == 3 ? argv[2] : "hall");
        return 0;
    }
    if (what == "markdown" && argc == 2) {
        std::cout << hall::drivers::hardwareListMarkdown();
        return 0;
    }
    std::cerr << "usage: hall-hardware udev [GROUP] | markdown\n";
    return 2;
}
