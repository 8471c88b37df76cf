// Finding the scanner's event node by USB id in a sysfs tree built like the kernel's.
#include "drivers/base/device_error.h"
#include "drivers/scanner/evdev_locator.h"
#include "drivers/scanner/hid_scan_source.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <linux/input-event-codes.h>

using namespace hall::drivers;
using namespace hall::drivers::scanner;

namespace {

// The key bitmap of a full keyboard, as the kernel prints it (from a real USB keyboard-mode
// scanner): digits and letters present.
constexpr const char* kKeyboardKeys =
    "1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe";
// A consumer-control node of the same scanner: mute and volume keys (113-115), no digits.
constexpr const char* kConsumerKeys = "e000000000000 0";

void write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text << "\n";
}

// <root>/devices/usb1/1-<port>/input/input<n>/event<n> and the class/input/event<n> link.
void addNode(const std::filesystem::path& root, unsigned n, const char* vendor, const char* product,
             const char* keys, const char* name) {
    const auto input = root / "devices" / "usb1" / ("1-" + std::to_string(n)) / "input" /
                       ("input" + std::to_string(n));
    write(input / "name", name);
    write(input / "id" / "vendor", vendor);
    write(input / "id" / "product", product);
    write(input / "capabilities" / "key", keys);
    const auto event = input / ("event" + std::to_string(n));
    std::filesystem::create_directories(event);
    std::filesystem::create_directories(root / "class" / "input");
    std::filesystem::create_directory_symlink(
        std::filesystem::relative(event, root / "class" / "input"),
        root / "class" / "input" / ("event" + std::to_string(n)));
}

} // namespace

TEST_CASE("key bitmap parsing, word by word from the least significant end") {
    CHECK(keyBitmapHas(kKeyboardKeys, KEY_1));
    CHECK(keyBitmapHas(kKeyboardKeys, KEY_0));
    CHECK(keyBitmapHas(kKeyboardKeys, KEY_ENTER));
    CHECK_FALSE(keyBitmapHas(kKeyboardKeys, KEY_RESERVED));
    CHECK(keyBitmapHas(kConsumerKeys, KEY_MUTE)); // 113: bit 49 of the second word
    CHECK(keyBitmapHas(kConsumerKeys, KEY_VOLUMEUP));
    CHECK_FALSE(keyBitmapHas(kConsumerKeys, KEY_1));
    CHECK_FALSE(keyBitmapHas("", KEY_1));
    CHECK_FALSE(keyBitmapHas("zz", KEY_1));
    CHECK_FALSE(keyBitmapHas("1", 5000));
}

TEST_CASE("nodes are listed in number order with their USB ids") {
    hall::testing::TempDir sys("sysfs");
    addNode(sys.path(), 12, "0c2e", "0204", kKeyboardKeys, "Honeywell scanner");
    addNode(sys.path(), 3, "046d", "c31c", kKeyboardKeys, "USB Keyboard");
    addNode(sys.path(), 4, "0c2e", "0204", kConsumerKeys, "Honeywell scanner Consumer Control");
    auto nodes = listEvdevNodes(sys.path());
    REQUIRE(nodes.size() == 3);
    CHECK(nodes[0].devicePath == "/dev/input/event3");
    CHECK(nodes[1].devicePath == "/dev/input/event4");
    CHECK(nodes[2].devicePath == "/dev/input/event12");
    CHECK(nodes[2].vendor == 0x0c2e);
    CHECK(nodes[2].product == 0x0204);
    CHECK(nodes[2].name == "Honeywell scanner");
    CHECK(nodes[2].typesDigits);
    CHECK_FALSE(nodes[1].typesDigits);
    CHECK(listEvdevNodes(sys.path() / "nowhere").empty());
}

TEST_CASE("resolving the scanner: by path, by USB id, by the hardware table") {
    hall::testing::TempDir sys("sysfs");
    addNode(sys.path(), 3, "046d", "c31c", kKeyboardKeys, "USB Keyboard"); // not a scanner
    addNode(sys.path(), 4, "0c2e", "0204", kConsumerKeys, "scanner consumer keys");
    addNode(sys.path(), 5, "0c2e", "0204", kKeyboardKeys, "scanner keyboard");

    CHECK(resolveEvdevNode({"/dev/input/by-id/usb-scanner-event-kbd", {}, {}}, sys.path()) ==
          "/dev/input/by-id/usb-scanner-event-kbd");
    // By id: the node that types digits, not the consumer-control one.
    CHECK(resolveEvdevNode({"", 0x0c2e, 0x0204}, sys.path()) == "/dev/input/event5");
    // The keyboard itself can be chosen by its id too.
    CHECK(resolveEvdevNode({"", 0x046d, 0xc31c}, sys.path()) == "/dev/input/event3");
    // Auto: only ids in scanner.hid's rows count; the keyboard is never taken for a scanner.
    CHECK(resolveEvdevNode({}, sys.path()) == "/dev/input/event5");

    try {
        resolveEvdevNode({"", 0x05e0, 0x1200}, sys.path());
        FAIL("found a scanner that is not there");
    } catch (const DeviceFailure& f) {
        CHECK(f.error().code == "not_found");
        CHECK(f.error().message.find("05e0:1200") != std::string::npos);
    }
    hall::testing::TempDir empty("sysfs");
    addNode(empty.path(), 3, "046d", "c31c", kKeyboardKeys, "USB Keyboard");
    CHECK_THROWS_AS(resolveEvdevNode({}, empty.path()), DeviceFailure);
}
