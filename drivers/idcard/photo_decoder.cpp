#include "drivers/idcard/photo_decoder.h"

#include <exception>
#include <mutex>

namespace hall::drivers::idcard {
namespace {

std::mutex installedMutex;
std::shared_ptr<const PhotoDecoder> installed;

PhotoOutcome failed(std::string message) {
    return {PhotoStatus::DecodeFailed, std::nullopt, std::move(message)};
}

} // namespace

void installPhotoDecoder(std::shared_ptr<const PhotoDecoder> decoder) {
    const std::lock_guard lock(installedMutex);
    installed = std::move(decoder);
}

std::shared_ptr<const PhotoDecoder> installedPhotoDecoder() {
    const std::lock_guard lock(installedMutex);
    return installed;
}

std::string_view photoStatusName(PhotoStatus status) {
    switch (status) {
    case PhotoStatus::Decoded:
        return "decoded";
    case PhotoStatus::NoPhoto:
        return "no_photo";
    case PhotoStatus::NoDecoderInstalled:
        return "no_decoder_installed";
    case PhotoStatus::DecodeFailed:
        return "decode_failed";
    }
    return "unknown";
}

PhotoOutcome decodePhoto(std::span<const std::uint8_t> wlt) {
    if (wlt.empty()) return {PhotoStatus::NoPhoto, std::nullopt, "the read carried no photo"};
    const auto decoder = installedPhotoDecoder();
    if (!decoder) {
        return {PhotoStatus::NoDecoderInstalled, std::nullopt,
                "no photo decoder installed: the WLT photo is kept raw; install a vendor WLT "
                "decoder to show it"};
    }
    const std::string who = "photo decoder '" + std::string(decoder->name()) + "'";
    try {
        auto result = decoder->decode(wlt);
        if (!result) return failed(who + " failed: " + result.error().message);
        RgbImage& image = result.value();
        const auto expectedBytes = static_cast<std::size_t>(kPhotoWidth) * kPhotoHeight * 3;
        if (image.width != kPhotoWidth || image.height != kPhotoHeight ||
            image.pixels.size() != expectedBytes) {
            return failed(who + " returned a " + std::to_string(image.width) + "x" +
                          std::to_string(image.height) + " image of " +
                          std::to_string(image.pixels.size()) + " bytes, expected 102x126 RGB (" +
                          std::to_string(expectedBytes) + " bytes)");
        }
        return {PhotoStatus::Decoded, std::move(image), {}};
    } catch (const std::exception& e) {
        return failed(who + " threw: " + e.what());
    } catch (...) {
        return failed(who + " threw an unknown exception");
    }
}

} // namespace hall::drivers::idcard
