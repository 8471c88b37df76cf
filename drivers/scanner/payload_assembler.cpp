#include "drivers/scanner/payload_assembler.h"

#include "drivers/base/secure_wipe.h"
#include "drivers/scanner/utf8.h"

namespace hall::drivers::scanner {

std::optional<std::string> checkPayloadLimits(const PayloadLimits& limits) {
    if (limits.maxPayload == 0 || limits.maxPayload > kMaxPayloadLimit)
        return "maximum code length must be 1 to " + std::to_string(kMaxPayloadLimit) + " bytes";
    if (limits.prefix.size() > kMaxAffixBytes || limits.suffix.size() > kMaxAffixBytes)
        return "code prefix and suffix may be at most " + std::to_string(kMaxAffixBytes) + " bytes";
    return std::nullopt;
}

PayloadAssembler::PayloadAssembler(PayloadLimits limits, std::string endHint)
    : limits_(std::move(limits)), endHint_(std::move(endHint)),
      maxFrame_(limits_.maxPayload + limits_.prefix.size() + limits_.suffix.size()) {
    buffer_.reserve(256);
}

PayloadAssembler::~PayloadAssembler() {
    secureWipe(buffer_);
}

void PayloadAssembler::add(std::uint8_t byte, const FrameSink& sink) {
    if (overflowed_) return;
    if (buffer_.size() >= maxFrame_) {
        secureWipe(buffer_);
        overflowed_ = true;
        if (!poison_ && sink.failed)
            sink.failed(
                retryError("code_too_long",
                           "the scanner sent more than " + std::to_string(limits_.maxPayload) +
                               " bytes without ending the code; if this repeats, check that "
                               "the scanner ends codes with " +
                               endHint_));
        return;
    }
    buffer_.push_back(static_cast<char>(byte));
}

void PayloadAssembler::poison(DeviceError error) {
    if (!poison_) poison_ = std::move(error);
}

void PayloadAssembler::finish(const FrameSink& sink) {
    if (overflowed_) { // already reported when it overflowed
        reset();
        return;
    }
    if (poison_) {
        auto error = std::move(*poison_);
        reset();
        if (sink.failed) sink.failed(error);
        return;
    }
    if (buffer_.empty()) return; // a lone terminator, or the LF after a CR: not a scan

    std::optional<DeviceError> error;
    std::string_view text = buffer_;
    if (!limits_.prefix.empty()) {
        if (text.starts_with(limits_.prefix))
            text.remove_prefix(limits_.prefix.size());
        else
            error = retryError("bad_frame",
                               "a code arrived without the configured prefix: part of it was lost "
                               "(line noise, or the scanner is set up differently); scan again");
    }
    if (!error && !limits_.suffix.empty()) {
        if (text.ends_with(limits_.suffix))
            text.remove_suffix(limits_.suffix.size());
        else
            error = retryError("bad_frame",
                               "a code arrived without the configured suffix: part of it was lost "
                               "(line noise, or the scanner is set up differently); scan again");
    }
    if (!error && text.empty())
        error = retryError("empty_code", "the scanner sent an empty code; scan again");
    if (!error && !isValidUtf8(text))
        error = retryError("bad_encoding",
                           "the scanner sent bytes that are not UTF-8 text; if this repeats, check "
                           "the scanner's baud rate and that it outputs UTF-8");
    if (error) {
        reset();
        if (sink.failed) sink.failed(*error);
        return;
    }
    std::string payload(text);
    reset();
    if (sink.code) {
        try {
            sink.code(payload);
        } catch (...) {
            secureWipe(payload);
            throw;
        }
    }
    secureWipe(payload);
}

void PayloadAssembler::abandon(const FrameSink& sink) {
    const bool report = !overflowed_ && (poison_.has_value() || !buffer_.empty());
    std::optional<DeviceError> error = poison_;
    reset();
    if (!report || !sink.failed) return;
    if (!error)
        error = retryError("incomplete_code",
                           "the scanner stopped in the middle of a code; scan again (if every scan "
                           "ends like this, check that the scanner ends codes with " +
                               endHint_ + ")");
    sink.failed(*error);
}

void PayloadAssembler::reset() {
    secureWipe(buffer_);
    overflowed_ = false;
    poison_.reset();
}

} // namespace hall::drivers::scanner
