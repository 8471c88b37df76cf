#pragma once
// The technician menu's device tests on real hardware: each run opens the device the settings
// name through its Qt-free driver (drivers/), does one visible thing with it and closes it again.
//
//   ReadCard          ID-card reader (serial / USB SAM), social-security card reader (PC/SC)
//                     or code scanner (serial / HID): waits for a card or a code. The result names
//                     the card type only; the record is wiped the moment it arrives, nothing read
//                     leaves the driver's callback.
//   PrintTicket       ticket printer (ESC/POS on serial / TCP / USB / CUPS): a test ticket with
//                     "测试票 / test ticket", the terminal's name, the time and a QR.
//   PrintPage         document printer (CUPS): a one-page PDF test page (test_page_pdf.h).
//   LightLedStrip     LED strip bus (serial / TCP): a test text on every configured unit; the
//                     result lists which units acknowledged and which stayed silent.
//   PlayAnnouncement  announcer (ALSA): "请 A001 号到 1 号窗口办理" from the voice pack.
//
// Every run is bounded by the timeouts below and ends with an English message for the
// technician (and the audit). The device under test must not be open elsewhere in the app at
// the same time: a serial port or a USB interface has one owner; the app pauses its own
// instance while the menu tests it.

#include "drivers/audio/audio_sink.h"
#include "shared/technician/device_test_runner.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hall::technician {

struct DriverTestOptions {
    // How long the device may take to answer its first open (absent or silent after that: the
    // test fails with the driver's reason).
    std::chrono::milliseconds openTimeout{5000};
    // How long a card or code is waited for once the reader answers.
    std::chrono::milliseconds cardTimeout{15000};
    // From submitting the test ticket to its result (a CUPS queue may take a while).
    std::chrono::milliseconds printTimeout{20000};
    // From the test text to every unit having answered or given up.
    std::chrono::milliseconds ledTimeout{15000};
    // From queueing the announcement to its end (the phrase itself lasts a few seconds).
    std::chrono::milliseconds announceTimeout{20000};

    // The terminal's name, printed on the test ticket ("Ticket machine 2, east hall").
    std::string terminalName = "hall terminal";
    // The cupsd the CUPS transports use: a host name or a unix socket path; empty: CUPS_SERVER,
    // else the system's.
    std::string cupsServer;
    // The LED units on the configured line, 1..64. The settings name the line, not its units:
    // an app that knows its windows passes their addresses; empty means units 1..8.
    std::vector<std::uint8_t> ledUnits;
    // The voice pack directory (manifest.toml): the app's configured pack, or the one the build
    // generates (<build>/voice/zh-CN). Empty: the announcement test says that no pack is set.
    std::filesystem::path voicePack;
    // Where the announcement is played; unset: the ALSA device the setting names. Tests and
    // speaker-less halls pass a memory or WAV-file sink (drivers/audio).
    std::function<drivers::audio::SinkOpener(const DeviceSetting&)> audioSink;
    // How often the ID-card reader looks for a card (the driver's default; tests shorten it).
    std::chrono::milliseconds cardPollInterval{250};
};

class DriverTestRunner final : public DeviceTestRunner {
public:
    explicit DriverTestRunner(DriverTestOptions options = {});
    DeviceTestResult run(DeviceTest test, const DeviceSetting& device) override;

    const DriverTestOptions& options() const { return options_; }

private:
    DriverTestOptions options_;
};

// The single tests, for the runner and for callers that know what they test.
DeviceTestResult readCardTest(const DeviceSetting& device, const DriverTestOptions& options);
DeviceTestResult printTicketTest(const DeviceSetting& device, const DriverTestOptions& options);
DeviceTestResult printPageTest(const DeviceSetting& device, const DriverTestOptions& options);
DeviceTestResult lightLedStripTest(const DeviceSetting& device, const DriverTestOptions& options);
DeviceTestResult playAnnouncementTest(const DeviceSetting& device,
                                      const DriverTestOptions& options);

} // namespace hall::technician
