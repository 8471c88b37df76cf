#pragma once
// A one-bit image for the printer's raster command (GS v 0): the hall's logo on a ticket.
// Rows are packed MSB first, a set bit is a black dot — the layout of both ESC/POS raster data
// and the PBM file format, so a logo drawn in any editor and saved as PBM prints as it is.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

namespace hall::drivers::printer {

class MonoBitmap {
public:
    // Largest image the encoder and the decoder accept: wider than any thermal head (576 dots
    // on 80 mm paper, 832 on 112 mm), a long ticket tall.
    static constexpr int kMaxWidth = 1024;
    static constexpr int kMaxHeight = 4095;

    MonoBitmap() = default;
    // Throws std::invalid_argument for a size outside 1..kMaxWidth × 1..kMaxHeight.
    MonoBitmap(int width, int height);
    // Packed rows as they come (bytesPerRow × height bytes); throws std::invalid_argument when
    // the size does not match.
    MonoBitmap(int width, int height, std::vector<std::uint8_t> rows);

    int width() const { return width_; }
    int height() const { return height_; }
    int bytesPerRow() const { return (width_ + 7) / 8; }
    bool empty() const { return width_ == 0; }
    bool at(int x, int y) const;
    void set(int x, int y, bool black);
    std::span<const std::uint8_t> rows() const { return rows_; }

    bool operator==(const MonoBitmap&) const = default;

private:
    int width_ = 0;
    int height_ = 0;
    std::vector<std::uint8_t> rows_;
};

// A PBM image (P4 binary or P1 text, as written by GIMP, ImageMagick, netpbm). Throws
// std::invalid_argument with the reason for anything else.
MonoBitmap parsePbm(std::string_view data);
MonoBitmap loadPbm(const std::filesystem::path& file); // also std::runtime_error when unreadable

} // namespace hall::drivers::printer
