// The ID-card reader end to end over USB: IdCardReader → SamLink → UsbBulkStream → libusb →
// usbdevfs, answered by umockdev from a script that make_script.cpp writes at build time with the
// real frame codec (one script per scenario; the replay rules are explained there). Each
// "umockdev:" suite runs in its own umockdev-run (CMakeLists.txt) and is skipped in a plain run
// of the binary, which checks the opener and the generated scripts themselves.
#include "drivers/base/registry.h"
#include "drivers/devsim/people.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/id_card_record.h"
#include "drivers/idcard/sam_frame.h"
#include "drivers/idcard/usb_opener.h"
#include "tests/drivers/idcard_usb/ioctl_script.h"

#include <chrono>
#include <condition_variable>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace hall::drivers;
using namespace hall::drivers::idcard;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// The fields a host would use, copied out of the record the driver hands over (the people are
// fictitious, so the copies need no wiping).
struct Person {
    std::string name, idNumber, sex, nationCode, birthDate, address, authority, validFrom, validTo;
    std::vector<std::uint8_t> photo;
    bool operator==(const Person&) const = default;
};

Person personOf(const IdCardRecord& r) {
    return {r.name,      r.idNumber,     std::string(sexName(r.sex)), r.nationCode,
            r.birthDate, r.address,      r.issuingAuthority,          r.validFrom,
            r.validTo,   r.photo.bytes()};
}

// The person the scripts were generated from, straight from the fixture.
IdCardRecord fixturePerson() {
    return hall::devsim::PeopleFixture::load(HALL_PEOPLE_JSON).idCard(HALL_PERSON_KEY);
}

std::filesystem::path script(const std::string& scenario) {
    return std::filesystem::path(HALL_IDCARD_USB_SCRIPTS) / (scenario + ".ioctl");
}

// One entry of what the host saw, in the order the driver's thread delivered it: an event, or
// a person handed to the card handler.
struct Seen {
    std::optional<DeviceEvent> event;
    std::optional<Person> card;
    bool is(DeviceEventType t) const { return event && event->type == t; }
};

struct Host {
    std::mutex m;
    std::condition_variable cv;
    std::vector<Seen> log;

    DeviceEventSink sink() {
        return [this](const DeviceEvent& e) {
            std::lock_guard lock(m);
            log.push_back({e, std::nullopt});
            cv.notify_all();
        };
    }
    CardHandler handler() {
        return [this](IdCardRecord&& r) {
            std::lock_guard lock(m);
            log.push_back({std::nullopt, personOf(r)});
            r.wipe();
            cv.notify_all();
        };
    }
    // The log up to and including the n-th event of this type; empty when it did not come in time.
    std::vector<Seen> until(DeviceEventType type, int n, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m);
        std::vector<Seen> out;
        cv.wait_for(lock, timeout, [&] {
            out.clear();
            int count = 0;
            for (const auto& s : log) {
                out.push_back(s);
                if (s.is(type) && ++count == n) return true;
            }
            return false;
        });
        if (out.empty() || !out.back().is(type)) return {};
        return out;
    }
    std::vector<Seen> snapshot() {
        std::lock_guard lock(m);
        return log;
    }
};

// "Opened", "card", ...: a readable picture of a log for CHECKs.
std::vector<std::string> kinds(const std::vector<Seen>& log) {
    std::vector<std::string> out;
    for (const auto& s : log)
        out.emplace_back(s.event ? eventTypeName(s.event->type) : "card");
    return out;
}

const DeviceDescriptor& samUsb() {
    const auto* d = findDescriptor("idcard.sam-usb");
    REQUIRE(d != nullptr);
    return *d;
}

IdCardReaderOptions fastOptions() {
    IdCardReaderOptions o;
    o.pollInterval = 20ms;
    o.commandTimeout = 500ms;
    o.readTimeout = 1s;
    o.reopen = {50ms, 200ms};
    return o;
}

struct Rig {
    Host host;
    UsbBulkSettings usb = UsbBulkSettings::forDescriptor(samUsb());
    IdCardReader reader{samUsb(),    usbPortName(usb), usbStreamOpener(usb),
                        host.sink(), host.handler(),   fastOptions()};
    Rig() { reader.start(); }

    // Stops the reader and returns how long that took: a worker blocked in libusb must still
    // honour a stop within a slice.
    Clock::duration stop() {
        const auto t0 = Clock::now();
        reader.stop();
        return Clock::now() - t0;
    }
};

// Opened → card placed → the read dies with the reader → Lost, then Back: umockdev keeps the
// device on the emulated bus (as after a hub reset), so the worker's re-open finds it again and
// the replay starts over from the top of the script for the new file descriptor.
void checkUnpluggedDuringTheRead(const std::string& during) {
    Rig rig;
    const auto log = rig.host.until(DeviceEventType::Back, 1, 10s);
    const auto took = rig.stop();
    REQUIRE_MESSAGE(!log.empty(), "seen: " << doctest::toString(kinds(rig.host.snapshot())));

    CHECK(kinds(log) == std::vector<std::string>{"opened", "card_inserted", "lost", "back"});
    const auto& lost = log[2].event;
    REQUIRE(lost->error);
    CHECK(lost->error->category == ErrorCategory::Device);
    CHECK(lost->error->code == "unplugged");
    CHECK(lost->error->message.find(during) != std::string::npos);
    CHECK(lost->device == "idcard.sam-usb@usb");
    // Nothing of the half-read card reached the host, not even in the technician's message.
    const auto person = fixturePerson();
    CHECK(lost->error->message.find(person.idNumber.substr(0, 6)) == std::string::npos);
    CHECK(lost->error->message.find(person.name) == std::string::npos);
    for (const auto& s : rig.host.snapshot())
        CHECK_FALSE(s.card.has_value());

    // The host process lives on: its reader stopped promptly, and it can open the reader again.
    CHECK(took < 1s);
    auto again = usbStreamOpener(UsbBulkSettings::forDescriptor(samUsb()))();
    CHECK(again != nullptr);
}

} // namespace

TEST_CASE("the USB opener: settings checked at set-up, port names for technicians") {
    CHECK_THROWS_AS(usbStreamOpener(UsbBulkSettings{}), std::invalid_argument);

    auto byId = UsbBulkSettings::forDescriptor(samUsb());
    CHECK(usbPortName(byId) == "usb");
    CHECK(usbStreamOpener(byId) != nullptr);

    UsbBulkSettings pinned;
    pinned.at = UsbBusAddress{1, 12};
    CHECK(usbPortName(pinned) == "usb:001/012");
    CHECK(usbStreamOpener(pinned) != nullptr); // an address alone is enough to look for
}

// umockdev reads a script up to its first unparseable line and replays that much without a word,
// so a generator mistake would show up only as a reader that times out. Checked here instead.
TEST_CASE("the generated scripts parse, and carry the codec's frames and the fixture's person") {
    for (const std::string scenario : {"card_cycle", "unplug_mid_read", "unplug_before_read"}) {
        CAPTURE(scenario);
        std::ifstream in(script(scenario));
        REQUIRE(in);
        std::string line;
        REQUIRE(std::getline(in, line));
        CHECK(line == "@DEV " + std::string(idcard_usb::kDeviceNode));
        REQUIRE(std::getline(in, line));
        CHECK(line == idcard_usb::kCapabilitiesLine);

        std::vector<idcard_usb::UrbLine> urbs;
        while (std::getline(in, line)) {
            auto u = idcard_usb::parseUrbLine(line);
            REQUIRE_MESSAGE(u, "unparseable line " << urbs.size() + 3);
            urbs.push_back(std::move(*u));
        }
        REQUIRE(urbs.size() >= 7);
        CHECK_FALSE(urbs.front().in); // an answer needs a request above it

        // The opening every scenario shares: status → 90, find → 9F, select → 90.
        const std::pair<SamCommand, std::uint8_t> opening[] = {{SamCommand::SamStatus, 0x90},
                                                               {SamCommand::FindCard, 0x9F},
                                                               {SamCommand::SelectCard, 0x90}};
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK(urbs[2 * i].data == encodeRequest(opening[i].first));
            auto answer = decodeFrame(urbs[2 * i + 1].data);
            REQUIRE(answer.ok());
            auto response = parseResponse(std::move(answer.value()));
            REQUIRE(response.ok());
            CHECK(response.value().sw3 == opening[i].second);
        }
        CHECK(urbs[6].data == encodeRequest(SamCommand::ReadTextPhoto));
        for (const auto& u : urbs)
            if (u.in) CHECK(u.bufferLength == static_cast<int>(UsbBulkStream::kReadChunk));

        if (scenario == "card_cycle") {
            // The whole reply in one transfer: the 1,295-byte frame of 30 01, decoding to the
            // fixture.
            REQUIRE(urbs.size() == 14);
            CHECK(urbs[7].status == 0);
            CHECK(urbs[7].data.size() == 1295);
            auto frame = decodeFrame(urbs[7].data);
            REQUIRE(frame.ok());
            auto response = parseResponse(std::move(frame.value()));
            REQUIRE(response.ok());
            CHECK(response.value().sw3 == 0x90);
            auto record = decodeReadReply(response.value().data.bytes());
            REQUIRE(record.ok());
            CHECK(personOf(record.value()) == personOf(fixturePerson()));
            // Then the card lies there (9F), then it is gone (80, twice).
            const std::uint8_t finds[] = {0x9F, 0x80, 0x80};
            for (std::size_t i = 0; i < 3; ++i) {
                CHECK(urbs[8 + 2 * i].data == encodeRequest(SamCommand::FindCard));
                CHECK(urbs[9 + 2 * i].data == encodeResponse(finds[i]));
            }
        } else if (scenario == "unplug_mid_read") {
            // Part of the reply, then the transfer that dies with the reader (ESHUTDOWN).
            REQUIRE(urbs.size() == 9);
            CHECK(urbs[7].status == 0);
            CHECK(urbs[7].data.size() < 1295);
            CHECK(urbs[7].data.size() % 64 !=
                  0); // ends with a short packet, as a real transfer does
            CHECK(urbs[8].in);
            CHECK(urbs[8].status == -108);
            CHECK(urbs[8].data.empty());
        } else {
            // The read request itself fails: the device is gone (ENODEV).
            REQUIRE(urbs.size() == 7);
            CHECK(urbs[6].status == -19);
        }
    }
}

TEST_SUITE("umockdev: ID card on a USB reader" * doctest::skip()) {
    TEST_CASE(
        "opened, the card read once per placement with every field, removed; the script loops") {
        Rig rig;
        CHECK(rig.reader.instanceId() == "idcard.sam-usb@usb");
        // Two rounds of the script: the second is the replay wrapping round (make_script.cpp), i.e.
        // the same card placed again, which must be read again.
        const auto log = rig.host.until(DeviceEventType::CardRemoved, 2, 15s);
        const auto took = rig.stop();
        REQUIRE_MESSAGE(!log.empty(), "seen: " << doctest::toString(kinds(rig.host.snapshot())));

        // One read per placement, although find kept answering 9F after the read.
        CHECK(kinds(log) == std::vector<std::string>{"opened", "card_inserted", "card",
                                                     "card_removed", "card_inserted", "card",
                                                     "card_removed"});
        const auto expected = personOf(fixturePerson());
        for (const auto& s : log) {
            if (s.card) {
                CHECK(s.card->name == expected.name);
                CHECK(s.card->idNumber == expected.idNumber);
                CHECK(*s.card == expected); // and every other field, the photo block included
            } else {
                CHECK(s.event->device == "idcard.sam-usb@usb");
                CHECK_FALSE(s.event->error.has_value());
            }
        }
        CHECK(took < 1s);
    }
}

TEST_SUITE("umockdev: USB reader unplugged mid-read" * doctest::skip()) {
    TEST_CASE("the reply stops half way and the transfer fails with ESHUTDOWN: Lost, then Back") {
        checkUnpluggedDuringTheRead("during a read");
    }
}

TEST_SUITE("umockdev: USB reader unplugged before the read" * doctest::skip()) {
    TEST_CASE("the read request fails with ENODEV: Lost, then Back") {
        checkUnpluggedDuringTheRead("during a write");
    }
}

TEST_SUITE("umockdev: no USB ID-card reader" * doctest::skip()) {
    TEST_CASE("no reader on the bus: one Lost naming what was looked for, never Opened") {
        Rig rig;
        const auto log = rig.host.until(DeviceEventType::Lost, 1, 5s);
        REQUIRE(log.size() == 1);
        CHECK(log[0].event->error->code == "not_found");
        CHECK(log[0].event->error->message.find("0400:c35a") != std::string::npos);
        // Several re-open attempts later (50, 100, 200, 200 ms …): still the one report.
        std::this_thread::sleep_for(800ms);
        CHECK(kinds(rig.host.snapshot()) == std::vector<std::string>{"lost"});
        CHECK(rig.stop() < 1s);
    }
}
