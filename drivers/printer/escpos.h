#pragma once
// ESC/POS, the command language of thermal ticket printers (Epson's, and every Chinese
// 58/80 mm printer that copies it). The commands the suite sends, with their bytes; the
// encoder (escpos_writer.h) writes them and the twin's decoder (escpos_decoder.h) reads them.
//
//   ESC @            1B 40              initialise: clear the buffer, styles back to defaults
//   LF               0A                 print the line buffer and feed one line
//   ESC d n          1B 64 n            print the buffer and feed n lines
//   ESC a n          1B 61 n            justification: 0 left, 1 centre, 2 right (48–50 too)
//   ESC E n          1B 45 n            emphasis (bold): bit 0 of n
//   GS ! n           1D 21 n            character size: bits 6–4 width−1, bits 2–0 height−1
//                                       (1D 21 11 = double width and height, 1D 21 00 normal)
//   FS &             1C 26              Chinese (kanji) mode on: bytes 81–FE start a 2- or
//                                       4-byte GB18030 character
//   FS .             1C 2E              Chinese mode off
//   GS ( k           1D 28 6B pL pH cn fn …   2-D codes; cn 31 = QR; pL + 256·pH counts the
//                                       bytes after pH:
//                    … 04 00 31 41 n1 n2   model: n1 31 model 1, 32 model 2, 33 micro QR; n2 00
//                    … 03 00 31 43 n       module size, n dots (1–16)
//                    … 03 00 31 45 n       error correction: 30 L (7%), 31 M (15%), 32 Q, 33 H
//                    … pL pH 31 50 30 d…   store the data (k bytes, pL + 256·pH = k + 3)
//                    … 03 00 31 51 30      print the stored symbol
//   GS h n           1D 68 n            barcode height, dots (1–255)
//   GS w n           1D 77 n            barcode module width (2–6)
//   GS H n           1D 48 n            human-readable text: 0 none, 1 above, 2 below, 3 both
//   GS k m n d…      1D 6B m n d…       barcode, format 2: m 49 (73) = CODE128, n data bytes;
//                                       CODE128 data starts with the code set ("{B" = set B),
//                                       and a literal '{' is written "{{"
//   GS v 0 m xL xH yL yH d…  1D 76 30 …  raster image: x bytes per row, y rows, MSB = leftmost
//                                       dot, 1 = black; m: 0 normal, 1 double width,
//                                       2 double height, 3 both
//   GS V m n         1D 56 41 n / 42 n  feed to the cutter (+ n motion units), then cut:
//                                       41 full, 42 partial (one point left uncut)
//   GS V m           1D 56 00 / 01      cut at once: 00 full, 01 partial (also 30 / 31)
//   DLE EOT n        10 04 n            real-time status: the printer answers one byte at once,
//                                       even in the middle of a job (printer_status.h)
//   GS a n           1D 61 n            automatic status back (ASB): the printer sends 4 bytes
//                                       by itself whenever a status in mask n changes
//
// Real-time commands (DLE EOT) are recognised by the printer even inside other commands' data,
// so raster or QR data containing 10 04 01..04 can draw a status byte from a real printer; the
// driver tolerates status bytes it did not ask for (printer_status.h).

#include <cstdint>

namespace hall::drivers::printer::escpos {

inline constexpr std::uint8_t LF = 0x0A;
inline constexpr std::uint8_t ESC = 0x1B;
inline constexpr std::uint8_t FS = 0x1C;
inline constexpr std::uint8_t GS = 0x1D;
inline constexpr std::uint8_t DLE = 0x10;
inline constexpr std::uint8_t EOT = 0x04;

// GS ( k: symbol type and function numbers for QR.
inline constexpr std::uint8_t kQrSymbol = 0x31;
inline constexpr std::uint8_t kQrModel = 0x41;
inline constexpr std::uint8_t kQrModuleSize = 0x43;
inline constexpr std::uint8_t kQrErrorLevel = 0x45;
inline constexpr std::uint8_t kQrStore = 0x50;
inline constexpr std::uint8_t kQrPrint = 0x51;
// Largest QR payload: model 2, version 40, level L, byte mode holds 2,953 bytes; the command's
// own limit (numeric data) is 7,089. Payloads beyond the byte-mode capacity cannot be printed.
inline constexpr std::size_t kQrMaxPayload = 2953;

// GS k m: CODE128 in format 2.
inline constexpr std::uint8_t kBarcodeCode128 = 0x49;

} // namespace hall::drivers::printer::escpos
