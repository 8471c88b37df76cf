// The WLT photo plug-in point: absent, working, and misbehaving decoders.
#include "tests/drivers/idcard_codec/card_fixtures.h"
#include "drivers/idcard/photo_decoder.h"

#include <doctest/doctest.h>
#include <stdexcept>
#include <vector>

using namespace hall::drivers;
using namespace hall::drivers::idcard;

namespace {

// Uninstalls whatever a test installed, also when it fails.
struct InstallGuard {
    explicit InstallGuard(std::shared_ptr<const PhotoDecoder> d) {
        installPhotoDecoder(std::move(d));
    }
    ~InstallGuard() { installPhotoDecoder(nullptr); }
};

// Paints each pixel from the WLT bytes, so the test can tell the input reached the decoder.
class FakeDecoder : public PhotoDecoder {
public:
    enum class Mode { Good, WrongSize, Refuse, Throw };
    explicit FakeDecoder(Mode mode) : mode_(mode) {}
    std::string_view name() const override { return "fake WLT decoder"; }
    DecodeResult<RgbImage> decode(std::span<const std::uint8_t> wlt) const override {
        if (mode_ == Mode::Throw) throw std::runtime_error("vendor library crashed");
        if (mode_ == Mode::Refuse) return retryError("bad_wlt", "not a WLT block");
        const int h = mode_ == Mode::WrongSize ? 100 : kPhotoHeight;
        std::vector<std::uint8_t> pixels(static_cast<std::size_t>(kPhotoWidth * h * 3));
        for (std::size_t i = 0; i < pixels.size(); ++i)
            pixels[i] = wlt[i % wlt.size()];
        return RgbImage{kPhotoWidth, h, SecureBytes(std::move(pixels))};
    }

private:
    Mode mode_;
};

} // namespace

TEST_CASE("without a decoder the photo stays raw and the outcome says so") {
    installPhotoDecoder(nullptr);
    const auto photo = idcard_test::photoBytes();
    const auto outcome = decodePhoto(photo);
    CHECK(outcome.status == PhotoStatus::NoDecoderInstalled);
    CHECK(photoStatusName(outcome.status) == "no_decoder_installed");
    CHECK(outcome.message.find("no photo decoder installed") != std::string::npos);
    CHECK(!outcome.image.has_value());
    CHECK(installedPhotoDecoder() == nullptr);
}

TEST_CASE("an empty photo is 'no photo', whatever is installed") {
    InstallGuard guard(std::make_shared<FakeDecoder>(FakeDecoder::Mode::Good));
    CHECK(decodePhoto({}).status == PhotoStatus::NoPhoto);
}

TEST_CASE("an installed decoder turns WLT into a 102x126 RGB image") {
    InstallGuard guard(std::make_shared<FakeDecoder>(FakeDecoder::Mode::Good));
    REQUIRE(installedPhotoDecoder() != nullptr);
    CHECK(installedPhotoDecoder()->name() == "fake WLT decoder");
    const auto photo = idcard_test::photoBytes();
    auto outcome = decodePhoto(photo);
    REQUIRE(outcome.status == PhotoStatus::Decoded);
    REQUIRE(outcome.image.has_value());
    CHECK(outcome.image->width == 102);
    CHECK(outcome.image->height == 126);
    REQUIRE(outcome.image->pixels.size() == 102u * 126u * 3u);
    CHECK(outcome.image->pixels.bytes()[5] == photo[5]);
}

TEST_CASE("a decoder that fails, throws or returns the wrong size is a decode failure") {
    const auto photo = idcard_test::photoBytes();
    {
        InstallGuard guard(std::make_shared<FakeDecoder>(FakeDecoder::Mode::WrongSize));
        const auto o = decodePhoto(photo);
        CHECK(o.status == PhotoStatus::DecodeFailed);
        CHECK(o.message.find("102x100") != std::string::npos);
    }
    {
        InstallGuard guard(std::make_shared<FakeDecoder>(FakeDecoder::Mode::Refuse));
        const auto o = decodePhoto(photo);
        CHECK(o.status == PhotoStatus::DecodeFailed);
        CHECK(o.message.find("not a WLT block") != std::string::npos);
    }
    {
        InstallGuard guard(std::make_shared<FakeDecoder>(FakeDecoder::Mode::Throw));
        const auto o = decodePhoto(photo);
        CHECK(o.status == PhotoStatus::DecodeFailed);
        CHECK(o.message.find("vendor library crashed") != std::string::npos);
        CHECK(o.message.find("fake WLT decoder") != std::string::npos);
    }
    CHECK(decodePhoto(photo).status == PhotoStatus::NoDecoderInstalled);
}
