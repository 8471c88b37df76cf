#pragma once
// Reads a QR code back from a PNG with a real scanner library (zbarimg of zbar-tools), as a
// phone would: what a test prints or shows must scan. A test target defines HALL_ZBARIMG
// (find_program) and fails, naming the package, when it is missing.

#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <memory>
#include <string>

namespace hall::testing {

// The decoded text (without its trailing newline); empty when no code was found.
inline std::string scanQr(const std::filesystem::path& png) {
    const std::string zbarimg = HALL_ZBARIMG;
    REQUIRE_MESSAGE(std::filesystem::exists(zbarimg),
                    "zbarimg not found: install zbar-tools (scripts/bootstrap.sh)");
    const std::string cmd =
        zbarimg + " --raw -q -Sdisable -Sqrcode.enable '" + png.string() + "' 2>/dev/null";
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(cmd.c_str(), "r"), &pclose);
    REQUIRE(pipe);
    std::string out;
    std::array<char, 256> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe.get()))
        out += buf.data();
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

} // namespace hall::testing
