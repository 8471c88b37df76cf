#include "callstation/app/station.h"

#include "drivers/audio/voice_pack_loader.h"
#include "drivers/kinds/device_factory.h"
#include "shared/technician/settings_file.h"
#include "shared/ui/app/terminal_app.h"

#include <QCommandLineParser>
#include <QJSEngine>
#include <QQmlApplicationEngine>
#include <QLoggingCategory>
#include <QTextStream>
#include <cstdlib>

namespace hall::callstation {

namespace {

const QString kRoleOption = QStringLiteral("role");
const QString kTicketMachine = QStringLiteral("ticket-machine");
const QString kCallBoard = QStringLiteral("call-board");

Q_LOGGING_CATEGORY(lcStation, "hall.callstation")

// The voice packs: Chinese for every call, English after it when the hall asks for it.
std::filesystem::path voicePackDir(const char* variable, const char* language) {
    if (const char* pack = std::getenv(variable); pack && *pack) return pack;
    return std::filesystem::path(HALL_VOICE_PACKS_DIR) / language;
}

} // namespace

void Station::addOptions(QCommandLineParser& parser) {
    parser.addOption({kRoleOption,
                      QStringLiteral("What this box is: ticket-machine or call-board (default: "
                                     "the role it was enrolled with)."),
                      QStringLiteral("ROLE")});
}

bool Station::setUp(ui::AppContext& app) {
    auto* terminal = ui::TerminalApp::of(app.engine);
    if (!terminal) return false;
    auto* station = new Station(&app.engine);
    if (app.commandLine.isSet(kRoleOption)) {
        station->forced_ = app.commandLine.value(kRoleOption);
        if (station->forced_ != kTicketMachine && station->forced_ != kCallBoard) {
            QTextStream(stderr) << "unknown role " << station->forced_ << "; use " << kTicketMachine
                                << " or " << kCallBoard << '\n';
            return false;
        }
    }
    station->backend_ = terminal->backend();
    connect(terminal->backend(), &client::Backend::identityChanged, station,
            &Station::roleChanged);

    station->voice_ = new CallVoice(station);
    station->voice_->setBackend(terminal->backend());
    connect(station->voice_, &CallVoice::faultsChanged, station, [station] {
        if (station->backend_)
            station->backend_->setFaultsOf(QStringLiteral("voice"), station->voice_->faults());
    });
    if (app.backend == ui::BackendMode::Real) {
        const auto settingsFile = terminal->dataDir() / technician::kSettingsFileName;
        station->openAnnouncer(settingsFile);
        connect(terminal->technician(), &technician::ui::TechnicianSession::settingsChanged,
                station, [station, settingsFile] { station->openAnnouncer(settingsFile); });
    }
    return true;
}

void Station::openAnnouncer(const std::filesystem::path& settingsFile) {
    voice_->setDevice(nullptr);
    technician::TerminalSettings settings;
    try {
        settings = technician::readSettingsFile(settingsFile);
    } catch (const technician::SettingsError&) {
        return; // the technician menu says what is wrong with the file
    }
    for (const auto& setting : settings.devices) {
        if (setting.kind != drivers::DeviceKind::Announcer) continue;
        try {
            drivers::DeviceOptions options;
            options.voicePack = std::make_shared<const drivers::audio::VoicePack>(
                drivers::audio::loadVoicePack(voicePackDir("HALL_VOICE_PACK", "zh-CN")));
            try {
                options.announcer.followUp = std::make_shared<const drivers::audio::VoicePack>(
                    drivers::audio::loadVoicePack(voicePackDir("HALL_VOICE_PACK_EN", "en")));
            } catch (const std::exception& e) {
                // Chinese alone: the board still announces every call.
                qCWarning(lcStation).noquote() << "English voice pack:" << e.what();
            }
            drivers::DeviceSinks sinks;
            sinks.events = voice_->eventSink();
            sinks.announcements = voice_->doneSink();
            voice_->setDevice(drivers::makeDevice(setting, std::move(sinks), options));
        } catch (const std::exception& e) {
            // A bad pack or a setting the driver cannot use: the board stays silent, and the
            // announcer's test in the technician menu says why.
            qCWarning(lcStation).noquote() << "announcer:" << e.what();
        }
        return;
    }
}

Station* Station::create(QQmlEngine* engine, QJSEngine*) {
    auto* station =
        engine ? engine->findChild<Station*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (station) QJSEngine::setObjectOwnership(station, QJSEngine::CppOwnership);
    return station;
}

QString Station::role() const {
    if (!forced_.isEmpty()) return forced_;
    const QString enrolled = backend_ ? roleForDevice(backend_->role()) : QString();
    return enrolled.isEmpty() ? kTicketMachine : enrolled;
}

QString Station::roleForDevice(const QString& protocolRole) {
    if (protocolRole == QLatin1String("ticket_machine") || protocolRole == QLatin1String("kiosk"))
        return kTicketMachine;
    if (protocolRole == QLatin1String("call_board")) return kCallBoard;
    return {};
}

} // namespace hall::callstation
