// Information publishing end to end: files published through callstationd's REST API reach a
// real terminal's player (fetched over TLS with the device's credential, SHA-256 checked,
// cached), a file damaged on the controller is refused and the cached ones keep playing, an
// emergency message reaches the screen within a second, a bad schedule is refused with its
// field named, and with the controller stopped the player goes on from its cache. A video clip
// is checked by its bytes and reaches the player as a video.
#include "shared/protocol/signage.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/real_terminal.h"

#include <QBuffer>
#include <QImage>
#include <QProcess>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

using hall::testing::waitUntil;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

std::string pngBytes() {
    QImage image(64, 36, QImage::Format_RGB32);
    image.fill(QColor(11, 87, 164));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, "PNG"));
    return bytes.toStdString();
}

std::string add(hall::netclient::RestClient& api, const std::string& name, const std::string& type,
                const std::string& bytes) {
    const auto reply = api.post("/api/v1/content?name=" + name, bytes, type);
    REQUIRE_MESSAGE(reply.status == 200, reply.body);
    return json::parse(reply.body)["id"].get<std::string>();
}

std::string cachedHash(hall::client::SignagePlayer& player, const std::string& id) {
    const auto bytes = player.cache().read(id);
    return bytes ? hall::protocol::contentIdOf(*bytes) : std::string();
}

} // namespace

TEST_CASE("signage: published files play on a real terminal, checked, cached, and offline") {
    hall::testing::RealTerminal rig("callstation-signage");
    auto& daemon = rig.daemon;
    auto* client = rig.terminal->controller();
    REQUIRE(rig.terminal->technician()
                ->enroll(QString::fromStdString(
                    daemon.enrollmentCode("board-1", "call_board", {}, "north")))
                .isEmpty());
    REQUIRE(waitUntil([&] { return client->online(); }, 20s));
    auto* player = rig.terminal->signage();
    auto api = daemon.admin();

    const std::string png = pngBytes();
    const std::string image = add(api, "map", "image/png", png);
    const std::string slide = add(api, "hours", "text/plain", "周六上午 9:00–12:00 照常办理。");
    CHECK(image == hall::protocol::contentIdOf(png));
    // A file whose bytes are not its type is refused before it is kept.
    CHECK(api.post("/api/v1/content?name=fake", "not a png", "image/png").status == 400);
    // Uploads may be large (up to 16 MiB); other bodies may not.
    const std::string large = png.substr(0, 8) + std::string(3 * 1024 * 1024, 'x');
    CHECK(api.post("/api/v1/content?name=large", large, "image/png").status == 200);
    // Over the limit: answered 413 as soon as the header says so; what the client still sends
    // is read and dropped before the connection closes, so the client gets the 413 rather than a
    // reset. Nothing is kept; the daemon carries on.
    CHECK(api.post("/api/v1/content?name=huge", large + std::string(14 * 1024 * 1024, 'x'),
                   "image/png")
              .status == 413);
    CHECK(api.get("/api/v1/content").body.find("huge") == std::string::npos);
    CHECK(api.request(boost::beast::http::verb::put, "/api/v1/notices", std::string(100 * 1024, ' '))
              .status == 413);

    // A schedule that cannot hold is refused, naming the field; nothing changes.
    auto bad = api.request(boost::beast::http::verb::put, "/api/v1/playlist",
                           R"({"playlist":[{"content":")" + image +
                               R"(","seconds":5,"schedule":{"from":"12:00","to":"08:00"}}]})");
    CHECK(bad.status == 400);
    CHECK_MESSAGE(bad.body.find("playlist[0].schedule: field 'to'") != std::string::npos, bad.body);
    CHECK(json::parse(api.get("/api/v1/playlist").body)["playlist"].empty());

    // Published for the north zone's boards: the player fetches both, checks and keeps them.
    const auto put = api.request(boost::beast::http::verb::put, "/api/v1/playlist",
                                 R"({"playlist":[{"content":")" + image +
                                     R"(","seconds":3,"zones":["north"]},)"
                                     R"({"content":")" +
                                     slide + R"(","seconds":3,"roles":["call_board"]}]})");
    REQUIRE_MESSAGE(put.status == 200, put.body);
    REQUIRE(
        waitUntil([&] { return player->cache().has(image) && player->cache().has(slide); }, 10s));
    CHECK(cachedHash(*player, image) == image);
    CHECK(cachedHash(*player, slide) == slide);
    REQUIRE(waitUntil([&] { return !player->kind().isEmpty(); }, 5s));

    // A file damaged on the controller's disk is refused by the player; the others stay.
    const std::string third = add(api, "notice", "text/plain", "请保管好随身物品。");
    {
        std::ofstream(daemon.dataDir() / "content" / third, std::ios::trunc)
            << "请保管好随身物品？";
    }
    bool refused = false;
    QObject::connect(player, &hall::client::SignagePlayer::contentRefused,
                     [&](const QString& id) { refused = id.toStdString() == third; });
    REQUIRE(api.request(boost::beast::http::verb::put, "/api/v1/playlist",
                        R"({"playlist":[{"content":")" + image + R"(","seconds":3},{"content":")" +
                            slide + R"(","seconds":3},{"content":")" + third +
                            R"(","seconds":3}]})")
                .status == 200);
    REQUIRE(waitUntil([&] { return refused; }, 10s));
    CHECK_FALSE(player->cache().has(third));
    CHECK(player->cache().has(image));

    // The emergency message: on the screen within a second of the API's answer.
    const auto before = std::chrono::steady_clock::now();
    REQUIRE(api.request(boost::beast::http::verb::put, "/api/v1/emergency",
                        R"({"text_zh":"请沿疏散指示离开大厅","text_en":"Please leave the hall"})")
                .status == 200);
    REQUIRE(waitUntil([&] { return player->emergency(); }, 5s));
    CHECK(std::chrono::steady_clock::now() - before < 1s);
    CHECK(player->emergencyText() == QStringLiteral("请沿疏散指示离开大厅"));
    REQUIRE(api.del("/api/v1/emergency").status == 200);
    REQUIRE(waitUntil([&] { return !player->emergency(); }, 5s));

    // The controller stops: the player goes on through its cached files.
    daemon.terminate();
    REQUIRE(waitUntil([&] { return !client->online(); }, 20s));
    QStringList shown;
    QObject::connect(player, &hall::client::SignagePlayer::currentChanged,
                     [&] { shown << player->name(); });
    REQUIRE(waitUntil(
        [&] {
            return shown.contains(QStringLiteral("map")) && shown.contains(QStringLiteral("hours"));
        },
        15s));
}

TEST_CASE("signage: a video clip is checked by its bytes, fetched, cached and played as video") {
    hall::testing::RealTerminal rig("callstation-signage-video");
    auto& daemon = rig.daemon;
    auto* client = rig.terminal->controller();
    REQUIRE(rig.terminal->technician()
                ->enroll(QString::fromStdString(daemon.enrollmentCode("tm-1", "ticket_machine")))
                .isEmpty());
    REQUIRE(waitUntil([&] { return client->online(); }, 20s));
    auto* player = rig.terminal->signage();
    auto api = daemon.admin();

    // A 2 s WebM clip of GStreamer's test pattern.
    const auto clipFile = rig.dir.file("clip.webm");
    QProcess gst;
    gst.start(QStringLiteral("gst-launch-1.0"),
              {"-q", "videotestsrc", "num-buffers=50", "!", "video/x-raw,width=320,height=180", "!",
               "vp8enc", "!", "webmmux", "!", "filesink",
               "location=" + QString::fromStdString(clipFile.string())});
    REQUIRE(gst.waitForFinished(60'000));
    REQUIRE(gst.exitCode() == 0);
    std::ifstream in(clipFile, std::ios::binary);
    const std::string clip((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(clip.size() > 1000);

    // Bytes that are not their type are refused: a WebM sent as MP4, a PNG sent as WebM.
    CHECK(api.post("/api/v1/content?name=wrong", clip, "video/mp4").status == 400);
    CHECK(api.post("/api/v1/content?name=wrong", pngBytes(), "video/webm").status == 400);
    const std::string video = add(api, "guide", "video/webm", clip);
    CHECK(video == hall::protocol::contentIdOf(clip));
    REQUIRE(api.request(boost::beast::http::verb::put, "/api/v1/playlist",
                        R"({"playlist":[{"content":")" + video + R"(","seconds":10}]})")
                .status == 200);
    REQUIRE(waitUntil([&] { return player->kind() == QStringLiteral("video"); }, 10s));
    CHECK(cachedHash(*player, video) == video);
    CHECK(player->source().toLocalFile().toStdString() == player->cache().pathOf(video).string());
}
