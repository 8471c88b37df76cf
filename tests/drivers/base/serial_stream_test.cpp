// SerialStream against the device end of a real pty (the twins' PtyPort).
#include "drivers/base/device_error.h"
#include "drivers/transport/serial_stream.h"
#include "drivers/twin/pty_port.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <thread>

using namespace hall::drivers;
using namespace std::chrono_literals;

namespace {
std::vector<std::uint8_t> bytes(std::string_view s) {
    return {s.begin(), s.end()};
}
} // namespace

TEST_CASE("bytes go both ways, binary and unchanged") {
    hall::testing::TempDir dir("serial");
    twin::PtyPort pty(dir.file("reader"));
    pty.plug();
    SerialStream port({dir.file("reader").string(), 115200});
    std::stop_source stop;

    // 0x03 (^C), 0x0d (CR), 0x11/0x13 (XON/XOFF) would be eaten by a cooked tty.
    const std::vector<std::uint8_t> frame{0xAA, 0xAA, 0xAA, 0x96, 0x69,
                                          0x03, 0x0d, 0x11, 0x13, 0x00};
    port.write(frame, stop.get_token());
    std::vector<std::uint8_t> got;
    for (int i = 0; i < 20 && got.size() < frame.size(); ++i) {
        auto part = pty.read(100ms);
        got.insert(got.end(), part.begin(), part.end());
    }
    CHECK(got == frame);

    REQUIRE(pty.write(frame));
    std::vector<std::uint8_t> back(64);
    std::size_t n = 0;
    while (n < frame.size()) {
        auto k = port.read(std::span(back).subspan(n), 500ms, stop.get_token());
        REQUIRE(k > 0);
        n += k;
    }
    back.resize(n);
    CHECK(back == frame);
}

TEST_CASE("a read with nothing to read returns 0 after its timeout") {
    hall::testing::TempDir dir("serial");
    twin::PtyPort pty(dir.file("reader"));
    pty.plug();
    SerialStream port({dir.file("reader").string(), 9600});
    std::vector<std::uint8_t> buf(16);
    auto t0 = std::chrono::steady_clock::now();
    CHECK(port.read(buf, 50ms, {}) == 0);
    auto took = std::chrono::steady_clock::now() - t0;
    CHECK(took >= 45ms);
    CHECK(took < 1s);
}

TEST_CASE("a stop request ends a blocked read at once") {
    hall::testing::TempDir dir("serial");
    twin::PtyPort pty(dir.file("reader"));
    pty.plug();
    SerialStream port({dir.file("reader").string(), 9600});
    std::stop_source stop;
    std::thread stopper([&] {
        std::this_thread::sleep_for(50ms);
        stop.request_stop();
    });
    std::vector<std::uint8_t> buf(16);
    auto t0 = std::chrono::steady_clock::now();
    CHECK(port.read(buf, 10s, stop.get_token()) == 0);
    CHECK(std::chrono::steady_clock::now() - t0 < 2s);
    stopper.join();
}

TEST_CASE("discardInput drops stale bytes") {
    hall::testing::TempDir dir("serial");
    twin::PtyPort pty(dir.file("reader"));
    pty.plug();
    SerialStream port({dir.file("reader").string(), 9600});
    REQUIRE(pty.write(bytes("stale")));
    std::this_thread::sleep_for(50ms);
    port.discardInput();
    REQUIRE(pty.write(bytes("fresh")));
    std::vector<std::uint8_t> buf(16);
    auto n = port.read(buf, 500ms, {});
    CHECK(std::string(buf.begin(), buf.begin() + static_cast<long>(n)) == "fresh");
}

TEST_CASE("a pulled device is a Device failure; a missing port is a clear open error") {
    hall::testing::TempDir dir("serial");
    twin::PtyPort pty(dir.file("reader"));
    pty.plug();
    SerialStream port({dir.file("reader").string(), 9600});
    pty.unplug();
    std::vector<std::uint8_t> buf(16);
    try {
        for (int i = 0; i < 10; ++i)
            port.read(buf, 100ms, {});
        FAIL("read on a pulled port did not fail");
    } catch (const DeviceFailure& f) {
        CHECK(f.error().category == ErrorCategory::Device);
        CHECK(f.error().code == "unplugged");
    }
    try {
        SerialStream missing({dir.file("reader").string(), 9600});
        FAIL("opened a port that is not there");
    } catch (const DeviceFailure& f) {
        CHECK(f.error().code == "not_found");
        CHECK(f.error().message.find(dir.file("reader").string()) != std::string::npos);
    }
}

TEST_CASE("plugged back in, the same link opens again") {
    hall::testing::TempDir dir("serial");
    twin::PtyPort pty(dir.file("reader"));
    pty.plug();
    pty.unplug();
    pty.plug();
    SerialStream port({dir.file("reader").string(), 9600});
    REQUIRE(pty.write(bytes("hi")));
    std::vector<std::uint8_t> buf(4);
    CHECK(port.read(buf, 500ms, {}) == 2);
}
