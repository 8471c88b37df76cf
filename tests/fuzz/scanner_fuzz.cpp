// Fuzzes the scanner's decoders: serial framing, key-event decoding and classification.
//
// Input: byte 0 picks the set-up (terminator, prefix/suffix, a small or the default size
// limit); byte 1 the chunk size the stream is fed in; the rest is the stream. The same bytes
// are also read as key events (4 bytes each) and classified as one payload. Invariants:
//  - feeding the stream in one piece or in chunks gives the same codes and errors;
//  - every code is non-empty UTF-8 within the size limit and never contains the terminator;
//    key-decoded codes are ASCII;
//  - every error is a Retry error with one of the documented codes;
//  - a classification is consistent with its kind (booking id / issuer host set only for it).
#include "drivers/base/ascii.h"
#include "drivers/scanner/code_classifier.h"
#include "drivers/scanner/key_decoder.h"
#include "drivers/scanner/serial_framer.h"
#include "drivers/scanner/utf8.h"

#include <cstddef>
#include <cstdint>
#include <linux/input-event-codes.h>
#include <span>
#include <string>
#include <string_view>
#include <vector>

using namespace hall::drivers;
using namespace hall::drivers::scanner;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

const ClassifierSettings kIssuers{{"eid.example.gov.cn", "*.health.example.cn"}};

bool knownError(const DeviceError& e) {
    if (e.category != ErrorCategory::Retry || e.message.empty()) return false;
    for (std::string_view code : {"code_too_long", "bad_frame", "empty_code", "bad_encoding",
                                  "incomplete_code", "unknown_key", "events_dropped"})
        if (e.code == code) return true;
    return false;
}

void checkClassification(std::string_view payload) {
    const auto c = classifyPayload(payload, kIssuers);
    switch (c.kind) {
    case CodeKind::Appointment:
        check(!c.bookingId.empty() && c.bookingId.size() <= kBookingIdMax);
        for (char ch : c.bookingId)
            check((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z'));
        check(c.issuerHost.empty());
        break;
    case CodeKind::EIdLink: {
        check(c.bookingId.empty());
        check(c.issuerHost == "eid.example.gov.cn" ||
              (c.issuerHost.size() > 18 && c.issuerHost.ends_with(".health.example.cn")));
        // Recomputed here: the text (ASCII whitespace trimmed, \f and \v included) is
        // https://<authority>[/?#…] and the authority, lower-cased, is the issuer host with at most
        // ":443" after it.
        const std::string_view t = trimAscii(payload);
        check(t.size() > 8);
        std::string lowered;
        for (char ch : t)
            lowered.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch);
        check(lowered.starts_with("https://"));
        std::string_view rest = std::string_view(lowered).substr(8);
        std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
        check(authority == c.issuerHost || authority == c.issuerHost + ":443");
        break;
    }
    case CodeKind::Unknown:
        check(c.bookingId.empty() && c.issuerHost.empty());
        break;
    }
}

struct Log {
    std::vector<std::string> out;
    FrameSink sink() {
        return {[this](std::string& p) { out.push_back(p); },
                [this](const DeviceError& e) {
                    check(knownError(e));
                    out.push_back("!" + e.code);
                }};
    }
};

FramingSettings setup(std::uint8_t b) {
    FramingSettings s;
    s.terminator = static_cast<Terminator>(b % 5);
    switch ((b / 5) % 4) {
    case 0:
        break;
    case 1:
        s.limits.prefix = "\x02";
        s.limits.suffix = "\x03";
        break;
    case 2:
        s.limits.prefix = "]Q1";
        break;
    case 3:
        s.limits.suffix = "#";
        break;
    }
    s.limits.maxPayload = (b & 0x80) ? 8 : kDefaultMaxPayload;
    return s;
}

std::vector<std::string> frame(const FramingSettings& s, std::span<const std::uint8_t> data,
                               std::size_t chunk) {
    SerialFramer framer(s);
    Log log;
    auto sink = log.sink();
    for (std::size_t i = 0; i < data.size(); i += chunk) {
        framer.feed(data.subspan(i, std::min(chunk, data.size() - i)), sink);
    }
    if (framer.idleWait()) framer.idle(sink);
    return log.out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const FramingSettings settings = setup(data[0]);
    const std::size_t chunk = 1 + data[1] % 16;
    const std::span<const std::uint8_t> stream(data + 2, size - 2);

    const auto whole = frame(settings, stream, stream.size() + 1);
    const auto pieces = frame(settings, stream, chunk);
    check(whole == pieces);
    for (const auto& code : whole) {
        if (code.starts_with("!")) continue;
        check(!code.empty() && code.size() <= settings.limits.maxPayload);
        check(isValidUtf8(code));
        switch (settings.terminator) {
        case Terminator::CR:
            check(code.find('\r') == std::string::npos);
            break;
        case Terminator::LF:
            check(code.find('\n') == std::string::npos);
            break;
        case Terminator::Tab:
            check(code.find('\t') == std::string::npos);
            break;
        case Terminator::CRLF:
            check(code.find("\r\n") == std::string::npos);
            break;
        case Terminator::None:
            break;
        }
        checkClassification(code);
    }

    // The same bytes as key events: type from a small set, any code, value 0..2.
    KeySettings keys;
    keys.limits.maxPayload = settings.limits.maxPayload;
    if (data[1] & 0x80) keys.terminatorKeys.clear();
    KeyDecoder decoder(keys);
    Log keyLog;
    auto keySink = keyLog.sink();
    for (std::size_t i = 0; i + 4 <= stream.size(); i += 4) {
        static constexpr std::uint16_t kTypes[] = {EV_KEY, EV_KEY, EV_KEY, EV_SYN, EV_MSC, EV_LED};
        InputEvent ev;
        ev.type = kTypes[stream[i] % 6];
        ev.code =
            static_cast<std::uint16_t>((stream[i + 1] | (stream[i + 2] << 8)) % (KEY_MAX + 1));
        if (ev.type == EV_SYN) ev.code = stream[i + 1] % 4; // REPORT, CONFIG, MT_REPORT, DROPPED
        ev.value = stream[i + 3] % 3;
        decoder.feed(ev, keySink);
    }
    if (decoder.idleWait()) decoder.idle(keySink);
    for (const auto& code : keyLog.out) {
        if (code.starts_with("!")) continue;
        check(!code.empty() && code.size() <= keys.limits.maxPayload);
        for (char c : code)
            check(static_cast<unsigned char>(c) < 0x80);
        checkClassification(code);
    }

    checkClassification(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
