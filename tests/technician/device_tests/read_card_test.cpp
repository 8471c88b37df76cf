// ReadCard through the real ID-card reader driver on a pty, the SAM reader twin at the other end.
#include "drivers/idcard/twin/sam_reader_twin.h"
#include "drivers/scanner/twin/scanner_twin.h"
#include "tests/drivers/support/idcard_test_support.h"
#include "tests/support/temp_dir.h"
#include "tests/technician/device_tests/device_test_rig.h"

#include <doctest/doctest.h>
#include <future>
#include <thread>

using namespace hall;
using namespace std::chrono_literals;
using drivers::DeviceKind;
using drivers::Transport;
using technician::DeviceTest;

namespace {

struct ReaderRig {
    testing::TempDir dir{"cardtest"};
    drivers::idcard::SamReaderTwin twin{dir.file("ttyIDCARD")};
    technician::DriverTestRunner runner{testing::fastTestOptions()};

    ReaderRig() { twin.start(); }
    technician::DeviceSetting reader() const {
        return testing::setting(DeviceKind::IdCardReader, "idcard.sam-serial", Transport::Serial,
                                std::filesystem::canonical(twin.link()).string(), 115200);
    }
};

} // namespace

TEST_CASE("a card placed while the test waits is read; the result names its type only") {
    ReaderRig rig;
    auto result = std::async(std::launch::async,
                             [&] { return rig.runner.run(DeviceTest::ReadCard, rig.reader()); });
    std::this_thread::sleep_for(300ms); // the technician places the card after pressing "test"
    rig.twin.insert(testing::residentCard("王兰", "110101194403050025"));
    const auto r = result.get();
    CHECK(r.ok);
    CHECK(r.message == "card read (resident ID card)");
    CHECK(r.message.find("王兰") == std::string::npos);
    CHECK(r.message.find("110101") == std::string::npos);
}

TEST_CASE("no card within the wait is a timeout, said so") {
    ReaderRig rig;
    const auto started = std::chrono::steady_clock::now();
    const auto r = rig.runner.run(DeviceTest::ReadCard, rig.reader());
    CHECK_FALSE(r.ok);
    CHECK(r.message == "no card within 2 s (timeout)");
    CHECK(std::chrono::steady_clock::now() - started < 5s);
}

TEST_CASE("a reader that is not there fails with the driver's reason") {
    testing::TempDir dir{"cardtest"};
    technician::DriverTestRunner runner{testing::fastTestOptions()};
    const auto r = runner.run(DeviceTest::ReadCard,
                              testing::setting(DeviceKind::IdCardReader, "idcard.sam-serial",
                                               Transport::Serial, "/dev/ttyHALLABSENT0", 115200));
    CHECK_FALSE(r.ok);
    CHECK(r.message.rfind("ID-card reader on /dev/ttyHALLABSENT0 did not answer", 0) == 0);
}

TEST_CASE("a muted reader (SAM not answering) fails instead of waiting for a card") {
    ReaderRig rig;
    rig.twin.mute(true);
    const auto r = rig.runner.run(DeviceTest::ReadCard, rig.reader());
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("did not answer") != std::string::npos);
}

TEST_CASE("a code scanned on a serial scanner is reported by kind, not by its text") {
    testing::TempDir dir{"scantest"};
    drivers::twin::ScannerTwin twin(dir.file("ttySCANNER"));
    technician::DriverTestRunner runner{testing::fastTestOptions()};
    const auto device =
        testing::setting(DeviceKind::CodeScanner, "scanner.serial", Transport::Serial,
                         std::filesystem::canonical(twin.link()).string(), 9600);
    auto result =
        std::async(std::launch::async, [&] { return runner.run(DeviceTest::ReadCard, device); });
    std::this_thread::sleep_for(300ms);
    twin.scan("HALL-APPT:AB12CD34");
    const auto r = result.get();
    CHECK(r.ok);
    CHECK(r.message == "code read (booking code)");
    CHECK(r.message.find("AB12CD34") == std::string::npos);
}

TEST_CASE("a PC/SC reader that is not there fails at once with the driver's reason") {
    technician::DriverTestRunner runner{testing::fastTestOptions()};
    const auto r = runner.run(DeviceTest::ReadCard,
                              testing::setting(DeviceKind::SmartCardReader, "smartcard.pcsc",
                                               Transport::PcSc, "Hall Absent Reader 00 00"));
    CHECK_FALSE(r.ok);
    CHECK(r.message.rfind("smart-card reader \"Hall Absent Reader 00 00\" did not answer", 0) == 0);
}
