// PlayAnnouncement: one call, "请 A001 号到 1 号窗口办理", spoken from the configured voice pack
// on the configured ALSA device (or the sink the app injects), said once, and waited for until
// the sound card has played it out.
#include "drivers/audio/voice_pack_loader.h"
#include "shared/technician/driver_test_support.h"

#include <map>
#include <memory>
#include <string>

namespace hall::technician {

DeviceTestResult playAnnouncementTest(const DeviceSetting& device,
                                      const DriverTestOptions& options) {
    using namespace drivers::audio;
    if (auto no = detail::notAvailable(DeviceTest::PlayAnnouncement, device)) return *no;
    if (options.voicePack.empty())
        return {false, "no voice pack is configured for the announcer: the test has nothing to "
                       "say"};
    std::shared_ptr<const VoicePack> pack;
    try {
        pack = std::make_shared<const VoicePack>(loadVoicePack(options.voicePack));
    } catch (const VoicePackError& e) {
        return {false, std::string("the voice pack cannot be used: ") + e.what()};
    }

    detail::DeviceWatch watch;
    // By id: a short call may be over before announce() has returned its id.
    std::map<std::uint64_t, AnnouncementDone> done;
    drivers::DeviceSinks sinks;
    sinks.events = watch.sink();
    sinks.announcements = [&](const AnnouncementDone& d) { watch.note([&] { done[d.id] = d; }); };
    auto factoryOptions = detail::deviceOptions(device, options);
    factoryOptions.voicePack = std::move(pack);
    const auto built = drivers::makeDevice(device, std::move(sinks), factoryOptions);
    auto& announcer = dynamic_cast<Announcer&>(*built);
    const std::string what =
        "sound device " + (device.address.empty() ? std::string("default") : device.address);
    announcer.start();
    if (!watch.waitOpened(options.openTimeout)) {
        announcer.stop();
        return {false, detail::openFailure(watch, what, options.openTimeout)};
    }
    const auto queued = announcer.announce(Call{"A001", 1});
    if (!queued.accepted()) {
        announcer.stop();
        return {false, "the announcer refused the test call: " + queued.refused};
    }
    const bool finished =
        watch.waitFor(options.announceTimeout, [&] { return done.contains(queued.id); });
    announcer.stop();
    if (!finished)
        return {false, "the test announcement did not finish on the " + what + " within " +
                           detail::seconds(options.announceTimeout) + " (timeout)"};
    const AnnouncementDone& said = done.at(queued.id);
    if (said.outcome != AnnouncementOutcome::Played)
        return {false, "the test announcement was not played on the " + what + ": " +
                           (said.error ? detail::errorText(*said.error)
                                       : std::string(outcomeName(said.outcome)))};
    std::string message = "announcement \"请 A001 号到 1 号窗口办理\" played on the " + what;
    if (!queued.warnings.empty()) message += " (" + queued.warnings.front().message + ")";
    return {true, message};
}

} // namespace hall::technician
