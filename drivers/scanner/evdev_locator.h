#pragma once
// Finding a keyboard-mode scanner's event node by its USB id, through sysfs. Event node numbers
// change with every plug and boot; the USB vendor/product id does not.
//
// sysfs layout (the same under umockdev's emulated /sys):
//   <sysfs>/class/input/eventN → …/usbX/…/<hid>/input/inputM/eventN   (symlink)
//   …/input/inputM/name              "Honeywell … Scanner"
//   …/input/inputM/id/vendor         "0c2e"   (4 hex digits)
//   …/input/inputM/id/product        "0204"
//   …/input/inputM/capabilities/key  the device's key bitmap: space-separated hex words of
//                                    sizeof(long)*8 bits, most significant word first
// A scanner often has several input nodes (keyboard, consumer keys); only one whose key bitmap
// has the digit keys can type a code, and that is the one chosen.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hall::drivers::scanner {

struct EvdevNode {
    std::string devicePath; // /dev/input/eventN
    std::string name;       // the input device's name, for the technician
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;
    bool typesDigits = false; // its key bitmap has KEY_1 … KEY_0
};

// Every event node under <sysfsRoot>/class/input, ordered by node number. Nodes whose sysfs
// entries cannot be read are left out.
std::vector<EvdevNode> listEvdevNodes(const std::filesystem::path& sysfsRoot);

// Does the capabilities/key text have this key's bit set?
bool keyBitmapHas(const std::string& bitmapText, unsigned key);

} // namespace hall::drivers::scanner
