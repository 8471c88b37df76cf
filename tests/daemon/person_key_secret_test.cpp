// The hall's person-key secret: created once in the data directory (0600), handed in the hello
// result only to roles that identify people, the same after a restart, and a damaged file stops
// the daemon rather than being replaced (a new secret would change every person's key).

#include "callstation/controller/data_dir.h"
#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace hall;
using namespace hall::testing;

namespace {

namespace fs = std::filesystem;

std::string fileText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<std::string> helloSecret(const DaemonProcess& daemon, const std::string& name,
                                       const std::string& role, std::optional<int> window = {},
                                       const std::string& zone = {}) {
    auto connection = daemon.connect();
    const auto enrolled = connection.enroll(daemon.enrollmentCode(name, role, window, zone));
    return connection.hello(enrolled.credential).personKeySecret;
}

} // namespace

TEST_CASE("identifying terminals get the hall's person-key secret in hello, others do not") {
    TempDir dir("daemon-person-key");
    const fs::path file = dir.path() / controller::files::kPersonKeySecret;
    std::optional<std::string> kioskSecret;
    {
        DaemonProcess daemon(dir.path());
        const std::string stored = fileText(file);
        REQUIRE(stored.size() == 65);
        CHECK(stored.back() == '\n');
        CHECK((fs::status(file).permissions() & fs::perms::all) ==
              (fs::perms::owner_read | fs::perms::owner_write));

        kioskSecret = helloSecret(daemon, "kiosk-1", "kiosk");
        REQUIRE(kioskSecret);
        CHECK(*kioskSecret == stored.substr(0, 64));
        CHECK(helloSecret(daemon, "tm-1", "ticket_machine") == kioskSecret);
        CHECK(helloSecret(daemon, "pad-1", "window_pad", 1) == kioskSecret);
        CHECK_FALSE(helloSecret(daemon, "board-north", "call_board", {}, "north"));
        CHECK_FALSE(helloSecret(daemon, "led-1", "led_bridge"));
        CHECK_FALSE(helloSecret(daemon, "admin-1", "admin"));
        CHECK(daemon.terminate() == 0);
    }
    // A restart reads the same secret: the kiosk's person keys do not change.
    DaemonProcess again(dir.path());
    CHECK(helloSecret(again, "kiosk-2", "kiosk") == kioskSecret);
}

TEST_CASE("a damaged person-key secret file stops start-up and is left as it was") {
    TempDir dir("daemon-person-key-bad");
    const fs::path file = dir.path() / controller::files::kPersonKeySecret;
    fs::create_directories(dir.path());
    const std::string shortSecret = "0123456789abcdef\n";
    std::ofstream(file) << shortSecret;
    CHECK_THROWS_AS(DaemonProcess(dir.path()), ControllerStartError);
    CHECK(fileText(file) == shortSecret);
}
