#pragma once
// The card's photo comes as 1024 bytes of WLT, a compression format only vendor libraries
// decode. This is where such a library plugs in: the host implements PhotoDecoder around the
// vendor's call and installs it at run time. None ships with the suite, so without one the
// photo stays raw (IdCardRecord::photo) and decodePhoto() says "no photo decoder installed";
// that is a missing feature, never a failed read.

#include "drivers/base/secure_wipe.h"
#include "drivers/idcard/decode_result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hall::drivers::idcard {

inline constexpr int kPhotoWidth = 102;
inline constexpr int kPhotoHeight = 126;

// 8-bit RGB, rows top to bottom, width * 3 bytes per row, no padding. The pixels are personal.
struct RgbImage {
    int width = 0;
    int height = 0;
    SecureBytes pixels;
};

class PhotoDecoder {
public:
    virtual ~PhotoDecoder() = default;
    // For the technician menu: which library decodes ("vendor X libwlt 2.1").
    virtual std::string_view name() const = 0;
    // One WLT block into a kPhotoWidth × kPhotoHeight image. Called from readers' worker threads,
    // possibly several at once: must be thread-safe. Errors are reported, not thrown (a throw is
    // caught and reported as a decode failure).
    virtual DecodeResult<RgbImage> decode(std::span<const std::uint8_t> wlt) const = 0;
};

// Installs the process-wide decoder; nullptr uninstalls. Safe to call at any time: a decode in
// progress finishes with the decoder it started with.
void installPhotoDecoder(std::shared_ptr<const PhotoDecoder> decoder);
std::shared_ptr<const PhotoDecoder> installedPhotoDecoder();

enum class PhotoStatus {
    Decoded,
    NoPhoto,            // the read carried no photo bytes
    NoDecoderInstalled, // the photo is kept raw; not an error of the read
    DecodeFailed,       // the installed decoder refused the bytes or returned a wrong image
};
std::string_view photoStatusName(PhotoStatus status);

struct PhotoOutcome {
    PhotoStatus status = PhotoStatus::NoDecoderInstalled;
    std::optional<RgbImage> image; // set when Decoded
    std::string message;           // for the technician; never personal
};

// Decodes with the installed decoder and checks the image it returns (size, pixel bytes).
PhotoOutcome decodePhoto(std::span<const std::uint8_t> wlt);

} // namespace hall::drivers::idcard
