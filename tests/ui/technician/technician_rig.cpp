#include "tests/ui/technician/technician_rig.h"

#include "shared/technician/pin_file.h"
#include "shared/technician/pin_gate.h"

#include <QDir>
#include <fstream>
#include <thread>

namespace hall::technician::testing {

namespace fs = std::filesystem;

struct TechnicianRig::Fakes {
    class Sink : public AuditSink {
    public:
        explicit Sink(TechnicianRig& rig) : rig_(rig) {}
        void record(const AuditEntry& entry) override {
            rig_.actions_ << QString::fromUtf8(auditActionName(entry.action).data());
            rig_.details_ << QString::fromStdString(entry.detail);
            Q_EMIT rig_.audited();
        }

    private:
        TechnicianRig& rig_;
    };

    // Succeeds for a configured printer, fails for anything else; runs on the model's worker.
    class Runner : public DeviceTestRunner {
    public:
        DeviceTestResult run(DeviceTest test, const DeviceSetting& device) override {
            if (test == DeviceTest::PrintTicket)
                return {true, "test ticket printed on " + device.address};
            return {false, "no card within 10 s"};
        }
    };

    // Answers at once, from another thread, as a network client would.
    class Enroller : public Enrollment {
    public:
        void enroll(const std::string& code, std::function<void(EnrollmentResult)> done) override {
            std::thread([code, done = std::move(done)] {
                if (code == "K7Q2-9XWM")
                    done({true, "enrolled", "kiosk-1", "kiosk"});
                else
                    done({false, "the code is unknown or spent", "", ""});
            }).detach();
        }
    };

    explicit Fakes(TechnicianRig& rig) : sink(rig) {}

    Sink sink;
    Runner runner;
    Enroller enroller;
    TimePoint now =
        TimePoint(std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours{9});
};

TechnicianRig::TechnicianRig(QObject* parent)
    : QObject(parent), dir_("hall-technician-qml"), fakes_(std::make_unique<Fakes>(*this)) {
    setPin(dir_.file(kPinFileName), "472913");
    fs::create_directory(dir_.file("logs"));
    std::ofstream(dir_.file("logs") / "kiosk.log") << "started\n";
    std::ofstream(dir_.file("logs") / "kiosk.log.1") << "older\n";
    fs::create_directory(dir_.file("usb"));

    ui::TechnicianConfig config;
    config.pinFile = dir_.file(kPinFileName);
    config.settingsFile = dir_.file("terminal-settings.toml");
    config.logDirectory = dir_.file("logs");
    config.audit = &fakes_->sink;
    config.enrollment = &fakes_->enroller;
    config.deviceTests = &fakes_->runner;
    config.deviceKinds = {drivers::DeviceKind::IdCardReader, drivers::DeviceKind::TicketPrinter};
    config.clock = [fakes = fakes_.get()] { return fakes->now; };
    config.restart = [this] {
        ++restarts_;
        Q_EMIT restarted();
    };
    session_ = new ui::TechnicianSession(std::move(config), this);
}

TechnicianRig::~TechnicianRig() {
    delete session_; // before the fakes it points to
}

QString TechnicianRig::exportDir() const {
    return QString::fromStdString(dir_.file("usb").string());
}

QString TechnicianRig::settingsText() const {
    std::ifstream in(dir_.file("terminal-settings.toml"));
    return QString::fromStdString({std::istreambuf_iterator<char>(in), {}});
}

void TechnicianRig::advanceClock(int seconds) {
    fakes_->now += std::chrono::seconds(seconds);
}

void TechnicianRig::damagePinFile() {
    std::ofstream(dir_.file(kPinFileName), std::ios::trunc) << "format = 1\npin_hash = \"";
}

int TechnicianRig::exportedFolders() const {
    return static_cast<int>(QDir(exportDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

} // namespace hall::technician::testing
