#include "drivers/scanner/serial_framer.h"

#include <stdexcept>

namespace hall::drivers::scanner {
namespace {

std::string endHint(const FramingSettings& s) {
    switch (s.terminator) {
    case Terminator::CR:
        return "CR (the port is set to terminator cr)";
    case Terminator::LF:
        return "LF (the port is set to terminator lf)";
    case Terminator::CRLF:
        return "CR LF (the port is set to terminator crlf)";
    case Terminator::Tab:
        return "TAB (the port is set to terminator tab)";
    case Terminator::None:
        return "a pause of " + std::to_string(s.idleTimeout.count()) +
               " ms (the port is set to terminator none)";
    }
    return "its terminator";
}

// The byte a single-byte terminator ends on, or the CR of CR LF; none for Terminator::None.
std::optional<char> terminatorByte(Terminator t) {
    switch (t) {
    case Terminator::CR:
        return '\r';
    case Terminator::LF:
        return '\n';
    case Terminator::Tab:
        return '\t';
    case Terminator::CRLF:
        return '\r';
    case Terminator::None:
        return std::nullopt;
    }
    return std::nullopt;
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::string_view terminatorName(Terminator t) {
    switch (t) {
    case Terminator::CR:
        return "cr";
    case Terminator::LF:
        return "lf";
    case Terminator::CRLF:
        return "crlf";
    case Terminator::Tab:
        return "tab";
    case Terminator::None:
        return "none";
    }
    return "none";
}

std::optional<Terminator> parseTerminator(std::string_view name) {
    std::string n;
    for (char c : name)
        n.push_back(lower(c));
    for (auto t :
         {Terminator::CR, Terminator::LF, Terminator::CRLF, Terminator::Tab, Terminator::None})
        if (n == terminatorName(t)) return t;
    return std::nullopt;
}

std::optional<std::string> checkFramingSettings(const FramingSettings& s) {
    if (auto e = checkPayloadLimits(s.limits)) return e;
    using std::chrono::milliseconds;
    if (s.idleTimeout < milliseconds(1) || s.idleTimeout > milliseconds(10'000))
        return "scanner idle timeout must be 1 to 10000 ms";
    if (s.staleAfter < milliseconds(10) || s.staleAfter > milliseconds(60'000))
        return "scanner partial-code timeout must be 10 to 60000 ms";
    if (auto t = terminatorByte(s.terminator)) {
        // CRLF: a lone CR inside a prefix is harmless, but CR LF inside it would end the frame.
        auto hits = [&](const std::string& affix) {
            return s.terminator == Terminator::CRLF ? affix.find("\r\n") != std::string::npos
                                                    : affix.find(*t) != std::string::npos;
        };
        if (hits(s.limits.prefix) || hits(s.limits.suffix))
            return "the scanner's prefix or suffix contains the terminator (" +
                   std::string(terminatorName(s.terminator)) + "): codes could not be framed";
    }
    return std::nullopt;
}

SerialFramer::SerialFramer(const FramingSettings& settings)
    : settings_(settings), assembler_(settings.limits, endHint(settings)) {
    if (auto e = checkFramingSettings(settings)) throw std::invalid_argument(*e);
}

void SerialFramer::feed(std::span<const std::uint8_t> bytes, const FrameSink& sink) {
    for (auto b : bytes)
        byte(b, sink);
}

void SerialFramer::byte(std::uint8_t b, const FrameSink& sink) {
    switch (settings_.terminator) {
    case Terminator::None:
        assembler_.add(b, sink);
        return;
    case Terminator::CRLF:
        if (pendingCr_) {
            pendingCr_ = false;
            if (b == '\n') {
                assembler_.finish(sink);
                return;
            }
            assembler_.add('\r', sink); // that CR was text after all
        }
        if (b == '\r')
            pendingCr_ = true;
        else
            assembler_.add(b, sink);
        return;
    default:
        if (b == static_cast<std::uint8_t>(*terminatorByte(settings_.terminator)))
            assembler_.finish(sink);
        else
            assembler_.add(b, sink);
        return;
    }
}

std::optional<std::chrono::milliseconds> SerialFramer::idleWait() const {
    if (!assembler_.pending() && !pendingCr_) return std::nullopt;
    return settings_.terminator == Terminator::None ? settings_.idleTimeout : settings_.staleAfter;
}

void SerialFramer::idle(const FrameSink& sink) {
    if (settings_.terminator == Terminator::None) {
        assembler_.finish(sink);
        return;
    }
    if (pendingCr_) {
        pendingCr_ = false;
        assembler_.add('\r', sink);
    }
    assembler_.abandon(sink);
}

void SerialFramer::reset() {
    pendingCr_ = false;
    assembler_.reset();
}

} // namespace hall::drivers::scanner
