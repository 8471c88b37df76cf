// libFuzzer target for the smart-card decoders: the ATR parser, command APDU decode/encode, and
// the handling of card responses (T=0 61xx / 6Cxx procedure, the social-security record read
// with its TLV records, GBK / ASCII / BCD decoding) fed from the fuzz input.
//
// Input layout: the whole input is tried as an ATR and as a command APDU; then it is cut into
// card responses, each one length byte followed by that many bytes, handed out in order to the
// T=0 exchange and to the social-security read. Running out of input is the card being pulled.
//
// Invariants checked (abort on violation): a parsed ATR keeps its bytes and its announced
// historical byte count; a decoded command encodes back to the same bytes; nothing but the
// documented exceptions escapes.

#include "drivers/base/device_error.h"
#include "drivers/smartcard/apdu.h"
#include "drivers/smartcard/atr.h"
#include "drivers/smartcard/sscard_profile.h"
#include "drivers/smartcard/sscard_read.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <span>
#include <vector>

namespace {

using namespace hall::drivers;
using namespace hall::drivers::smartcard;

// The shipped profile (drivers/smartcard/profiles/mohrss.toml), built here because the TOML
// reader is not part of the codec library the fuzz build compiles.
SsCardProfile mohrssProfile() {
    SsCardProfile p;
    p.name = "mohrss";
    p.applicationSelect = {{0x00, 0xA4, 0x04, 0x00, 0x0F, 0x73, 0x78, 0x31, 0x2E, 0x73,
                            0x68, 0x2E, 0xC9, 0xE7, 0xBB, 0xE1, 0xB1, 0xA3, 0xD5, 0xCF}};
    auto field = [](RecordField t, std::uint8_t record, std::size_t length, FieldEncoding e,
                    std::optional<std::size_t> digits = std::nullopt) {
        return FieldSpec{t, record, record, length, e, digits};
    };
    p.files.push_back(FileSpec{"EF05",
                               {0x00, 0xA4, 0x02, 0x00, 0x02, 0xEF, 0x05},
                               0x00,
                               {field(RecordField::IssuingRegion, 0x01, 16, FieldEncoding::Bcd, 6),
                                field(RecordField::CardType, 0x02, 1, FieldEncoding::Ascii),
                                field(RecordField::CardVersion, 0x03, 4, FieldEncoding::Ascii),
                                field(RecordField::IssueDate, 0x05, 4, FieldEncoding::Bcd),
                                field(RecordField::ExpiryDate, 0x06, 4, FieldEncoding::Bcd),
                                field(RecordField::CardNumber, 0x07, 9, FieldEncoding::Ascii)}});
    p.files.push_back(FileSpec{"EF06",
                               {0x00, 0xA4, 0x02, 0x00, 0x02, 0xEF, 0x06},
                               0x00,
                               {field(RecordField::IdNumber, 0x08, 18, FieldEncoding::Ascii),
                                field(RecordField::HolderName, 0x09, 30, FieldEncoding::Gbk)}});
    return p;
}

class FuzzCard : public ApduTransport {
public:
    explicit FuzzCard(std::span<const std::uint8_t> input) : input_(input) {}
    SecureBytes transmit(std::span<const std::uint8_t>) override {
        if (input_.empty()) throw DeviceFailure(retryError("card_removed", "fuzz input exhausted"));
        const std::size_t n = std::min<std::size_t>(input_[0], input_.size() - 1);
        std::vector<std::uint8_t> response(input_.begin() + 1,
                                           input_.begin() + 1 + static_cast<std::ptrdiff_t>(n));
        input_ = input_.subspan(1 + n);
        return SecureBytes(std::move(response));
    }

private:
    std::span<const std::uint8_t> input_;
};

void fuzzAtr(std::span<const std::uint8_t> in) {
    try {
        const Atr atr = parseAtr(in);
        if (atr.raw.size() != in.size() || atr.historical.size() != (in[1] & 0x0Fu)) std::abort();
        if (atr.protocolsText().empty()) std::abort(); // T=0 at least is always implied
        (void)atr.fi();
        (void)atr.di();
    } catch (const AtrError&) {
    }
}

void fuzzCommand(std::span<const std::uint8_t> in) {
    try {
        const CommandApdu c = CommandApdu::decode(in);
        const std::vector<std::uint8_t> again = c.encode();
        if (!std::equal(again.begin(), again.end(), in.begin(), in.end())) std::abort();
    } catch (const ApduError&) {
    }
}

void fuzzResponses(std::span<const std::uint8_t> in) {
    {
        FuzzCard card(in);
        try {
            const ResponseApdu r = exchange(card, CommandApdu{0x00, 0xB2, 0x01, 0x00, {}, 256},
                                            ExchangeLimits{16, 4096});
            if (r.data().size() > 4096) std::abort();
        } catch (const ApduError&) {
        } catch (const DeviceFailure&) {
        }
    }
    {
        FuzzCard card(in);
        try {
            static const SsCardProfile profile = mohrssProfile();
            SocialSecurityCardRecord record = readSocialSecurityCard(card, profile);
            if (record.idNumber.size() != 18 && record.idNumber.size() != 15) std::abort();
        } catch (const DeviceFailure& f) {
            if (!f.isRetry()) std::abort(); // card content can only ever cost a retry
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> in(data, size);
    fuzzAtr(in);
    fuzzCommand(in);
    fuzzResponses(in);
    return 0;
}
