// The window pad in real mode against the real callstationd on loopback, enrolled as window 1's
// pad, with a call board (a terminal connection of the board's role) and the LED strip over the
// window (the strip twin on a pty): the clerk signs in with their PIN, calls the next — the board
// is told, the strip shows it — and finishes; the citizen face asks for the rating, refuses a bad
// one without a reason on screen, and with the controller killed between the finish and the
// rating keeps the rating in the outbox: after the restart it is stored exactly once (one
// follow-up case, rated 1 in the day's report), and the clerk's rating on the citizen face says
// so; the clerk's photo uploaded to the content store reaches the pad. A pause shows on the
// citizen face's desk and on the strip.
#include "drivers/bus/twin/bus_twin.h"
#include "drivers/doccam/pdf_pages.h"
#include "drivers/led/twin/led_strip_unit.h"
#include "shared/client/controller_client.h"
#include "shared/client/staff_photos.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/real_terminal.h"
#include "windowpad/clerk_desk.h"
#include "windowpad/confirmation_desk.h"
#include "windowpad/evaluation_desk.h"

#include <QFile>
#include <doctest/doctest.h>

using hall::testing::waitUntil;
using hall::windowpad::ClerkDesk;
using hall::windowpad::EvaluationDesk;
using nlohmann::json;
using namespace std::chrono_literals;
namespace bus = hall::drivers::bus;
namespace http = boost::beast::http;

namespace {

constexpr const char* kPin = "482915";

json getJson(const hall::testing::DaemonProcess& daemon, const std::string& target) {
    const auto reply = daemon.admin().get(target);
    INFO(target, " → ", reply.status, " ", reply.body);
    REQUIRE(reply.status == 200);
    return json::parse(reply.body);
}

// A real two-page PDF, as the document camera's pages come out (libharu).
QByteArray twoPagePdf() {
    namespace doccam = hall::drivers::doccam;
    const auto page = doccam::makeFrame(400, 560);
    const doccam::JpegPage pages[] = {doccam::encodeJpeg(page.view()),
                                      doccam::encodeJpeg(page.view())};
    const auto pdf = doccam::writePdf(pages);
    return QByteArray(reinterpret_cast<const char*>(pdf.bytes().data()),
                      static_cast<qsizetype>(pdf.size()));
}

// The board's next call push, skipping queue counts and window changes.
std::optional<hall::protocol::Call> nextCall(hall::netclient::TerminalConnection& board) {
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < until) {
        const auto push = board.nextPush(200ms);
        if (!push) continue;
        if (const auto* call = std::get_if<hall::protocol::Call>(&push->body)) return *call;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE(
    "real controller: sign in, call, board and strip told, a bad rating kept across a crash") {
    hall::testing::TempDir busDir("windowpad-strip");
    bus::BusTwin strip(busDir.file("ttyLED"));
    strip.add(1, std::make_unique<hall::drivers::led::LedStripUnit>());
    strip.start();
    hall::testing::RealTerminal rig("windowpad-daemon",
                                    "[[led_lines]]\nport = \"" +
                                        std::filesystem::canonical(strip.link()).string() +
                                        "\"\nbaud = 115200\nstrips = [{ window = 1, unit = 1 }]\n");
    auto& daemon = rig.daemon;
    auto* client = rig.terminal->controller();
    REQUIRE(rig.terminal->technician()
                ->enroll(QString::fromStdString(daemon.enrollmentCode("pad-1", "window_pad", 1)))
                .isEmpty());
    REQUIRE(waitUntil([&] { return client->online(); }, 20s));
    auto api = daemon.admin();
    REQUIRE(api.request(http::verb::put, "/api/v1/staff/s1/credentials", json{{"pin", kPin}}.dump())
                .status == 200);
    auto board = daemon.terminal("board-north", "call_board", std::nullopt, "north");

    ClerkDesk clerk;
    EvaluationDesk evaluation;
    clerk.setBackend(client);
    evaluation.setBackend(client);
    const auto settle = [&] { REQUIRE(waitUntil([&] { return !clerk.busy(); }, 10s)); };

    // A plain sign_in for a member with a PIN is refused; the PIN signs them in.
    clerk.signIn(QStringLiteral("1001"), QStringLiteral("000000"));
    settle();
    CHECK_FALSE(clerk.signedIn());
    CHECK(clerk.message().contains(QStringLiteral("PIN")));
    clerk.signIn(QStringLiteral("1001"), QString::fromLatin1(kPin));
    settle();
    REQUIRE(clerk.signedIn());
    CHECK(clerk.staffName() == QStringLiteral("张三"));

    // Call next: the board is told which number goes to which window; the strip shows it.
    REQUIRE(api.post("/api/v1/operations/issue_ticket", R"({"service":"permits"})").status == 200);
    REQUIRE(waitUntil([&] { return clerk.waiting() == 1; }, 10s));
    board.takePushes();
    clerk.callNext();
    settle();
    REQUIRE(clerk.hasTicket());
    const auto number = clerk.ticket().value(QStringLiteral("number")).toString();
    const auto call = nextCall(board);
    REQUIRE(call);
    CHECK(call->ticket.number == number.toStdString());
    CHECK(call->window == 1);
    CHECK(waitUntil(
        [&] { return strip.render(1).find("请" + number.toStdString()) != std::string::npos; },
        10s));

    // The citizen confirms with a signature and the two pages the clerk scanned: both reach
    // the controller's attachment store, tied to the ticket.
    clerk.start();
    settle();
    hall::windowpad::ConfirmationDesk confirmation;
    confirmation.setBackend(client);
    hall::ui::SignatureStrokes ink;
    ink.setCanvasSize({600, 250});
    confirmation.setStrokes(&ink);
    REQUIRE(confirmation.askToSign(twoPagePdf(), 2));
    ink.begin(40, 120);
    for (int i = 1; i <= 40; ++i)
        ink.extend(40 + i * 12, 120 + ((i % 2) ? 60 : -60));
    ink.end();
    REQUIRE(confirmation.sign());
    REQUIRE(waitUntil(
        [&] { return confirmation.stage() == hall::windowpad::ConfirmationDesk::Stage::Signed; },
        10s));
    const auto ticketId = clerk.ticket().value(QStringLiteral("id")).toULongLong();
    const auto held =
        getJson(daemon, "/api/v1/attachments?ticket=" + std::to_string(ticketId)).at("attachments");
    REQUIRE(held.size() == 2);
    CHECK(held[0].at("kind") != held[1].at("kind"));
    CHECK(ink.isEmpty());

    // Finish: the citizen face asks for the rating; a bad one needs a reason, said on screen.
    clerk.finish();
    settle();
    REQUIRE(waitUntil([&] { return evaluation.stage() == EvaluationDesk::Stage::Rating; }, 10s));
    CHECK(evaluation.number() == number);
    evaluation.setProperty("guardMs", 0);
    REQUIRE(evaluation.choose(1));
    CHECK_FALSE(evaluation.submit());
    CHECK_FALSE(evaluation.message().isEmpty());
    CHECK(evaluation.stage() == EvaluationDesk::Stage::Reasons);

    // The controller dies while the citizen picks the reason: the rating waits in the outbox.
    daemon.kill();
    REQUIRE(waitUntil([&] { return !client->online(); }, 20s));
    evaluation.toggleReason(evaluation.reasons().first());
    REQUIRE(evaluation.submit());
    CHECK(evaluation.stage() == EvaluationDesk::Stage::Thanks);
    CHECK(client->outboxSize() == 1);

    // Back: sent once, stored once — one follow-up case, rated 1 of served 1.
    daemon.start();
    client->setPort(daemon.port());
    REQUIRE(waitUntil([&] { return client->online() && client->outboxSize() == 0; }, 30s));
    const auto cases = getJson(daemon, "/api/v1/followups").at("followups");
    REQUIRE(cases.size() == 1);
    CHECK(cases[0].at("number") == number.toStdString());
    const auto row = getJson(daemon, "/api/v1/reports?by=hall").at("rows").at(0);
    CHECK(row.at("served") == 1);
    CHECK(row.at("rated") == 1);
    CHECK(row.at("very_dissatisfied") == 1);
    // The clerk's rating on the citizen face: one visit, 1.0.
    REQUIRE(
        waitUntil([&] { return clerk.staffRating().value(QStringLiteral("visits")) == 1; }, 10s));
    CHECK(clerk.staffRating().value(QStringLiteral("average")).toDouble() == doctest::Approx(1.0));

    // The hall manager uploads the photo the configuration names for 张三: it reaches the pad
    // (the snapshot names it, the file comes from the content store) and is kept on its disk.
    hall::testing::TempDir photoDir("windowpad-photos");
    hall::client::StaffPhotos photos(client, photoDir.path());
    clerk.setStaffPhotos(&photos);
    const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(300, 'j');
    // (a new admin connection: the controller came back on another port)
    REQUIRE(daemon.admin().post("/api/v1/content?name=zhangsan.jpg", jpeg, "image/jpeg").status ==
            200);
    REQUIRE(waitUntil([&] { return !clerk.staffPhoto().isEmpty(); }, 10s));
    QFile photo(clerk.staffPhoto().toLocalFile());
    REQUIRE(photo.open(QIODevice::ReadOnly));
    CHECK(photo.readAll().toStdString() == jpeg);

    // Pause with a reason: the citizen face says it, and so does the strip over the window.
    REQUIRE(waitUntil([&] { return clerk.signedIn(); }, 10s));
    clerk.pause(QStringLiteral("午休"));
    settle();
    REQUIRE(waitUntil([&] { return clerk.paused(); }, 10s));
    CHECK(clerk.pauseReason() == QStringLiteral("午休"));
    CHECK(waitUntil([&] { return strip.render(1).find("暂停服务") != std::string::npos; }, 10s));
}
