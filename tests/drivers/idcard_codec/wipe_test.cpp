// Personal buffers really are zeroed. Checked through the wipe observer (secure_wipe.h), which
// sees each region right after it is zeroed and before its memory is released, so nothing here
// reads freed memory.
#include "tests/drivers/idcard_codec/card_fixtures.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/idcard/id_card_record.h"
#include "drivers/idcard/sam_frame.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <mutex>
#include <string>
#include <vector>

using namespace hall::drivers;
using namespace hall::drivers::idcard;

namespace {

struct Region {
    const void* data;
    std::size_t size;
};

struct WipeLog {
    std::mutex mutex;
    std::vector<Region> regions;
    bool allZero = true;
};
WipeLog* activeLog = nullptr;

void observe(const void* data, std::size_t size) noexcept {
    const auto* bytes = static_cast<const unsigned char*>(data);
    const bool zero = std::all_of(bytes, bytes + size, [](unsigned char b) { return b == 0; });
    const std::lock_guard lock(activeLog->mutex);
    activeLog->regions.push_back({data, size});
    activeLog->allZero = activeLog->allZero && zero;
}

// Installs the observer for one test and records what it sees.
class WipeWatch {
public:
    WipeWatch() {
        activeLog = &log_;
        setWipeObserver(&observe);
    }
    ~WipeWatch() {
        setWipeObserver(nullptr);
        activeLog = nullptr;
    }
    // Was [data, data + size) covered by one wiped region?
    bool wiped(const void* data, std::size_t size) {
        const std::lock_guard lock(log_.mutex);
        const auto* p = static_cast<const unsigned char*>(data);
        return std::any_of(log_.regions.begin(), log_.regions.end(), [&](const Region& r) {
            const auto* b = static_cast<const unsigned char*>(r.data);
            return p >= b && p + size <= b + r.size;
        });
    }
    bool allZero() {
        const std::lock_guard lock(log_.mutex);
        return log_.allZero;
    }
    std::size_t totalWiped() {
        const std::lock_guard lock(log_.mutex);
        std::size_t n = 0;
        for (const auto& r : log_.regions)
            n += r.size;
        return n;
    }

private:
    WipeLog log_;
};

// Where the personal bytes of a record live right now.
struct Footprint {
    std::vector<Region> regions;
    void add(const std::string& s) { regions.push_back({s.data(), s.capacity()}); }
    void add(const SecureBytes& b) { regions.push_back({b.bytes().data(), b.bytes().capacity()}); }
};

Footprint footprintOf(const IdCardRecord& r) {
    Footprint f;
    // A long value lives on the heap, a short one inside the string object itself: both count.
    f.add(r.name);
    f.add(r.address);
    f.add(r.idNumber);
    f.add(r.birthDate);
    f.add(r.issuingAuthority);
    f.add(r.validTo);
    f.add(r.photo);
    return f;
}

IdCardRecord decodedResident() {
    auto r = decodeReadReply(
        idcard_test::readReply(idcard_test::residentText(), idcard_test::photoBytes()));
    REQUIRE(r.ok());
    return std::move(r.value());
}

} // namespace

TEST_CASE("wipe() zeroes every personal buffer of a record, then empties it") {
    auto record = decodedResident();
    WipeWatch watch;
    const auto footprint = footprintOf(record);
    record.wipe();
    CHECK(watch.allZero());
    for (const auto& region : footprint.regions)
        CHECK(watch.wiped(region.data, region.size));
    CHECK(record.name.empty());
    CHECK(record.idNumber.empty());
    CHECK(record.address.empty());
    CHECK(record.photo.empty());
    CHECK(record.sex == Sex::Unknown);
}

TEST_CASE("destroying a record zeroes its buffers before their memory is released") {
    std::vector<Region> footprint;
    WipeWatch watch;
    {
        auto record = decodedResident();
        footprint = footprintOf(record).regions;
    }
    CHECK(watch.allZero());
    for (const auto& region : footprint)
        CHECK(watch.wiped(region.data, region.size));
}

TEST_CASE("moving a record zeroes what the source kept (short strings live inline)") {
    auto source = decodedResident();
    source.birthDate.shrink_to_fit(); // 8 characters: back into the string's inline buffer
    REQUIRE(source.birthDate.capacity() < 16);
    const void* inlineBirth = source.birthDate.data();
    REQUIRE(inlineBirth >= static_cast<const void*>(&source));
    REQUIRE(inlineBirth < static_cast<const void*>(&source + 1));
    WipeWatch watch;
    IdCardRecord target(std::move(source));
    CHECK(watch.wiped(inlineBirth, 8));
    CHECK(watch.allZero());
    CHECK(source.birthDate.empty());
    CHECK(target.birthDate == "19491231");

    IdCardRecord assigned;
    assigned = std::move(target);
    CHECK(target.name.empty());
    CHECK(assigned.name == "王小红");
}

TEST_CASE("the frame decoder zeroes the bytes of each frame it consumes") {
    const auto frame = encodeResponse(
        0x90, idcard_test::readReply(idcard_test::residentText(), idcard_test::photoBytes()));
    WipeWatch watch;
    {
        SamFrameDecoder decoder;
        REQUIRE(decoder.feed(frame) == frame.size());
        auto next = decoder.next();
        REQUIRE(next.has_value());
        REQUIRE(next->ok());
        CHECK(watch.totalWiped() >= frame.size()); // consumed bytes, wiped in the buffer
    }
    CHECK(watch.allZero());
}
