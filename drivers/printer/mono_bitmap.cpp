#include "drivers/printer/mono_bitmap.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace hall::drivers::printer {
namespace {

void checkSize(int width, int height) {
    if (width < 1 || width > MonoBitmap::kMaxWidth || height < 1 || height > MonoBitmap::kMaxHeight)
        throw std::invalid_argument("bitmap size " + std::to_string(width) + "x" +
                                    std::to_string(height) + " is outside 1x1.." +
                                    std::to_string(MonoBitmap::kMaxWidth) + "x" +
                                    std::to_string(MonoBitmap::kMaxHeight));
}

// The PBM header: magic, then width and height as decimal numbers, separated by whitespace and
// '#' comments to the end of a line; exactly one whitespace byte before binary raster data.
class PbmReader {
public:
    explicit PbmReader(std::string_view data) : data_(data) {}

    void skipSpaceAndComments() {
        while (pos_ < data_.size()) {
            if (data_[pos_] == '#') {
                while (pos_ < data_.size() && data_[pos_] != '\n')
                    ++pos_;
            } else if (std::isspace(static_cast<unsigned char>(data_[pos_]))) {
                ++pos_;
            } else {
                return;
            }
        }
    }
    int number(const char* what) {
        skipSpaceAndComments();
        long v = 0;
        std::size_t digits = 0;
        while (pos_ < data_.size() && std::isdigit(static_cast<unsigned char>(data_[pos_])) &&
               digits < 6) {
            v = v * 10 + (data_[pos_++] - '0');
            ++digits;
        }
        if (digits == 0) throw std::invalid_argument(std::string("PBM: bad or missing ") + what);
        return static_cast<int>(v);
    }
    std::size_t& pos() { return pos_; }
    std::string_view data() const { return data_; }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
};

} // namespace

MonoBitmap::MonoBitmap(int width, int height) : width_(width), height_(height) {
    checkSize(width, height);
    rows_.assign(static_cast<std::size_t>(bytesPerRow() * height), 0);
}

MonoBitmap::MonoBitmap(int width, int height, std::vector<std::uint8_t> rows)
    : width_(width), height_(height), rows_(std::move(rows)) {
    checkSize(width, height);
    if (rows_.size() != static_cast<std::size_t>(bytesPerRow() * height))
        throw std::invalid_argument(
            "bitmap of " + std::to_string(width) + "x" + std::to_string(height) + " needs " +
            std::to_string(bytesPerRow() * height) + " bytes, got " + std::to_string(rows_.size()));
}

bool MonoBitmap::at(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return false;
    const auto byte = rows_[static_cast<std::size_t>(y * bytesPerRow() + x / 8)];
    return (byte >> (7 - x % 8)) & 1;
}

void MonoBitmap::set(int x, int y, bool black) {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
    auto& byte = rows_[static_cast<std::size_t>(y * bytesPerRow() + x / 8)];
    const auto bit = static_cast<std::uint8_t>(0x80u >> (x % 8));
    byte = static_cast<std::uint8_t>(black ? byte | bit : byte & ~bit);
}

MonoBitmap parsePbm(std::string_view data) {
    if (data.size() < 2 || data[0] != 'P' || (data[1] != '4' && data[1] != '1'))
        throw std::invalid_argument("not a PBM image (expected P4 or P1)");
    const bool binary = data[1] == '4';
    PbmReader r(data.substr(2));
    const int width = r.number("width");
    const int height = r.number("height");
    checkSize(width, height);
    MonoBitmap bitmap(width, height);
    auto& pos = r.pos();
    if (binary) {
        ++pos; // the single whitespace byte after the height
        const auto need = static_cast<std::size_t>(bitmap.bytesPerRow() * height);
        if (pos > r.data().size() || r.data().size() - pos < need)
            throw std::invalid_argument("PBM: raster data is cut short");
        const auto* raster = reinterpret_cast<const std::uint8_t*>(r.data().data() + pos);
        std::vector<std::uint8_t> rows(raster, raster + need);
        // Padding bits at the end of each row are unspecified in PBM: clear them.
        if (width % 8 != 0)
            for (int y = 0; y < height; ++y)
                rows[static_cast<std::size_t>((y + 1) * bitmap.bytesPerRow() - 1)] &=
                    static_cast<std::uint8_t>(0xFF00u >> (width % 8));
        return MonoBitmap(width, height, std::move(rows));
    }
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            r.skipSpaceAndComments();
            if (pos >= r.data().size()) throw std::invalid_argument("PBM: pixels are cut short");
            const char c = r.data()[pos++];
            if (c != '0' && c != '1') throw std::invalid_argument("PBM: pixel is not 0 or 1");
            bitmap.set(x, y, c == '1');
        }
    return bitmap;
}

MonoBitmap loadPbm(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read logo " + file.string());
    std::ostringstream all;
    all << in.rdbuf();
    // A logo is a few kilobytes; refuse something that is clearly not one before parsing it.
    const std::string data = all.str();
    if (data.size() > 1'000'000)
        throw std::invalid_argument("logo " + file.string() + " is too big");
    return parsePbm(data);
}

} // namespace hall::drivers::printer
