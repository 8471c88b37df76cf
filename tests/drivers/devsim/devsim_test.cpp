// devsim as a process: twins on ptys steered over its control socket, the real ID-card driver
// reading the fixture's people through it — all three card layouts.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "tests/drivers/support/devsim_process.h"
#include "drivers/base/registry.h"
#include "drivers/devsim/control_server.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/smartcard/smartcard_reader_device.h"
#include "drivers/transport/serial_stream.h"
#include "tests/drivers/support/pcscd_fixture.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <doctest/doctest.h>
#include <mutex>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace hall::drivers;
using namespace hall::drivers::idcard;
using namespace std::chrono_literals;
using hall::testing::DevsimProcess;
using hall::testing::waitForPath;

namespace {

struct Seen {
    std::mutex m;
    std::condition_variable cv;
    std::deque<IdCardRecord> cards;
    std::deque<DeviceEvent> failures;

    std::optional<IdCardRecord> next(std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(m);
        if (!cv.wait_for(lock, timeout, [&] { return !cards.empty(); })) return std::nullopt;
        IdCardRecord r = std::move(cards.front());
        cards.pop_front();
        return r;
    }
};

} // namespace

TEST_CASE("devsim's ID-card twin, steered over the control socket, feeds the real driver") {
    hall::testing::TempDir dir("devsim");
    const auto control = dir.file("devsim.sock");
    const auto pty = dir.file("ttyIDCARD");
    DevsimProcess devsim(HALL_DEVSIM_BINARY,
                         {"--control", control.string(), "--idcard-pty", pty.string()});
    REQUIRE(waitForPath(control));
    REQUIRE(waitForPath(pty));

    Seen seen;
    IdCardReaderOptions options;
    options.pollInterval = 20ms;
    SerialSettings serial{pty.string(), 115200};
    IdCardReader reader(
        requireDescriptor("idcard.sam-serial"), serial.path,
        [serial] { return std::make_unique<SerialStream>(serial); },
        [&](const DeviceEvent& e) {
            std::lock_guard lock(seen.m);
            if (e.type == DeviceEventType::ReadFailed) seen.failures.push_back(e);
        },
        [&](IdCardRecord&& r) {
            std::lock_guard lock(seen.m);
            seen.cards.push_back(std::move(r));
            seen.cv.notify_all();
        },
        options);
    reader.start();

    auto send = [&](const std::string& line) {
        return hall::devsim::sendControlCommand(control, line);
    };

    SUBCASE(
        "a resident card, a permit for Hong Kong, Macao and Taiwan residents, a foreigner's card") {
        CHECK(send("idcard insert wang-lan") == "ok");
        auto r = seen.next();
        REQUIRE(r);
        CHECK(r->cardType == CardType::Resident);
        CHECK(r->name == "王兰");
        CHECK(r->nationName == "汉");
        CHECK(r->validToIsLongTerm());
        CHECK(r->photo.size() == kPhotoSize);

        CHECK(send("idcard remove") == "ok");
        std::this_thread::sleep_for(150ms);
        CHECK(send("idcard insert chan-kawai") == "ok");
        r = seen.next();
        REQUIRE(r);
        CHECK(r->cardType == CardType::HkMacaoTaiwanPermit);
        CHECK(r->passNumber == "H12345678");
        CHECK(r->idNumber == "810000198001012343");

        CHECK(send("idcard remove") == "ok");
        std::this_thread::sleep_for(150ms);
        CHECK(send("idcard insert anna-keller") == "ok");
        r = seen.next();
        REQUIRE(r);
        CHECK(r->cardType == CardType::ForeignerPermanent);
        CHECK(r->englishName == "KELLER, ANNA MARIA");
        CHECK(r->nationalityCode == "DEU");
    }

    SUBCASE("a reader fault from the socket reaches the driver as a retry") {
        CHECK(send("idcard fail 41 1") == "ok");
        CHECK(send("idcard insert aygul") == "ok");
        auto r = seen.next();
        REQUIRE(r);
        CHECK(r->nationName == "维吾尔");
        std::lock_guard lock(seen.m);
        REQUIRE(!seen.failures.empty());
        CHECK(seen.failures.front().error->code == "read_failed");
    }

    SUBCASE("bad commands get a clear error and change nothing") {
        CHECK(send("idcard insert nobody") == "error no person 'nobody' in the fixture");
        CHECK(send("idcard fail zz") == "error bad SW3 'zz'");
        CHECK(send("idcard levitate") == "error unknown command 'levitate'");
        CHECK(send("toaster on").rfind("error no twin 'toaster'", 0) == 0);
        CHECK(send("bayar").rfind("error", 0) == 0);
        CHECK_FALSE(seen.next(200ms));
        CHECK(send("idcard insert bayar") == "ok");
        CHECK(seen.next());
    }

    reader.stop();
    CHECK(devsim.terminate() == 0);
    CHECK_FALSE(std::filesystem::exists(pty));
}

TEST_SUITE("pcscd") {
    TEST_CASE("devsim's social-security card goes into a real pcscd through vpcd and is read") {
        using hall::testing::Pcscd;
        using namespace hall::drivers::smartcard;
        Pcscd::instance();
        REQUIRE_MESSAGE(Pcscd::waitForCard(false, 5s),
                        "a card from an earlier test is still in vpcd");

        hall::testing::TempDir dir("devsim");
        const auto control = dir.file("devsim.sock");
        DevsimProcess devsim(HALL_DEVSIM_BINARY, {"--control", control.string(), "--smartcard-vpcd",
                                                  std::to_string(Pcscd::kVpcdPort)});
        REQUIRE(waitForPath(control));
        auto send = [&](const std::string& line) {
            return hall::devsim::sendControlCommand(control, line);
        };

        std::mutex m;
        std::condition_variable cv;
        std::deque<SocialSecurityCardRecord> records;
        std::deque<DeviceEventType> events;
        SmartCardReaderConfig config;
        config.readerName = Pcscd::kReader;
        config.reopen = {20ms, 200ms};
        SmartCardReaderDevice device(
            config,
            [&](const DeviceEvent& e) {
                std::lock_guard lock(m);
                events.push_back(e.type);
                cv.notify_all();
            },
            [&](SocialSecurityCardRecord&& r) {
                std::lock_guard lock(m);
                records.push_back(std::move(r));
                cv.notify_all();
            });
        device.start();

        CHECK(send("smartcard insert wang-lan") == "ok");
        {
            std::unique_lock lock(m);
            REQUIRE(cv.wait_for(lock, 8s, [&] { return !records.empty(); }));
            const auto& r = records.front();
            CHECK(r.holderName == "王兰");
            CHECK(r.idNumber == "110101194403050025");
            CHECK(r.cardNumber == "D10000001");
            CHECK(r.issuingRegion == "110100");
            CHECK(r.cardVersion == "3.00");
        }

        CHECK(send("smartcard remove") == "ok");
        {
            std::unique_lock lock(m);
            CHECK(cv.wait_for(lock, 8s, [&] {
                return std::find(events.begin(), events.end(), DeviceEventType::CardRemoved) !=
                       events.end();
            }));
        }
        CHECK(send("smartcard insert bayar") ==
              "error 'bayar' has no social-security card in the fixture");

        device.stop();
        CHECK(devsim.terminate() == 0);
        CHECK(Pcscd::waitForCard(false, 5s));
    }
}
