#pragma once
// Reads an ESC/POS byte stream back into what a printer would put on paper: the twin's side of
// the codec, and the proof that the encoder says what it means (golden and round-trip tests).
//
// Incremental: feed() takes the stream in any pieces and appends every complete element; an
// unfinished command waits for the rest. Memory is bounded: the longest command kept whole is a
// raster image of MonoBitmap's maximum size; a command announcing more data than that (or a QR
// store beyond the symbol's capacity) has its data skipped, not buffered, and is reported as
// Unsupported. Text lines are cut at kMaxLineBytes.
//
// Text: in Chinese mode (FS &) bytes 81–FE start a two-byte (trail 40–7E, 80–FE) or four-byte
// (81–FE 30–39 81–FE 30–39) GB18030 character; outside it, bytes 80–FF are code-page characters
// this decoder does not map and come out as '?'. A malformed character becomes '?' too. A line's
// style is the style in force at its first character (a printer justifies whole lines).
// Commands outside the set in escpos.h are skipped by their documented length where the decoder
// knows it, else by two bytes, and reported as Unsupported.

#include "drivers/printer/escpos_writer.h"
#include "drivers/printer/mono_bitmap.h"
#include "drivers/printer/printer_status.h"

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace hall::drivers::printer {

struct TextStyle {
    Align align = Align::Left;
    int width = 1; // character size multipliers, 1–8
    int height = 1;
    bool bold = false;
    bool operator==(const TextStyle&) const = default;
};

struct TextLine {     // one LF's worth of text (possibly empty: a blank line)
    std::string text; // UTF-8
    TextStyle style;
    bool operator==(const TextLine&) const = default;
};

struct Feed { // blank lines fed after the text (ESC d n beyond the line it printed)
    int lines = 0;
    bool operator==(const Feed&) const = default;
};

struct QrCode {
    std::string payload; // the stored bytes, as sent
    int model = 2;
    int moduleSize = 3;
    QrErrorLevel level = QrErrorLevel::L;
    Align align = Align::Left;
    bool operator==(const QrCode&) const = default;
};

struct Barcode {
    std::uint8_t system = 0; // GS k m: 73 = CODE128
    std::string data;        // CODE128: the characters encoded (code-set escapes resolved)
    int height = 162;
    int moduleWidth = 3;
    BarcodeText text = BarcodeText::None;
    bool operator==(const Barcode&) const = default;
};

struct RasterImage {
    MonoBitmap bitmap; // x·8 dots wide: ESC/POS does not say how many of the last byte's bits
    int scale = 0;     // GS v 0 m: 0 normal, 1 double width, 2 double height, 3 both
    Align align = Align::Left;
    bool operator==(const RasterImage&) const = default;
};

struct PaperCut {
    bool partial = true;
    bool operator==(const PaperCut&) const = default;
};

struct StatusRequest { // DLE EOT n: the printer answers at once
    std::uint8_t n = 0;
    bool operator==(const StatusRequest&) const = default;
};

struct AsbRequest { // GS a n: automatic status back for the statuses in mask n
    std::uint8_t mask = 0;
    bool operator==(const AsbRequest&) const = default;
};

struct Initialise { // ESC @
    bool operator==(const Initialise&) const = default;
};

struct Unsupported { // a command this decoder skipped: its first bytes, for diagnostics
    std::vector<std::uint8_t> head;
    bool operator==(const Unsupported&) const = default;
};

using Element = std::variant<TextLine, Feed, QrCode, Barcode, RasterImage, PaperCut, StatusRequest,
                             AsbRequest, Initialise, Unsupported>;

class EscPosDecoder {
public:
    static constexpr std::size_t kMaxLineBytes = 1024;

    struct Options {
        bool chineseModeAtInit = false; // Epson's default; many Chinese-market printers start in it
    };

    EscPosDecoder() : EscPosDecoder(Options{}) {}
    explicit EscPosDecoder(Options options);

    void feed(std::span<const std::uint8_t> bytes, std::vector<Element>& out);
    // Bytes held for an unfinished command or text not yet ended by LF.
    std::size_t buffered() const { return pending_.size() + line_.size(); }
    // Back to the power-on state, dropping anything unfinished (a new connection, a new job).
    void reset();

    bool chineseMode() const { return chinese_; }
    const TextStyle& style() const { return style_; }

private:
    // Consumes one command or character from the front of `in`; 0 when it needs more bytes.
    std::size_t step(std::span<const std::uint8_t> in, std::vector<Element>& out);
    std::size_t escape(std::span<const std::uint8_t> in, std::vector<Element>& out);
    std::size_t fs(std::span<const std::uint8_t> in, std::vector<Element>& out);
    std::size_t gs(std::span<const std::uint8_t> in, std::vector<Element>& out);
    std::size_t twoDimensional(std::span<const std::uint8_t> in, std::vector<Element>& out);
    std::size_t text(std::span<const std::uint8_t> in, std::vector<Element>& out);
    // A command of `total` bytes that is skipped; the data beyond what is buffered is skipped
    // as it arrives. Reported with its first `known` bytes (those the caller has looked at, so
    // the report does not depend on how the stream was cut into pieces).
    std::size_t skip(std::span<const std::uint8_t> in, std::uint64_t total, std::size_t known,
                     std::vector<Element>& out);
    void flushLine(std::vector<Element>& out, bool evenIfEmpty);
    void powerOn();

    Options options_;
    std::vector<std::uint8_t> pending_; // unconsumed input
    std::uint64_t skipping_ = 0;        // data bytes of a skipped command still to come
    std::vector<std::uint8_t> line_;    // the line so far: ASCII, GB18030 sequences and '?'
    TextStyle lineStyle_;
    TextStyle style_;
    bool chinese_ = false;
    // GS ( k QR settings and the stored symbol, kept until printed or reset.
    int qrModel_ = 2;
    int qrModuleSize_ = 3;
    QrErrorLevel qrLevel_ = QrErrorLevel::L;
    std::string qrData_;
    // GS h / GS w / GS H barcode settings.
    int barcodeHeight_ = 162;
    int barcodeWidth_ = 3;
    BarcodeText barcodeText_ = BarcodeText::None;
};

// What CODE128 data (GS k 73) encodes: "{B" / "{A" / "{C" pick the code set, "{{" is '{',
// FNC codes ("{1"…"{4", "{S") are dropped, set C bytes are two digits each.
std::string decodeCode128(std::span<const std::uint8_t> data);

} // namespace hall::drivers::printer
