// PC/SC return codes in the two categories, with names and advice a technician can act on.

#include "drivers/smartcard/pcsc_error.h"

#include <doctest/doctest.h>
#include <winscard.h>

using namespace hall::drivers;
using namespace hall::drivers::smartcard;

TEST_CASE("service, reader and internal faults are Device errors") {
    struct Case {
        long rv;
        const char* code;
    };
    for (const Case& c : {Case{SCARD_E_NO_SERVICE, "pcscd_unavailable"},
                          Case{SCARD_E_SERVICE_STOPPED, "pcscd_unavailable"},
                          Case{SCARD_F_COMM_ERROR, "pcscd_unavailable"},
                          Case{SCARD_W_SECURITY_VIOLATION, "pcscd_unavailable"},
                          Case{SCARD_E_NO_READERS_AVAILABLE, "no_reader"},
                          Case{SCARD_E_READER_UNAVAILABLE, "reader_unavailable"},
                          Case{SCARD_E_UNKNOWN_READER, "reader_unavailable"},
                          Case{SCARD_F_INTERNAL_ERROR, "pcsc_internal"},
                          Case{SCARD_E_NO_MEMORY, "pcsc_internal"}}) {
        const DeviceError e = pcscError(c.rv, "testing");
        CAPTURE(pcscCodeName(c.rv));
        CHECK(e.category == ErrorCategory::Device);
        CHECK(e.code == c.code);
    }
}

TEST_CASE("card-side failures are Retry errors") {
    struct Case {
        long rv;
        const char* code;
    };
    for (const Case& c :
         {Case{SCARD_W_REMOVED_CARD, "card_removed"}, Case{SCARD_E_NO_SMARTCARD, "card_removed"},
          Case{SCARD_W_UNRESPONSIVE_CARD, "card_unresponsive"},
          Case{SCARD_E_NOT_TRANSACTED, "card_unresponsive"}, Case{SCARD_E_TIMEOUT, "timeout"},
          Case{SCARD_E_SHARING_VIOLATION, "card_in_use"}, Case{SCARD_W_RESET_CARD, "card_reset"},
          Case{SCARD_E_PROTO_MISMATCH, "unsupported_card"},
          Case{SCARD_W_UNSUPPORTED_CARD, "unsupported_card"}}) {
        const DeviceError e = pcscError(c.rv, "testing");
        CAPTURE(pcscCodeName(c.rv));
        CHECK(e.category == ErrorCategory::Retry);
        CHECK(e.code == c.code);
    }
}

TEST_CASE("messages name the step, the code and what to check") {
    const DeviceError e =
        pcscError(SCARD_E_NO_SERVICE, "connecting to pcscd (SCardEstablishContext)");
    CHECK(e.message.find("connecting to pcscd (SCardEstablishContext) failed with "
                         "SCARD_E_NO_SERVICE (0x8010001D)") == 0);
    CHECK(e.message.find("systemctl start pcscd") != std::string::npos);
    const DeviceError r = pcscError(SCARD_W_REMOVED_CARD, "reading");
    CHECK(r.message.find("insert it again") != std::string::npos);
}

TEST_CASE("an unknown code is a Device error with its hex value") {
    const DeviceError e = pcscError(0x80100099L, "testing");
    CHECK(e.category == ErrorCategory::Device);
    CHECK(e.code == "pcsc_error");
    CHECK(pcscCodeName(0x80100099L) == "SCARD_0x80100099");
    CHECK(e.message.find("0x80100099") != std::string::npos);
    CHECK_THROWS_AS(throwPcsc(SCARD_E_NO_SERVICE, "x"), DeviceFailure);
    CHECK(isServiceLost(SCARD_E_NO_SERVICE));
    CHECK_FALSE(isServiceLost(SCARD_W_REMOVED_CARD));
}
