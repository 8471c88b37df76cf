// The keyboard-mode driver end to end, with a FIFO standing in for /dev/input/eventN: the same
// open / read / decode / lost / re-open path, fed with struct input_event records. Only the
// EVIOCGRAB is left out (a FIFO is not an input device); the umockdev test covers the grab.
#include "drivers/scanner/evdev_input.h"
#include "drivers/scanner/scanner_device.h"
#include "tests/drivers/scanner/key_events.h"
#include "tests/drivers/scanner/scanner_test_support.h"
#include "tests/support/temp_dir.h"

#include <cstring>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace hall::drivers;
using namespace hall::drivers::scanner;
using namespace std::chrono_literals;
using scanner_test::Recorder;

namespace {

constexpr ReopenPolicy kFastReopen{std::chrono::milliseconds(20), std::chrono::milliseconds(100)};

// The kernel side: creates the FIFO and holds its write end ("plugged").
class FakeEventNode {
public:
    explicit FakeEventNode(std::filesystem::path path) : path_(std::move(path)) { plug(); }
    ~FakeEventNode() { unplug(); }

    void plug() {
        REQUIRE(::mkfifo(path_.c_str(), 0600) == 0);
        // O_RDWR: opening never blocks waiting for a reader, and the FIFO stays usable until
        // closed.
        fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
        REQUIRE(fd_ >= 0);
    }
    void unplug() {
        if (fd_ < 0) return;
        ::close(fd_);
        fd_ = -1;
        std::filesystem::remove(path_);
    }
    // Writes records as the kernel does; `split` writes them a few bytes at a time.
    void send(const std::vector<InputEvent>& events, bool split = false) {
        std::vector<unsigned char> raw;
        for (const auto& e : events) {
            input_event ev{};
            ev.type = e.type;
            ev.code = e.code;
            ev.value = e.value;
            const auto* p = reinterpret_cast<const unsigned char*>(&ev);
            raw.insert(raw.end(), p, p + sizeof ev);
        }
        std::size_t step = split ? 7 : raw.size();
        for (std::size_t off = 0; off < raw.size(); off += step) {
            const std::size_t n = std::min(step, raw.size() - off);
            REQUIRE(::write(fd_, raw.data() + off, n) == static_cast<ssize_t>(n));
            if (split) std::this_thread::sleep_for(1ms);
        }
    }

private:
    std::filesystem::path path_;
    int fd_ = -1;
};

} // namespace

TEST_CASE("typed codes over the event-node read path; unplug → Lost, plug → Back") {
    hall::testing::TempDir dir("scanner-hid");
    const auto node = dir.file("event7");
    FakeEventNode kernel(node);
    Recorder rec;
    HidScannerConfig config;
    config.device.path = node.string();
    config.grab = false;
    config.classifier.eIdHosts = {"eid.example.gov.cn"};
    auto device = makeHidScanner(config, rec.codeSink(), rec.eventSink(), kFastReopen);
    device->start();
    REQUIRE(rec.waitEvent(DeviceEventType::Opened));

    kernel.send(scanner_test::typeCode("HALL-APPT:AB12CD34"));
    kernel.send(scanner_test::typeCode("https://eid.example.gov.cn/v?c=AB_1"), true);
    auto codes = rec.waitCodes(2);
    REQUIRE(codes.size() == 2);
    CHECK(codes[0].payload == "HALL-APPT:AB12CD34");
    CHECK(codes[0].kind == CodeKind::Appointment);
    CHECK(codes[1].payload == "https://eid.example.gov.cn/v?c=AB_1");
    CHECK(codes[1].kind == CodeKind::EIdLink);

    // Unplugged in the middle of a code.
    kernel.send(scanner_test::typeKeys("HALL-APPT:HALF"));
    kernel.unplug();
    REQUIRE(rec.waitEvent(DeviceEventType::Lost));
    auto events = rec.events();
    CHECK(events.back().error->code == "unplugged");
    std::this_thread::sleep_for(200ms);
    CHECK(rec.count(DeviceEventType::Lost) == 1);

    kernel.plug();
    REQUIRE(rec.waitEvent(DeviceEventType::Back));
    kernel.send(scanner_test::typeCode("202405170012"));
    codes = rec.waitCodes(3);
    REQUIRE(codes.size() == 3);
    CHECK(codes[2].payload == "202405170012");
    CHECK(rec.failures().empty());
    device->stop();
}

TEST_CASE("EvdevInput: missing node, records split across reads, stop") {
    hall::testing::TempDir dir("scanner-hid");
    CHECK_THROWS_AS(EvdevInput(dir.file("event99").string(), false), DeviceFailure);
    try {
        EvdevInput(dir.file("event99").string(), false);
    } catch (const DeviceFailure& f) {
        CHECK(f.error().code == "not_found");
        CHECK_FALSE(f.isRetry());
    }

    // A FIFO is no input device: the grab is refused, as it would be for a wrong node.
    FakeEventNode kernel(dir.file("event1"));
    try {
        EvdevInput(dir.file("event1").string(), true);
        FAIL("grab on a FIFO succeeded");
    } catch (const DeviceFailure& f) {
        CHECK(f.error().code == "grab_failed");
    }

    EvdevInput input(dir.file("event1").string(), false);
    kernel.send({{EV_KEY, KEY_A, 1}, {EV_SYN, SYN_REPORT, 0}, {EV_KEY, KEY_A, 0}}, true);
    std::vector<InputEvent> got;
    for (int i = 0; i < 100 && got.size() < 3; ++i)
        input.read(got, 50ms, {});
    REQUIRE(got.size() == 3);
    CHECK(got[0].type == EV_KEY);
    CHECK(got[0].code == KEY_A);
    CHECK(got[0].value == 1);
    CHECK(got[2].value == 0);

    std::stop_source stop;
    std::thread stopper([&] {
        std::this_thread::sleep_for(50ms);
        stop.request_stop();
    });
    auto t0 = std::chrono::steady_clock::now();
    CHECK(input.read(got, 10s, stop.get_token()) == 0);
    CHECK(std::chrono::steady_clock::now() - t0 < 2s);
    stopper.join();

    kernel.unplug();
    CHECK_THROWS_AS(input.read(got, 1s, {}), DeviceFailure);
}
