#include "shared/technician/settings_file.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>

using namespace hall::technician;
using hall::drivers::DeviceKind;
using hall::drivers::Transport;

namespace {

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

DeviceSetting serialReader() {
    return {DeviceKind::IdCardReader, "idcard.sam-serial", Transport::Serial, "/dev/ttyUSB0",
            115200};
}

DeviceSetting tcpPrinter() {
    return {DeviceKind::TicketPrinter, "printer.escpos-tcp", Transport::Tcp, "192.168.1.50:9100",
            std::nullopt};
}

} // namespace

TEST_CASE("valid device settings for every transport") {
    const DeviceSetting valid[] = {
        serialReader(),
        tcpPrinter(),
        {DeviceKind::IdCardReader, "idcard.sam-usb", Transport::Usb, "auto", std::nullopt},
        {DeviceKind::TicketPrinter, "printer.escpos-usb", Transport::Usb, "04b8:0202", {}},
        {DeviceKind::TicketPrinter, "printer.escpos-cups", Transport::Cups, "ticket", {}},
        {DeviceKind::LedStrip, "led.hallbus", Transport::Serial, "/dev/serial/by-id/usb-485", {}},
        {DeviceKind::LedStrip, "led.hallbus", Transport::Tcp, "10.0.0.7:4001", {}},
        {DeviceKind::Announcer, "announcer.alsa", Transport::Audio, "plughw:CARD=PCH,DEV=0", {}},
        {DeviceKind::SmartCardReader, "smartcard.pcsc", Transport::PcSc, "auto", {}},
        {DeviceKind::CodeScanner, "scanner.hid", Transport::Evdev, "/dev/input/event3", {}},
    };
    for (const auto& d : valid) {
        CAPTURE(describeDevice(d));
        CHECK_FALSE(validateDevice(d).has_value());
    }
}

TEST_CASE("device settings the hardware table or the transport refuse") {
    auto unknown = serialReader();
    unknown.driver = "idcard.acme";
    CHECK(validateDevice(unknown) == "\"idcard.acme\" is not a driver this terminal knows");

    auto wrongKind = serialReader();
    wrongKind.driver = "printer.escpos-serial";
    CHECK(validateDevice(wrongKind) ==
          "\"printer.escpos-serial\" drives a ticket printer, not a ID-card reader");

    auto wrongTransport = serialReader();
    wrongTransport.transport = Transport::Tcp;
    wrongTransport.address = "10.0.0.1:80";
    CHECK(validateDevice(wrongTransport) == "\"idcard.sam-serial\" cannot be reached over tcp");

    const std::pair<DeviceSetting, const char*> badAddresses[] = {
        {{DeviceKind::IdCardReader, "idcard.sam-serial", Transport::Serial, "ttyUSB0", {}},
         "/dev/"},
        {{DeviceKind::IdCardReader, "idcard.sam-serial", Transport::Serial, "/dev/../etc/x", {}},
         "/dev/"},
        {{DeviceKind::IdCardReader, "idcard.sam-usb", Transport::Usb, "04b8", {}}, "USB id"},
        {tcpPrinter(), nullptr},
        {{DeviceKind::TicketPrinter, "printer.escpos-tcp", Transport::Tcp, "printer", {}}, "port"},
        {{DeviceKind::TicketPrinter, "printer.escpos-cups", Transport::Cups, "my queue", {}},
         "CUPS"},
        {{DeviceKind::Announcer, "announcer.alsa", Transport::Audio, "", {}}, "ALSA"},
        {{DeviceKind::CodeScanner, "scanner.hid", Transport::Evdev, "/dev/ttyS0", {}},
         "/dev/input/"},
        {{DeviceKind::IdCardReader, "idcard.sam-serial", Transport::Serial, "/dev/ttyS0", 12345},
         "baud"},
        {{DeviceKind::TicketPrinter, "printer.escpos-tcp", Transport::Tcp, "h:1", 9600}, "serial"},
    };
    for (const auto& [d, fragment] : badAddresses) {
        CAPTURE(describeDevice(d));
        const auto why = validateDevice(d);
        if (!fragment) {
            CHECK_FALSE(why.has_value());
            continue;
        }
        REQUIRE(why.has_value());
        CHECK(why->find(fragment) != std::string::npos);
    }
}

TEST_CASE("settings survive a write and a read") {
    hall::testing::TempDir dir;
    const auto file = dir.file(kSettingsFileName);
    TerminalSettings s;
    s.controllerAddress = "callstation.hall.local:8443";
    s.devices = {serialReader(), tcpPrinter()};
    writeSettingsFile(file, s);
    CHECK(readSettingsFile(file) == s);
}

TEST_CASE("an absent settings file is empty settings") {
    hall::testing::TempDir dir;
    CHECK(readSettingsFile(dir.file(kSettingsFileName)) == TerminalSettings{});
}

TEST_CASE("a settings file with errors is refused naming file, line and key") {
    auto refused = [](const std::string& text) {
        try {
            parseSettings(text, "terminal-settings.toml");
        } catch (const SettingsError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(refused("[controller]\nadress = \"h:1\"\n") ==
          "terminal-settings.toml:2: unknown key controller.adress");
    CHECK(refused("[devices.toaster]\ndriver = \"x\"\n") ==
          "terminal-settings.toml:1: devices.toaster is not a device kind");
    CHECK(refused("[devices.ticket_printer]\ndriver = \"printer.escpos-tcp\"\ntransport = "
                  "\"pigeon\"\naddress = \"h:1\"\n") ==
          "terminal-settings.toml:3: devices.ticket_printer.transport \"pigeon\" is not a "
          "transport");
    CHECK(refused("[devices.ticket_printer]\ndriver = \"printer.escpos-tcp\"\n")
              .find("devices.ticket_printer.transport is missing") != std::string::npos);
    CHECK(refused("[devices.ticket_printer]\ndriver = \"printer.escpos-tcp\"\ntransport = "
                  "\"tcp\"\naddress = \"h\"\n") ==
          "terminal-settings.toml: ticket_printer: the port is missing (host:port)");
    CHECK(refused("[controller\n").starts_with("terminal-settings.toml:1: "));
}

TEST_CASE("the store changes one setting and reports what changed") {
    hall::testing::TempDir dir;
    SettingsStore store(dir.file(kSettingsFileName));
    CHECK(store.setDevice(tcpPrinter()) ==
          "ticket_printer: (none) → printer.escpos-tcp tcp 192.168.1.50:9100");
    CHECK(store.setDevice(serialReader()) ==
          "id_card_reader: (none) → idcard.sam-serial serial /dev/ttyUSB0 115200 baud");
    auto cups = tcpPrinter();
    cups.driver = "printer.escpos-cups";
    cups.transport = Transport::Cups;
    cups.address = "ticket";
    CHECK(store.setDevice(cups) == "ticket_printer: printer.escpos-tcp tcp 192.168.1.50:9100 → "
                                   "printer.escpos-cups cups ticket");
    CHECK(store.setControllerAddress("10.0.0.2:8443") ==
          "controller.address: (none) → 10.0.0.2:8443");
    const auto s = store.current();
    CHECK(s.controllerAddress == "10.0.0.2:8443");
    REQUIRE(s.devices.size() == 2);
    CHECK(s.devices[0] == serialReader()); // table order: the reader before the printer
    CHECK(s.devices[1] == cups);
    CHECK(store.removeDevice(DeviceKind::IdCardReader) ==
          "id_card_reader: idcard.sam-serial serial /dev/ttyUSB0 115200 baud → (none)");
}

TEST_CASE("a refused value leaves the file byte for byte unchanged") {
    hall::testing::TempDir dir;
    const auto file = dir.file(kSettingsFileName);
    SettingsStore store(file);
    store.setDevice(tcpPrinter());
    store.setControllerAddress("10.0.0.2:8443");
    const auto before = readAll(file);

    auto bad = tcpPrinter();
    bad.address = "printer-without-port";
    CHECK_THROWS_WITH_AS(store.setDevice(bad), "ticket_printer: the port is missing (host:port)",
                         SettingsError);
    bad = tcpPrinter();
    bad.driver = "printer.acme";
    CHECK_THROWS_AS(store.setDevice(bad), SettingsError);
    CHECK_THROWS_AS(store.setControllerAddress("10.0.0.2"), SettingsError);
    CHECK_THROWS_AS(store.removeDevice(DeviceKind::Announcer), SettingsError);
    CHECK(readAll(file) == before);
}
