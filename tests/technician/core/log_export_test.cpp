#include "tests/technician/core/fake_clock.h"
#include "shared/technician/log_export.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>

using namespace hall::technician;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p) << text;
}

std::string readAll(const fs::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST_CASE("log files are copied into a new folder named after the terminal and the time") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    fs::create_directories(dir.file("logs/archive"));
    write(dir.file("logs/kiosk.log"), "today\n");
    write(dir.file("logs/kiosk.log.1"), "yesterday\n");
    fs::create_directory(dir.file("usb"));

    const auto r = exportLogFiles(dir.file("logs"), dir.file("usb"), "大厅 kiosk/1", clock.now());
    REQUIRE(r.ok);
    CHECK(r.folder == dir.file("usb") / "hall-logs-_kiosk_1-20261123-090000Z");
    CHECK(readAll(r.folder / "kiosk.log") == "today\n");
    CHECK(readAll(r.folder / "kiosk.log.1") == "yesterday\n");
    CHECK_FALSE(fs::exists(r.folder / "archive")); // only the files of the log folder itself
    CHECK(r.message == "2 log file(s) to " + r.folder.string());

    // The same second again: refused, nothing overwritten.
    write(dir.file("logs/kiosk.log"), "changed\n");
    const auto again =
        exportLogFiles(dir.file("logs"), dir.file("usb"), "大厅 kiosk/1", clock.now());
    CHECK_FALSE(again.ok);
    CHECK(readAll(r.folder / "kiosk.log") == "today\n");
}

TEST_CASE("log export refuses what it cannot do and leaves nothing behind") {
    hall::testing::TempDir dir;
    testing::FakeClock clock;
    fs::create_directory(dir.file("logs"));
    fs::create_directory(dir.file("usb"));
    CHECK(exportLogFiles(dir.file("logs"), dir.file("usb"), "k", clock.now()).message ==
          "there are no log files yet");
    write(dir.file("logs/kiosk.log"), "x\n");
    CHECK(exportLogFiles("", dir.file("usb"), "k", clock.now()).message ==
          "this app keeps no log files to export");
    CHECK(exportLogFiles(dir.file("logs"), "usb", "k", clock.now()).message ==
          "choose a folder (an absolute path) to export to");
    CHECK_FALSE(exportLogFiles(dir.file("logs"), dir.file("missing"), "k", clock.now()).ok);
    CHECK(fs::is_empty(dir.file("usb")));
}
