// The LED strip bus end to end: LedStripBus on a SerialStream, the bus twin with 64 strips at
// the other end of a real pty, with strips that go mute, replies with broken CRCs and noise on
// the line; and once over TCP (TcpStream to the twin on a loopback port).
#include "tests/drivers/support/bus_test_support.h"
#include "drivers/base/registry.h"
#include "drivers/bus/twin/bus_twin.h"
#include "drivers/led/led_strip_bus.h"
#include "drivers/led/twin/led_strip_unit.h"
#include "drivers/transport/serial_stream.h"
#include "drivers/transport/tcp_stream.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <thread>

using namespace hall::drivers;
using namespace hall::drivers::led;
using namespace std::chrono_literals;
using hall::drivers::bus::UnitState;

namespace {

std::vector<std::uint8_t> range(int from, int to) {
    std::vector<std::uint8_t> out;
    for (int a = from; a <= to; ++a)
        out.push_back(static_cast<std::uint8_t>(a));
    return out;
}

std::string callText(int window) {
    char ticket[8];
    std::snprintf(ticket, sizeof ticket, "A%03d", window);
    return std::string("请") + ticket + "号到" + std::to_string(window) + "号窗口";
}

struct Rig {
    hall::testing::TempDir dir{"ledbus"};
    bus::BusTwin twin;
    hall::testing::EventLog events;
    std::unique_ptr<LedStripBus> strips;

    explicit Rig(int count, bus::BusTwinOptions twinOptions = {}, unsigned baud = 115200)
        : twin(dir.file("ttyLED"), twinOptions) {
        for (const auto a : range(1, count))
            twin.add(a, std::make_unique<LedStripUnit>());
        twin.start();
        bus::LineSettings line;
        line.baud = baud;
        LedStripBusOptions options;
        options.addresses = range(1, count);
        options.probe = {100ms, 400ms};
        options.keepAlive = 60s;
        options.reopen = {50ms, 200ms};
        const std::string path = twin.link().string();
        strips = std::make_unique<LedStripBus>(
            requireDescriptor("led.hallbus"), path,
            [path, baud](std::stop_token) {
                return std::make_unique<SerialStream>(SerialSettings{path, baud});
            },
            makeHallBusLedProtocol(line), events.sink(), options);
        strips->start();
        REQUIRE(events.next(DeviceEventType::Opened, std::nullopt));
    }
    ~Rig() {
        strips->stop();
        twin.stop();
    }

    std::string shown(std::uint8_t a) { return twin.render(a); }
    template <class F> void waitFor(F done, std::chrono::milliseconds timeout = 10s) {
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (!done() && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(10ms);
        REQUIRE(done());
    }
    bool allOnline() {
        for (auto a : strips->addresses())
            if (strips->status(a).state != UnitState::Online) return false;
        return true;
    }
};

std::string label(int a) {
    char s[8];
    std::snprintf(s, sizeof s, "[%02d] ", a);
    return s;
}

} // namespace

TEST_CASE("64 strips: a text for every strip is acknowledged and shown") {
    Rig rig(64);
    for (int a = 1; a <= 64; ++a)
        rig.strips->submit(static_cast<std::uint8_t>(a), Text{callText(a)});
    REQUIRE(rig.strips->waitSettled(20s));
    for (int a = 1; a <= 64; ++a) {
        CAPTURE(a);
        CHECK(rig.shown(static_cast<std::uint8_t>(a)) == label(a) + callText(a) + " (red)");
        const auto st = rig.strips->status(static_cast<std::uint8_t>(a));
        CHECK(st.pending == 0);
        CHECK(st.confirmed[0] == StripCommand(Text{callText(a)}));
    }
    const auto c = rig.strips->counters();
    CHECK(c.badCrc == 0);
    CHECK(c.retries == 0);
    CHECK(rig.events.count(DeviceEventType::Lost, std::nullopt) == 0);
}

TEST_CASE("a call shows text, colour and blink; state and attributes render on the twin") {
    Rig rig(4);
    rig.strips->showCall(3, "请A012号到3号窗口");
    rig.strips->submit(1, State{StripMode::Serving, "A007"});
    rig.strips->submit(1, Colour{kGreen});
    rig.strips->submit(2, State{StripMode::Closed, ""});
    rig.strips->submit(2, Brightness{30});
    rig.strips->submit(4, Text{"欢迎光临"});
    rig.strips->submit(4, Scroll{ScrollMode::Left, 3});
    REQUIRE(rig.strips->waitSettled(10s));
    CHECK(rig.shown(3) == "[03] 请A012号到3号窗口 (red, blink)");
    CHECK(rig.shown(1) == "[01] <serving A007> (green)");
    CHECK(rig.shown(2) == "[02] <closed> (red, 30%)");
    CHECK(rig.shown(4) == "[04] 欢迎光临 (red, scroll left 3)");
    // The same state again costs nothing: it is what the strip already shows.
    const auto before = rig.strips->counters().requests;
    rig.strips->submit(1, State{StripMode::Serving, "A007"});
    CHECK(rig.strips->status(1).pending == 0);
    CHECK(rig.strips->waitSettled(1s));
    std::this_thread::sleep_for(50ms);
    CHECK(rig.strips->counters().requests == before);
}

TEST_CASE("one strip stops answering: reported offline once, the others keep updating, back "
          "when it returns") {
    Rig rig(64);
    REQUIRE(rig.strips->waitSettled(10s));
    rig.waitFor([&] { return rig.allOnline(); }); // the start-up identify round is done
    rig.twin.mute(17, true);
    for (int a = 1; a <= 64; ++a)
        rig.strips->submit(static_cast<std::uint8_t>(a), Text{callText(a)});
    auto lost = rig.events.next(DeviceEventType::Lost, 17);
    REQUIRE(lost);
    REQUIRE(lost->error);
    CHECK(lost->error->code == "no_answer");
    CHECK(lost->error->message.find("unit 17") != std::string::npos);
    // Every other strip is updated although 17 stays dark.
    REQUIRE(rig.strips->waitSettled(20s));
    for (int a = 1; a <= 64; ++a) {
        if (a == 17) continue;
        CAPTURE(a);
        CHECK(rig.shown(static_cast<std::uint8_t>(a)) == label(a) + callText(a) + " (red)");
    }
    CHECK(rig.shown(17) == "[17] (blank) (red) [mute]");
    auto dead = rig.strips->status(17);
    CHECK(dead.state == UnitState::Offline);
    CHECK(dead.pending == 1);

    // Later updates reach the others at once while 17 is probed in the background.
    const auto t0 = std::chrono::steady_clock::now();
    rig.strips->showCall(18, "请A099号到18号窗口");
    REQUIRE(rig.strips->waitSettled(5s));
    CHECK(std::chrono::steady_clock::now() - t0 < 1s);
    CHECK(rig.shown(18) == "[18] 请A099号到18号窗口 (red, blink)");
    std::this_thread::sleep_for(1200ms); // several probes of 17 (100 ms doubling to 400 ms)
    CHECK(rig.events.count(DeviceEventType::Lost, 17) == 1); // reported once, not per probe
    CHECK(rig.events.count(DeviceEventType::Lost, std::nullopt) == 0); // the line is fine
    for (int a = 1; a <= 64; ++a)
        if (a != 17)
            CHECK(rig.events.count(DeviceEventType::Lost, static_cast<std::uint8_t>(a)) == 0);

    // Power back: Back, and what it was meant to show is sent again.
    rig.twin.mute(17, false);
    REQUIRE(rig.events.next(DeviceEventType::Back, 17, 5s));
    REQUIRE(rig.strips->waitSettled(5s));
    CHECK(rig.shown(17) == "[17] " + callText(17) + " (red)");
    CHECK(rig.strips->status(17).state == UnitState::Online);
}

TEST_CASE("a strip that was dark from the start is reported by the start-up identify round") {
    Rig rig(8);
    rig.twin.mute(5, true);
    // Muted right after start: either its identify or its first update finds it silent.
    rig.strips->submit(5, Text{"A"});
    auto lost = rig.events.next(DeviceEventType::Lost, 5);
    REQUIRE(lost);
    CHECK(rig.strips->status(5).state == UnitState::Offline);
    rig.waitFor([&] {
        for (std::uint8_t a = 1; a <= 8; ++a)
            if (a != 5 && rig.strips->status(a).state != UnitState::Online) return false;
        return true;
    });
}

TEST_CASE("broken CRCs in a strip's replies are retried; a strip that only sends broken frames "
          "is reported with the reason") {
    Rig rig(8);
    rig.twin.corruptReplies(3, 2); // the next two replies of strip 3
    rig.strips->submit(3, Text{callText(3)});
    REQUIRE(rig.strips->waitSettled(10s));
    CHECK(rig.shown(3) == "[03] " + callText(3) + " (red)");
    CHECK(rig.strips->counters().badCrc >= 2);
    CHECK(rig.events.count(DeviceEventType::Lost, 3) == 0);

    rig.twin.corruptReplies(4, -1); // every reply of strip 4
    rig.strips->submit(4, Text{callText(4)});
    auto lost = rig.events.next(DeviceEventType::Lost, 4);
    REQUIRE(lost);
    REQUIRE(lost->error);
    CHECK(lost->error->code == "bad_crc");
    CHECK(lost->error->category == ErrorCategory::Retry);
    // The twin did apply it; the controller cannot know, so it is pending until 4 is heard.
    CHECK(rig.strips->status(4).pending == 1);
    rig.twin.corruptReplies(4, 0);
    REQUIRE(rig.events.next(DeviceEventType::Back, 4, 5s));
    REQUIRE(rig.strips->waitSettled(5s));
    CHECK(rig.strips->status(4).pending == 0);
}

TEST_CASE("garbage on the line: the controller resynchronises and every strip is updated") {
    Rig rig(16);
    REQUIRE(rig.strips->waitSettled(10s));
    rig.waitFor([&] { return rig.allOnline(); });
    for (int round = 0; round < 3; ++round) {
        for (int a = 1; a <= 16; ++a) {
            if (a % 3 == 0) rig.twin.garbage(40 + static_cast<std::size_t>(a));
            rig.strips->submit(static_cast<std::uint8_t>(a), Text{callText(a + 100 * round)});
        }
        REQUIRE(rig.strips->waitSettled(20s));
    }
    for (int a = 1; a <= 16; ++a)
        CHECK(rig.shown(static_cast<std::uint8_t>(a)) == label(a) + callText(a + 200) + " (red)");
    CHECK(rig.twin.counters().garbageBytes > 0);
    for (int a = 1; a <= 16; ++a)
        CHECK(rig.events.count(DeviceEventType::Lost, static_cast<std::uint8_t>(a)) == 0);
}

TEST_CASE("a call overtakes queued brightness changes") {
    // Paced to 9600 baud, so the queue of 64 brightness changes takes over a second to drain.
    bus::BusTwinOptions paced;
    paced.baud = 9600;
    Rig rig(64, paced, 9600);
    rig.waitFor([&] { return rig.allOnline(); }, 20s);
    rig.strips->submitAll(Brightness{40});
    rig.strips->showCall(40, "请A040号到40号窗口");
    rig.waitFor([&] {
        return rig.strips->status(40).confirmed[static_cast<std::size_t>(Slot::Blink)].has_value();
    });
    std::size_t dimmed = 0;
    for (std::uint8_t a = 1; a <= 64; ++a)
        if (rig.strips->status(a).confirmed[static_cast<std::size_t>(Slot::Brightness)]) ++dimmed;
    // Only what was already on the wire when the call came went before the call's three
    // commands: one brightness change, a few if this thread was descheduled between the two
    // calls (each takes ~25 ms at 9600 baud) — never the queue of 64.
    CHECK(dimmed <= 5);
    REQUIRE(rig.strips->waitSettled(20s));
    CHECK(rig.shown(40) == "[40] 请A040号到40号窗口 (red, blink, 40%)");
}

TEST_CASE("bad input is refused with a clear error and queues nothing") {
    Rig rig(4);
    try {
        rig.strips->submit(2, Text{"请A012𠀀号"});
        FAIL("expected an error");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string(e.what()).find("U+20000") != std::string::npos);
    }
    CHECK_THROWS_AS(rig.strips->submit(9, Text{"A"}), std::invalid_argument);
    CHECK_THROWS_AS(rig.strips->submit(2, Brightness{120}), std::invalid_argument);
    // A call with one bad part queues none of it.
    CHECK_THROWS_AS(rig.strips->showCall(2, "😀"), std::invalid_argument);
    const auto st = rig.strips->status(2);
    CHECK(st.pending == 0);
    for (const auto& slot : st.wanted)
        CHECK_FALSE(slot.has_value());
}

TEST_CASE("a strip that refuses a command (font without hanzi) is reported and not asked again") {
    Rig rig(4);
    rig.twin.withUnit(2, [](bus::BusUnit& u) { dynamic_cast<LedStripUnit&>(u).asciiOnly(true); });
    rig.strips->submit(2, Text{"请A012号"});
    auto refused = rig.events.next(DeviceEventType::Refused, 2);
    REQUIRE(refused);
    REQUIRE(refused->error);
    CHECK(refused->error->code == "no_glyph");
    REQUIRE(rig.strips->waitSettled(5s));
    rig.waitFor([&] { return rig.allOnline(); }); // the start-up identify round is over
    CHECK(rig.strips->status(2).refused == 1);
    const auto requests = rig.strips->counters().requests;
    std::this_thread::sleep_for(100ms);
    CHECK(rig.strips->counters().requests == requests);
    // ASCII is fine.
    rig.strips->submit(2, Text{"A012"});
    REQUIRE(rig.strips->waitSettled(5s));
    CHECK(rig.shown(2) == "[02] A012 (red)");
    CHECK(rig.strips->status(2).refused == 0);
}

TEST_CASE("the line unplugged: Lost for the line, re-opened, every strip sent everything again") {
    Rig rig(4);
    for (std::uint8_t a = 1; a <= 4; ++a)
        rig.strips->submit(a, Text{callText(a)});
    REQUIRE(rig.strips->waitSettled(10s));
    const auto applied = [&] {
        std::uint64_t n = 0;
        for (std::uint8_t a = 1; a <= 4; ++a)
            rig.twin.withUnit(
                a, [&](bus::BusUnit& u) { n += dynamic_cast<LedStripUnit&>(u).commandsApplied(); });
        return n;
    };
    const auto before = applied();
    rig.twin.unplug();
    rig.strips->submit(1, Text{"new"}); // makes the worker touch the line
    REQUIRE(rig.events.next(DeviceEventType::Lost, std::nullopt));
    CHECK_FALSE(rig.strips->waitSettled(100ms));
    rig.twin.plug();
    REQUIRE(rig.events.next(DeviceEventType::Back, std::nullopt));
    REQUIRE(rig.strips->waitSettled(10s));
    CHECK(rig.shown(1) == "[01] new (red)");
    CHECK(rig.shown(2) == "[02] " + callText(2) + " (red)");
    CHECK(applied() >= before + 4); // every strip got its content again
}

TEST_CASE("over TCP (a gateway or a network controller card): the same bus, the same faults") {
    bus::BusTwin twin(bus::TcpListen{});
    for (std::uint8_t a = 1; a <= 8; ++a)
        twin.add(a, std::make_unique<LedStripUnit>());
    twin.start();
    hall::testing::EventLog events;
    LedStripBusOptions options;
    options.addresses = range(1, 8);
    options.probe = {100ms, 400ms};
    options.reopen = {50ms, 200ms};
    const TcpSettings peer{"127.0.0.1", twin.tcpPort(), 1000ms, 1000ms};
    bus::LineSettings line;
    line.baud = 115200;
    LedStripBus strips(
        requireDescriptor("led.hallbus"), "127.0.0.1:" + std::to_string(peer.port),
        [peer](std::stop_token stop) { return std::make_unique<TcpStream>(peer, stop); },
        makeHallBusLedProtocol(line), events.sink(), options);
    strips.start();
    REQUIRE(events.next(DeviceEventType::Opened, std::nullopt));
    strips.showCall(2, "请A002号到2号窗口");
    REQUIRE(strips.waitSettled(10s));
    CHECK(twin.render(2) == "[02] 请A002号到2号窗口 (red, blink)");

    twin.mute(6, true);
    strips.submit(6, Text{"A"});
    REQUIRE(events.next(DeviceEventType::Lost, 6));
    twin.mute(6, false);
    REQUIRE(events.next(DeviceEventType::Back, 6));

    // The gateway drops the connection: the line is lost, reconnected, everything re-sent.
    twin.unplug();
    strips.submit(3, Text{"B"});
    auto lost = events.next(DeviceEventType::Lost, std::nullopt);
    REQUIRE(lost);
    REQUIRE(lost->error);
    CHECK((lost->error->code == "unplugged" || lost->error->code == "connect_failed"));
    twin.plug();
    REQUIRE(events.next(DeviceEventType::Back, std::nullopt));
    REQUIRE(strips.waitSettled(10s));
    CHECK(twin.render(3) == "[03] B (red)");
    CHECK(twin.render(6) == "[06] A (red)");
    strips.stop();
    twin.stop();
}
