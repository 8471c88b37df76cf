// The ID-card reader driver end to end: SerialStream on a real pty, the SAM twin at the other
// end speaking the reader's protocol.
#include "drivers/base/registry.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/twin/sam_reader_twin.h"
#include "drivers/transport/serial_stream.h"
#include "tests/drivers/support/idcard_test_support.h"
#include "tests/support/temp_dir.h"

#include <condition_variable>
#include <deque>
#include <doctest/doctest.h>
#include <mutex>

using namespace hall::drivers;
using namespace hall::drivers::idcard;
using namespace std::chrono_literals;

namespace {

// What the host sees: events and the people read, in order, with waiting.
struct Host {
    std::mutex m;
    std::condition_variable cv;
    std::deque<DeviceEvent> events;
    std::deque<std::pair<std::string, std::string>> cards; // name, ID number

    DeviceEventSink sink() {
        return [this](const DeviceEvent& e) {
            std::lock_guard lock(m);
            events.push_back(e);
            cv.notify_all();
        };
    }
    CardHandler handler() {
        return [this](IdCardRecord&& r) {
            std::lock_guard lock(m);
            cards.emplace_back(r.name, r.idNumber);
            r.wipe();
            cv.notify_all();
        };
    }
    // The next event of this type; events before it are dropped. nullopt on timeout.
    std::optional<DeviceEvent> next(DeviceEventType type, std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(m);
        std::optional<DeviceEvent> found;
        cv.wait_for(lock, timeout, [&] {
            while (!events.empty()) {
                auto e = events.front();
                events.pop_front();
                if (e.type == type) {
                    found = e;
                    return true;
                }
            }
            return false;
        });
        return found;
    }
    std::optional<std::pair<std::string, std::string>>
    nextCard(std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(m);
        if (!cv.wait_for(lock, timeout, [&] { return !cards.empty(); })) return std::nullopt;
        auto c = cards.front();
        cards.pop_front();
        return c;
    }
};

struct Rig {
    hall::testing::TempDir dir{"idcard"};
    SamReaderTwin twin{dir.file("ttyIDCARD")};
    Host host;
    std::unique_ptr<IdCardReader> reader;

    explicit Rig(IdCardReaderOptions options = hall::testing::fastReaderOptions()) {
        twin.start();
        SerialSettings serial{twin.link().string(), 115200};
        reader = std::make_unique<IdCardReader>(
            requireDescriptor("idcard.sam-serial"), serial.path,
            [serial] { return std::make_unique<SerialStream>(serial); }, host.sink(),
            host.handler(), options);
        reader->start();
    }
};

} // namespace

TEST_CASE("a card is read once while it lies there, and again after it is placed again") {
    Rig rig;
    REQUIRE(rig.host.next(DeviceEventType::Opened));
    CHECK(rig.reader->instanceId() == "idcard.sam-serial@" + rig.twin.link().string());

    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050025"));
    REQUIRE(rig.host.next(DeviceEventType::CardInserted));
    auto card = rig.host.nextCard();
    REQUIRE(card);
    CHECK(card->first == "王兰");
    CHECK(card->second == "110101194403050025");

    // Many polls later, still one read.
    const int served = rig.twin.requestsServed();
    while (rig.twin.requestsServed() < served + 10)
        std::this_thread::sleep_for(10ms);
    CHECK_FALSE(rig.host.nextCard(50ms));

    rig.twin.remove();
    REQUIRE(rig.host.next(DeviceEventType::CardRemoved));
    rig.twin.insert(hall::testing::residentCard("李建国", "440304198511237617"));
    card = rig.host.nextCard();
    REQUIRE(card);
    CHECK(card->first == "李建国");
}

TEST_CASE("a card moved during the read is read on the next poll; a card that keeps failing is "
          "given up") {
    Rig rig;
    REQUIRE(rig.host.next(DeviceEventType::Opened));
    rig.twin.failReads(0x41, 1);
    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050025"));
    auto failed = rig.host.next(DeviceEventType::ReadFailed);
    REQUIRE(failed);
    CHECK(failed->error->category == ErrorCategory::Retry);
    CHECK(failed->error->code == "read_failed");
    REQUIRE(rig.host.nextCard());

    rig.twin.remove();
    REQUIRE(rig.host.next(DeviceEventType::CardRemoved));
    rig.twin.failReads(0x41, 100);
    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050025"));
    std::optional<DeviceEvent> last;
    for (int i = 0; i < 4; ++i)
        last = rig.host.next(DeviceEventType::ReadFailed);
    REQUIRE(last);
    CHECK(last->error->code == "place_again");
    CHECK_FALSE(rig.host.nextCard(200ms));

    rig.twin.failReads(0, 0);
    rig.twin.remove();
    REQUIRE(rig.host.next(DeviceEventType::CardRemoved));
    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050025"));
    CHECK(rig.host.nextCard());
}

TEST_CASE("a misread ID number (wrong check digit) is a retry, never a person") {
    Rig rig;
    REQUIRE(rig.host.next(DeviceEventType::Opened));
    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050026"));
    auto failed = rig.host.next(DeviceEventType::ReadFailed);
    REQUIRE(failed);
    CHECK(failed->error->category == ErrorCategory::Retry);
    CHECK(failed->error->code == "misread");
    CHECK(failed->error->message.find("110101") == std::string::npos); // nothing personal
    CHECK_FALSE(rig.host.nextCard(100ms));
}

TEST_CASE("garbage on the line before a reply does not lose the card") {
    Rig rig;
    REQUIRE(rig.host.next(DeviceEventType::Opened));
    rig.twin.garbage(300);
    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050025"));
    CHECK(rig.host.nextCard());
}

TEST_CASE("a SAM that fails its self-test or stops answering is a lost device, back when healed") {
    Rig rig;
    REQUIRE(rig.host.next(DeviceEventType::Opened));
    rig.twin.samFault(0x60);
    auto lost = rig.host.next(DeviceEventType::Lost);
    REQUIRE(lost);
    CHECK(lost->error->category == ErrorCategory::Device);
    rig.twin.samFault(std::nullopt);
    REQUIRE(rig.host.next(DeviceEventType::Back));

    rig.twin.mute(true);
    lost = rig.host.next(DeviceEventType::Lost);
    REQUIRE(lost);
    CHECK(lost->error->code == "no_answer");
    rig.twin.mute(false);
    REQUIRE(rig.host.next(DeviceEventType::Back));
    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050025"));
    CHECK(rig.host.nextCard());
}

TEST_CASE(
    "unplugged in the middle of a read and plugged back: the driver recovers, the host lives on") {
    auto options = hall::testing::fastReaderOptions();
    options.readTimeout = 3s;
    Rig rig(options);
    REQUIRE(rig.host.next(DeviceEventType::Opened));
    rig.twin.slow(2s); // 2 s per 1000 bytes: the read reply takes 2.6 s to trickle out
    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050025"));
    REQUIRE(rig.host.next(DeviceEventType::CardInserted));
    std::this_thread::sleep_for(300ms); // inside the read
    rig.twin.unplug();
    auto lost = rig.host.next(DeviceEventType::Lost);
    REQUIRE(lost);
    CHECK(lost->error->category == ErrorCategory::Device);
    CHECK_FALSE(rig.host.nextCard(100ms)); // no half-read person

    rig.twin.slow(0ms);
    rig.twin.plug();
    REQUIRE(rig.host.next(DeviceEventType::Back));
    auto card = rig.host.nextCard();
    REQUIRE(card);
    CHECK(card->first == "王兰");
}

TEST_CASE("stop ends a read in flight promptly") {
    Rig rig;
    REQUIRE(rig.host.next(DeviceEventType::Opened));
    rig.twin.slow(5s);
    rig.twin.insert(hall::testing::residentCard("王兰", "110101194403050025"));
    REQUIRE(rig.host.next(DeviceEventType::CardInserted));
    std::this_thread::sleep_for(100ms);
    auto t0 = std::chrono::steady_clock::now();
    rig.reader->stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 1s);
}
