#pragma once
// Builds ESC/POS bytes (escpos.h lists each command). Text is UTF-8 in: ASCII goes as it is,
// anything else is wrapped in Chinese mode (1C 26 … GB18030 … 1C 2E). Text can never inject a
// command: control characters come out as '?', and the count of replaced characters is kept so
// the caller can report what a ticket lost.
//
// Invalid parameters (a QR payload beyond the symbol's capacity, a barcode character CODE128
// set B cannot carry, a size multiplier of 9) throw std::invalid_argument and append nothing.

#include "drivers/printer/escpos.h"
#include "drivers/printer/gb18030.h"
#include "drivers/printer/mono_bitmap.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace hall::drivers::printer {

enum class Align : std::uint8_t { Left = 0, Centre = 1, Right = 2 };

enum class QrErrorLevel : std::uint8_t { L = 0x30, M = 0x31, Q = 0x32, H = 0x33 };

struct QrOptions {
    std::uint8_t moduleSize = 6; // dots per module, 1–16 (6 on 203 dpi ≈ 0.75 mm modules)
    QrErrorLevel level = QrErrorLevel::M;
};

enum class BarcodeText : std::uint8_t { None = 0, Above = 1, Below = 2, Both = 3 };

struct BarcodeOptions {
    std::uint8_t height = 80;     // dots, 1–255
    std::uint8_t moduleWidth = 2; // 2–6
    BarcodeText text = BarcodeText::Below;
};

enum class Cut : std::uint8_t { Full = 0x41, Partial = 0x42 };

class EscPosWriter {
public:
    explicit EscPosWriter(Gb18030Options charset = {}) : charset_(charset) {}

    EscPosWriter& init();                      // 1B 40
    EscPosWriter& align(Align a);              // 1B 61 n
    EscPosWriter& bold(bool on);               // 1B 45 n
    EscPosWriter& size(int width, int height); // 1D 21 n, multipliers 1–8
    EscPosWriter& text(std::string_view utf8); // no line feed
    EscPosWriter& line(std::string_view utf8); // text, then LF
    EscPosWriter& newline();                   // 0A
    EscPosWriter& feed(std::uint8_t lines);    // 1B 64 n
    EscPosWriter& qr(std::string_view payload, QrOptions options = {});        // 1D 28 6B × 5
    EscPosWriter& code128(std::string_view data, BarcodeOptions options = {}); // 1D 68/77/48/6B
    EscPosWriter& image(const MonoBitmap& bitmap);                             // 1D 76 30 00 …
    EscPosWriter& cut(Cut mode = Cut::Partial, std::uint8_t feedUnits = 0);    // 1D 56 42 n
    EscPosWriter& raw(std::span<const std::uint8_t> bytes);

    const std::vector<std::uint8_t>& bytes() const { return out_; }
    std::vector<std::uint8_t> take() { return std::move(out_); }
    int replacedCharacters() const { return replaced_; }

private:
    void put(std::initializer_list<std::uint8_t> bytes) { out_.insert(out_.end(), bytes); }

    Gb18030Options charset_;
    std::vector<std::uint8_t> out_;
    int replaced_ = 0;
};

} // namespace hall::drivers::printer
