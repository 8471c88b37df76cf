// The device factory (drivers/kinds/device_factory.h) builds every driver of every kind on
// every transport it speaks, from a setting at the kind's example address, without starting
// it; a setting naming a driver of another kind or a transport it does not speak is refused.
#include "drivers/audio/voice_pack_loader.h"
#include "drivers/base/device_kinds.h"
#include "drivers/base/registry.h"
#include "drivers/kinds/device_factory.h"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace hall::drivers;

TEST_CASE("the factory builds every driver of every kind") {
    DeviceOptions options;
    options.voicePack = std::make_shared<const audio::VoicePack>(
        audio::loadVoicePack(std::string(HALL_VOICE_PACKS_DIR) + "/zh-CN"));
    for (const auto& d : allDescriptors())
        for (const auto t : d.transports) {
            const auto* transport = findTransport(kindRow(d.kind), t);
            REQUIRE(transport != nullptr);
            const DeviceSetting setting{d.kind, std::string(d.id), t,
                                        std::string(transport->placeholder), std::nullopt};
            CAPTURE(setting.driver);
            CAPTURE(setting.address);
            const auto device = makeDevice(setting, {}, options);
            REQUIRE(device != nullptr);
            CHECK(device->descriptor().id == d.id);
        }
}

TEST_CASE("the factory refuses a setting its driver cannot use") {
    CHECK_THROWS_AS(makeDevice({DeviceKind::IdCardReader, "printer.escpos-tcp", Transport::Tcp,
                                "10.0.0.5:9100", std::nullopt},
                               {}),
                    std::invalid_argument);
    CHECK_THROWS_AS(makeDevice({DeviceKind::TicketPrinter, "printer.escpos-tcp", Transport::Serial,
                                "/dev/ttyUSB0", std::nullopt},
                               {}),
                    std::invalid_argument);
    CHECK_THROWS_AS(makeDevice({DeviceKind::TicketPrinter, "printer.escpos-tcp", Transport::Tcp,
                                "10.0.0.5:printer", std::nullopt},
                               {}),
                    std::invalid_argument);
    CHECK_THROWS_AS(makeDevice({DeviceKind::Announcer, "announcer.alsa", Transport::Audio,
                                "default", std::nullopt},
                               {}),
                    std::invalid_argument); // no voice pack
}
