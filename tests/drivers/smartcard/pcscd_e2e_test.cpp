// The smart-card device end to end: a real pcscd, vsmartcard's vpcd reader driver, our virtual
// card connected to it, and SmartCardReaderDevice watching the reader. Every wait is bounded.
// Timings go to the doctest output (MESSAGE) so a slow machine shows where the time went.

#include "tests/drivers/smartcard/applet_transport.h"
#include "drivers/smartcard/smartcard_reader_device.h"
#include "drivers/smartcard/twin/vpcd_card.h"
#include "tests/drivers/support/event_recorder.h"
#include "tests/drivers/support/pcscd_fixture.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <doctest/doctest.h>
#include <mutex>
#include <optional>
#include <thread>

using namespace std::chrono_literals;
using namespace hall::drivers;
using namespace hall::drivers::smartcard;
using hall::testing::Pcscd;

namespace {

const std::string kData = HALL_SMARTCARD_TEST_DATA;
constexpr auto kEventTimeout = 8s;

using Clock = std::chrono::steady_clock;
long msSince(Clock::time_point t) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

// Collects what a device reports, in order, and lets the test wait for the next of a kind.
class Recorder {
public:
    DeviceEventSink events() { return events_.sink(); }
    SmartCardReaderDevice::RecordSink records() {
        return [this](SocialSecurityCardRecord&& r) {
            std::lock_guard lock(mutex_);
            records_.push_back(std::move(r));
            changed_.notify_all();
        };
    }
    // The next event of `type` after the ones already taken.
    std::optional<DeviceEvent> next(DeviceEventType type,
                                    std::chrono::milliseconds timeout = kEventTimeout) {
        return events_.next(type, timeout);
    }
    std::optional<SocialSecurityCardRecord>
    nextRecord(std::chrono::milliseconds timeout = kEventTimeout) {
        std::unique_lock lock(mutex_);
        if (!changed_.wait_for(lock, timeout, [&] { return !records_.empty(); }))
            return std::nullopt;
        SocialSecurityCardRecord r = std::move(records_.front());
        records_.pop_front();
        return r;
    }
    int count(DeviceEventType type) const { return events_.count(type); }
    std::size_t pendingRecords() {
        std::lock_guard lock(mutex_);
        return records_.size();
    }

private:
    hall::testing::EventRecorder<DeviceEvent, DeviceEventType> events_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<SocialSecurityCardRecord> records_;
};

SmartCardReaderConfig config() {
    SmartCardReaderConfig c;
    c.readerName = Pcscd::kReader;
    c.readTimeout = 3000ms;
    c.reopen = ReopenPolicy{100ms, 1000ms};
    return c;
}

// Each test starts from an empty reader: the previous test's card must be gone in pcscd's view.
void requireEmptyReader() {
    Pcscd::instance();
    REQUIRE_MESSAGE(Pcscd::waitForCard(false, 5s),
                    "the vpcd reader still holds a card from an earlier test");
}

void checkAlice(const SocialSecurityCardRecord& r) {
    CHECK(r.cardNumber == "A01234567");
    CHECK(r.holderName == "张晓明");
    CHECK(r.idNumber == "44030519900307123X");
    CHECK(r.issuingRegion == "440300");
    CHECK(r.cardVersion == "3.00");
    CHECK(r.issueDate == "20230315");
    CHECK(r.expiryDate == "20330315");
    CHECK(r.card.reader == Pcscd::kReader);
    CHECK(r.card.protocol == CardProtocol::T0);
    CHECK(r.card.atr.protocolsText() == "T=0");
    CHECK(std::string(r.card.atr.historical.begin(), r.card.atr.historical.end()) == "HALL-SSC30");
}

} // namespace

TEST_SUITE("pcscd") {

    TEST_CASE("a card inserted is read; removed; another person's card is read") {
        requireEmptyReader();
        Recorder rec;
        hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
        SmartCardReaderDevice device(config(), rec.events(), rec.records());
        CHECK(device.instanceId() == "smartcard.pcsc@Virtual PCD 00 00");
        CHECK(device.descriptor().id == "smartcard.pcsc");
        device.start();
        REQUIRE(rec.next(DeviceEventType::Opened));

        auto t = Clock::now();
        card.insert(smartcard_test::alice());
        REQUIRE(rec.next(DeviceEventType::CardInserted));
        const long insertMs = msSince(t);
        auto alice = rec.nextRecord();
        REQUIRE(alice);
        MESSAGE("insert → CardInserted " << insertMs << " ms, → record " << msSince(t) << " ms, "
                                         << card.apdusAnswered() << " APDUs");
        checkAlice(*alice);
        CHECK(rec.count(DeviceEventType::ReadFailed) == 0);

        t = Clock::now();
        card.remove();
        REQUIRE(rec.next(DeviceEventType::CardRemoved));
        MESSAGE("remove → CardRemoved " << msSince(t) << " ms");

        card.insert(smartcard_test::bob());
        REQUIRE(rec.next(DeviceEventType::CardInserted));
        auto bob = rec.nextRecord();
        REQUIRE(bob);
        CHECK(bob->holderName == "欧阳娜娜");
        CHECK(bob->idNumber == "110101198512240026");
        CHECK(bob->issuingRegion == "110100");
        CHECK(bob->cardVersion == "2.00");
        CHECK(bob->cardNumber == "B98765432");
        card.remove();
        REQUIRE(rec.next(DeviceEventType::CardRemoved));
        device.stop();
        // One insertion, one read: the device's own connect and disconnect are no card events.
        CHECK(rec.count(DeviceEventType::CardInserted) == 2);
        CHECK(rec.count(DeviceEventType::CardRemoved) == 2);
        CHECK(rec.pendingRecords() == 0);
        CHECK(rec.count(DeviceEventType::ReadFailed) == 0);
        CHECK(rec.count(DeviceEventType::Lost) == 0);
    }

    TEST_CASE("a profile from a file (SFI reads, Le 00) runs over the real stack, 6Cxx and all") {
        requireEmptyReader();
        Recorder rec;
        hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
        SmartCardReaderConfig c = config();
        c.profile = loadSsCardProfile(kData + "/sfi-le-zero.toml");
        SmartCardReaderDevice device(c, rec.events(), rec.records());
        device.start();
        REQUIRE(rec.next(DeviceEventType::Opened));
        card.insert(smartcard_test::bob());
        auto bob = rec.nextRecord();
        REQUIRE(bob);
        CHECK(bob->holderName == "欧阳娜娜");
        CHECK(bob->cardNumber == "B98765432");
        // SELECT + 2 GET RESPONSE, then each of 5 READ RECORDs twice (Le 00 → 6Cxx → exact Le).
        CHECK(card.apdusAnswered() == 13);
    }

    TEST_CASE("a card already in the reader when the device starts is read") {
        requireEmptyReader();
        Recorder rec;
        hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
        card.insert(smartcard_test::alice());
        REQUIRE(Pcscd::waitForCard(true, 5s));
        SmartCardReaderDevice device(config(), rec.events(), rec.records());
        device.start();
        REQUIRE(rec.next(DeviceEventType::CardInserted));
        auto r = rec.nextRecord();
        REQUIRE(r);
        checkAlice(*r);
    }

    TEST_CASE("slow replies still read within the deadline") {
        requireEmptyReader();
        Recorder rec;
        hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
        card.setReplyDelay(60ms);
        SmartCardReaderDevice device(config(), rec.events(), rec.records());
        device.start();
        REQUIRE(rec.next(DeviceEventType::Opened));
        const auto t = Clock::now();
        card.insert(smartcard_test::alice());
        auto r = rec.nextRecord();
        REQUIRE(r);
        MESSAGE("60 ms per reply: insert → record " << msSince(t) << " ms");
        checkAlice(*r);
        CHECK(rec.count(DeviceEventType::ReadFailed) == 0);
    }

    TEST_CASE("garbage replies fail the read as Retry; the next card reads") {
        requireEmptyReader();
        Recorder rec;
        hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
        card.setGarbage(true);
        SmartCardReaderDevice device(config(), rec.events(), rec.records());
        device.start();
        REQUIRE(rec.next(DeviceEventType::Opened));
        card.insert(smartcard_test::alice());
        REQUIRE(rec.next(DeviceEventType::CardInserted));
        auto failed = rec.next(DeviceEventType::ReadFailed);
        REQUIRE(failed);
        REQUIRE(failed->error);
        CHECK(failed->error->category == ErrorCategory::Retry);
        CHECK(failed->error->code == "card_protocol_error");
        CHECK(failed->error->message.find("张") == std::string::npos);
        CHECK(rec.pendingRecords() == 0);

        card.setGarbage(false);
        card.remove();
        REQUIRE(rec.next(DeviceEventType::CardRemoved));
        card.insert(smartcard_test::alice());
        auto r = rec.nextRecord();
        REQUIRE(r);
        checkAlice(*r);
        CHECK(rec.count(DeviceEventType::Lost) == 0);
    }

    TEST_CASE(
        "a card that stops answering mid-read: ReadFailed (Retry), then the next card reads") {
        requireEmptyReader();
        Recorder rec;
        hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
        SmartCardReaderConfig c = config();
        c.readTimeout = 1500ms;
        SmartCardReaderDevice device(c, rec.events(), rec.records());
        device.start();
        REQUIRE(rec.next(DeviceEventType::Opened));

        card.muteAfter(4); // SELECT, two GET RESPONSEs, SELECT EF05; then silence
        const auto t = Clock::now();
        card.insert(smartcard_test::alice());
        REQUIRE(rec.next(DeviceEventType::CardInserted));
        auto failed = rec.next(DeviceEventType::ReadFailed);
        REQUIRE(failed);
        MESSAGE("muted after 4 APDUs: insert → ReadFailed " << msSince(t) << " ms");
        REQUIRE(failed->error);
        CHECK(failed->error->category == ErrorCategory::Retry);
        CHECK(failed->error->code == "card_unresponsive");
        CHECK(card.apdusReceived() == 5);
        CHECK(rec.pendingRecords() == 0);

        // The citizen pulls the card and tries again; the card talks this time.
        card.remove();
        REQUIRE(rec.next(DeviceEventType::CardRemoved));
        card.setMuted(false);
        card.insert(smartcard_test::bob());
        REQUIRE(rec.next(DeviceEventType::CardInserted));
        auto r = rec.nextRecord();
        REQUIRE(r);
        CHECK(r->holderName == "欧阳娜娜");
        CHECK(rec.count(DeviceEventType::Lost) == 0);
    }

    TEST_CASE("stop() interrupts a wait in pcscd and a read that is stuck") {
        requireEmptyReader();
        SUBCASE("idle: SCardGetStatusChange is cancelled") {
            Recorder rec;
            SmartCardReaderConfig c = config();
            c.waitSlice = 60s; // only SCardCancel can end the wait in time
            SmartCardReaderDevice device(c, rec.events(), rec.records());
            device.start();
            REQUIRE(rec.next(DeviceEventType::Opened));
            std::this_thread::sleep_for(300ms);
            const auto t = Clock::now();
            device.stop();
            MESSAGE("stop() while waiting in pcscd: " << msSince(t) << " ms");
            CHECK(msSince(t) < 1000);
        }
        SUBCASE("a card that never answers") {
            Recorder rec;
            hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
            SmartCardReaderConfig c = config();
            c.readTimeout = 60s;
            SmartCardReaderDevice device(c, rec.events(), rec.records());
            device.start();
            REQUIRE(rec.next(DeviceEventType::Opened));
            card.muteAfter(0);
            card.insert(smartcard_test::alice());
            REQUIRE(rec.next(DeviceEventType::CardInserted));
            std::this_thread::sleep_for(300ms);
            CHECK(card.apdusReceived() == 1);
            const auto t = Clock::now();
            device.stop();
            MESSAGE("stop() during a stuck read: " << msSince(t) << " ms");
            CHECK(msSince(t) < 1000);
            card.remove(); // releases pcscd, and with it the abandoned session
            CHECK(Pcscd::waitForCard(false, 5s));
        }
    }

    TEST_CASE("no reader of that name: Lost with a reason, and nothing else") {
        requireEmptyReader();
        Recorder rec;
        SmartCardReaderConfig c = config();
        c.readerName = "Acme CCID Reader 00 00";
        SmartCardReaderDevice device(c, rec.events(), rec.records());
        device.start();
        auto lost = rec.next(DeviceEventType::Lost);
        REQUIRE(lost);
        REQUIRE(lost->error);
        CHECK(lost->error->code == "reader_absent");
        CHECK(lost->error->message.find("Acme CCID Reader 00 00") != std::string::npos);
        std::this_thread::sleep_for(600ms);
        CHECK(rec.count(DeviceEventType::Lost) == 1); // once per outage, however many retries
        CHECK(rec.count(DeviceEventType::Opened) == 0);
    }

    TEST_CASE("a prefix selects the vpcd readers") {
        requireEmptyReader();
        Recorder rec;
        hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
        SmartCardReaderConfig c = config();
        c.readerName.clear();
        c.readerPrefix = "Virtual PCD";
        SmartCardReaderDevice device(c, rec.events(), rec.records());
        CHECK(device.matches("Virtual PCD 00 01"));
        CHECK_FALSE(device.matches("Acme CCID Reader 00 00"));
        CHECK_FALSE(device.matches("\\\\?PnP?\\Notification"));
        device.start();
        REQUIRE(rec.next(DeviceEventType::Opened));
        card.insert(smartcard_test::alice());
        auto r = rec.nextRecord();
        REQUIRE(r);
        CHECK(r->card.reader == Pcscd::kReader);
    }

    TEST_CASE(
        "pcscd killed and restarted under a running device: Lost, then Back, card read again") {
        requireEmptyReader();
        Pcscd& pcscd = Pcscd::instance();
        if (!pcscd.owned()) {
            MESSAGE("skipped: the pcscd running here was not started by this test, so it is not "
                    "killed");
            return;
        }
        Recorder rec;
        hall::devsim::VpcdVirtualCard card({"127.0.0.1", Pcscd::kVpcdPort});
        SmartCardReaderDevice device(config(), rec.events(), rec.records());
        device.start();
        REQUIRE(rec.next(DeviceEventType::Opened));
        card.insert(smartcard_test::alice());
        REQUIRE(rec.nextRecord());

        auto t = Clock::now();
        pcscd.kill();
        auto lost = rec.next(DeviceEventType::Lost);
        REQUIRE(lost);
        MESSAGE("pcscd SIGKILL → Lost " << msSince(t) << " ms");
        REQUIRE(lost->error);
        CHECK(lost->error->category == ErrorCategory::Device);
        CAPTURE(lost->error->message);
        CHECK(lost->error->code == "pcscd_unavailable");
        CHECK(rec.count(DeviceEventType::CardRemoved) == 1); // the host forgets the card it held

        std::this_thread::sleep_for(500ms); // down for a while: retries must not report Lost again
        t = Clock::now();
        pcscd.start();
        MESSAGE("pcscd restart until vpcd reader listed: " << pcscd.lastStartupTime().count()
                                                           << " ms");
        REQUIRE(rec.next(DeviceEventType::Back));
        MESSAGE("pcscd restarted → Back " << msSince(t) << " ms");
        CHECK(rec.count(DeviceEventType::Lost) == 1);
        // The card never left the reader: the virtual card reconnects to the new vpcd.
        REQUIRE(rec.next(DeviceEventType::CardInserted));
        auto again = rec.nextRecord();
        REQUIRE(again);
        MESSAGE("pcscd restarted → record again " << msSince(t) << " ms");
        checkAlice(*again);
    }

} // TEST_SUITE
