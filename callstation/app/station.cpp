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
const QString kLedBox = QStringLiteral("led-box");
const QString kWindowOption = QStringLiteral("window");
const QString kLedSizeOption = QStringLiteral("led-size");
const QString kLedLookOption = QStringLiteral("led-look");

Q_LOGGING_CATEGORY(lcStation, "hall.callstation")

// The voice packs: Chinese for every call, English after it when the hall asks for it.
std::filesystem::path voicePackDir(const char* variable, const char* language) {
    if (const char* pack = std::getenv(variable); pack && *pack) return pack;
    return std::filesystem::path(HALL_VOICE_PACKS_DIR) / language;
}

} // namespace

void Station::addOptions(QCommandLineParser& parser) {
    parser.addOption({kRoleOption,
                      QStringLiteral("What this box is: ticket-machine, call-board or led-box "
                                     "(default: the role it was enrolled with)."),
                      QStringLiteral("ROLE")});
    parser.addOption({kWindowOption,
                      QStringLiteral("led-box: the window whose strip it shows (default: the "
                                     "window it was enrolled with, else 1)."),
                      QStringLiteral("N")});
    parser.addOption({kLedSizeOption,
                      QStringLiteral("led-box: the LED screen's size in LEDs, 192x32 or 256x64 "
                                     "(default 192x32)."),
                      QStringLiteral("WxH")});
    parser.addOption({kLedLookOption,
                      QStringLiteral("led-box: red (single-colour strips) or tricolour "
                                     "(red, green, yellow; default red)."),
                      QStringLiteral("LOOK")});
}

// The LED box's options; false (with the reason on stderr) for a value it cannot use.
bool Station::readLedOptions(const QCommandLineParser& commandLine) {
    QTextStream err(stderr);
    if (commandLine.isSet(kWindowOption)) {
        bool ok = false;
        forcedWindow_ = commandLine.value(kWindowOption).toInt(&ok);
        if (!ok || forcedWindow_ < 1) {
            err << "--window needs a window number, got " << commandLine.value(kWindowOption) << '\n';
            return false;
        }
    }
    if (commandLine.isSet(kLedSizeOption)) {
        const QString size = commandLine.value(kLedSizeOption);
        if (size == QLatin1String("192x32")) ledSize_ = {192, 32};
        else if (size == QLatin1String("256x64")) ledSize_ = {256, 64};
        else {
            err << "--led-size is 192x32 or 256x64, got " << size << '\n';
            return false;
        }
    }
    if (commandLine.isSet(kLedLookOption)) {
        ledLook_ = commandLine.value(kLedLookOption);
        if (ledLook_ != QLatin1String("red") && ledLook_ != QLatin1String("tricolour")) {
            err << "--led-look is red or tricolour, got " << ledLook_ << '\n';
            return false;
        }
    }
    return true;
}

bool Station::setUp(ui::AppContext& app) {
    auto* terminal = ui::TerminalApp::of(app.engine);
    if (!terminal) return false;
    auto* station = new Station(&app.engine);
    if (app.commandLine.isSet(kRoleOption)) {
        station->forced_ = app.commandLine.value(kRoleOption);
        if (station->forced_ != kTicketMachine && station->forced_ != kCallBoard &&
            station->forced_ != kLedBox) {
            QTextStream(stderr) << "unknown role " << station->forced_ << "; use " << kTicketMachine
                                << ", " << kCallBoard << " or " << kLedBox << '\n';
            return false;
        }
    }
    if (!station->readLedOptions(app.commandLine)) return false;
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

int Station::window() const {
    if (forcedWindow_ > 0) return forcedWindow_;
    const auto enrolled = backend_ ? backend_->window() : 0;
    return enrolled > 0 ? enrolled : 1;
}

QString Station::roleForDevice(const QString& protocolRole) {
    if (protocolRole == QLatin1String("ticket_machine") || protocolRole == QLatin1String("kiosk"))
        return kTicketMachine;
    if (protocolRole == QLatin1String("call_board")) return kCallBoard;
    if (protocolRole == QLatin1String("led_bridge")) return kLedBox;
    return {};
}

} // namespace hall::callstation
