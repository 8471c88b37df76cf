// The signage player on the mock: the cache keeps a file only under its own SHA-256 (a damaged
// one refused, the copy already there kept), the playlist plays in order for each entry's
// seconds and only within its schedule, the emergency message is exposed at once, and a player
// started with no link plays what the controller last sent, from its cache.
#include "shared/client/mock_backend.h"
#include "shared/client/signage_player.h"
#include "shared/terminal/content_cache.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

using namespace hall::testing;
using hall::client::MockBackend;
using hall::client::SignagePlayer;
namespace protocol = hall::protocol;

TEST_CASE("the content cache keeps a file only under its SHA-256") {
    TempDir dir("content-cache");
    hall::terminal::ContentCache cache(dir.path() / "content");
    const std::string bytes = "请保管好随身物品。";
    const std::string id = protocol::contentIdOf(bytes);
    CHECK(cache.store(id, bytes));
    CHECK(cache.read(id) == bytes);
    // Damaged on the way: refused, the good copy stays.
    CHECK_FALSE(cache.store(id, "请保管好随身物品？"));
    CHECK(cache.read(id) == bytes);
    CHECK_FALSE(cache.store("not-an-id", bytes));
    cache.keepOnly({});
    CHECK_FALSE(cache.has(id));
}

TEST_CASE("the player plays the slides in turn, keeps to schedules, shows an emergency") {
    TempDir dir("signage-player");
    MockBackend backend;
    const QString first = backend.addTextSlide(QStringLiteral("first"), QStringLiteral("一网通办"));
    const QString second = backend.addTextSlide(QStringLiteral("second"), QStringLiteral("帮办代办"));
    backend.play(first, 3);
    backend.play(second, 3);
    // Weekday mornings only.
    protocol::PlaylistEntry weekday;
    weekday.content = backend.addTextSlide(QStringLiteral("weekday"), QStringLiteral("工作日上午")).toStdString();
    weekday.seconds = 3;
    weekday.schedule.weekdays = {1, 2, 3, 4, 5};
    weekday.schedule.fromMinute = 8 * 60;
    weekday.schedule.toMinute = 12 * 60;
    backend.play(weekday);

    SignagePlayer player(&backend, dir.path() / "content");
    // 03:00 on Sunday 6 December 2026 in the hall's time zone (UTC+8).
    player.setClock([] {
        return hall::core::Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 12 / 5)) +
               std::chrono::hours(19);
    });
    REQUIRE(waitUntil([&] { return player.cache().has(weekday.content); }, 5s));
    for (const auto& item : backend.state().snapshot().signage.content)
        CHECK(player.cache().has(item.id));
    REQUIRE(waitUntil([&] { return player.kind() == QStringLiteral("text"); }, 5s));

    QStringList shown{player.name()};
    QObject::connect(&player, &SignagePlayer::currentChanged, [&] { shown << player.name(); });
    spin(7s);
    CHECK(shown.contains(QStringLiteral("first")));
    CHECK(shown.contains(QStringLiteral("second")));
    CHECK_FALSE(shown.contains(QStringLiteral("weekday")));

    // A Monday at 09:00: the weekday slide plays too.
    player.setClock([] {
        return hall::core::Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 12 / 7)) +
               std::chrono::hours(1);
    });
    CHECK(waitUntil([&] { return player.name() == QStringLiteral("weekday"); }, 10s));

    backend.setEmergency(QStringLiteral("请有序离开大厅"), QStringLiteral("Please leave the hall"));
    CHECK(player.emergency());
    CHECK(player.emergencyText() == QStringLiteral("请有序离开大厅"));
    backend.setEmergency({});
    CHECK_FALSE(player.emergency());
}
