// The hall's person-key secret reaches identifying terminals in the hello result: the client
// holds the controller's 32 bytes in memory, never in its data directory; a call board gets none.
#include "callstation/controller/data_dir.h"
#include "tests/client/controller/daemon_fixture.h"
#include "tests/support/qt_event_wait.h"

#include <QSignalSpy>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace client_test;
using namespace hall::testing;
using hall::client::ControllerClient;
namespace fs = std::filesystem;

namespace {

std::string fileText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("after hello a kiosk holds the hall's person-key secret in memory only") {
    DaemonHall hall;
    const std::string hex =
        fileText(hall.dir.path() / "controller" / hall::controller::files::kPersonKeySecret)
            .substr(0, 64);
    REQUIRE(hex.size() == 64);
    const QByteArray expected = QByteArray::fromHex(QByteArray::fromStdString(hex));
    REQUIRE(expected.size() == 32);

    auto kiosk = hall.client("kiosk");
    CHECK_FALSE(kiosk->personKeySecret());
    QSignalSpy arrived(kiosk.get(), &ControllerClient::personKeySecretChanged);
    kiosk->enroll(hall.code("kiosk-1", "kiosk"));
    REQUIRE(waitUntil([&] { return kiosk->online(); }, 15s));
    REQUIRE(kiosk->personKeySecret());
    CHECK(*kiosk->personKeySecret() == expected);
    CHECK(arrived.count() == 1);
    CHECK(kiosk->metaObject()->indexOfProperty("personKeySecret") == -1);

    // Nothing in the terminal's data directory holds it, as bytes or as hex.
    for (const auto& entry : fs::recursive_directory_iterator(hall.dir.path() / "kiosk")) {
        if (!entry.is_regular_file()) continue;
        const std::string content = fileText(entry.path());
        CAPTURE(entry.path().filename().string());
        CHECK(content.find(expected.toStdString()) == std::string::npos);
        CHECK(content.find(hex) == std::string::npos);
    }

    // A call board is not given the secret.
    auto board = hall.client("board");
    board->enroll(QString::fromStdString(
        hall.daemon.enrollmentCode("board-north", "call_board", std::nullopt, "north")));
    REQUIRE(waitUntil([&] { return board->online(); }, 15s));
    CHECK_FALSE(board->personKeySecret());
}
