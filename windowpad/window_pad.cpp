#include "windowpad/window_pad.h"

#include "shared/client/mock_backend.h"
#include "shared/ui/app/terminal_app.h"

#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QTextStream>

namespace hall::windowpad {

namespace {

const QString kFaceOption = QStringLiteral("face");

} // namespace

WindowPad::WindowPad(QObject* parent) : QObject(parent) {
    // A new citizen at the counter: pages captured for the last one and never sent go.
    connect(&confirmation_, &ConfirmationDesk::nextVisit, this, [this] {
        if (camera_) camera_->clearPages();
    });
}

bool WindowPad::askToSign() {
    if (!camera_ || camera_->pageCount() == 0) return confirmation_.askToSign();
    const int pages = camera_->pageCount();
    if (!confirmation_.askToSign(camera_->pagesPdf(), pages)) return false;
    camera_->clearPages();
    return true;
}

void WindowPad::addOptions(QCommandLineParser& parser) {
    parser.addOption({kFaceOption,
                      QStringLiteral("What this pad shows: clerk, citizen or both (default both: "
                                     "one window on each screen)."),
                      QStringLiteral("FACE")});
    DocumentCamera::addOptions(parser);
}

bool WindowPad::setUp(ui::AppContext& app) {
    auto* pad = create(&app.engine, nullptr);
    if (app.commandLine.isSet(kFaceOption)) {
        const QString face = app.commandLine.value(kFaceOption);
        if (face != QLatin1String("clerk") && face != QLatin1String("citizen") &&
            face != QLatin1String("both")) {
            QTextStream(stderr) << "--face is clerk, citizen or both, got " << face << '\n';
            return false;
        }
        pad->face_ = face;
    }
    auto* terminal = ui::TerminalApp::of(app.engine);
    client::Backend* backend = terminal->backend();
    if (auto* mock = qobject_cast<client::MockBackend*>(backend))
        mock->setDevice({"pad-1", protocol::Role::WindowPad, 1, {}});
    pad->clerk_.setBackend(backend);
    pad->clerk_.setIdentification(terminal->identification());
    pad->clerk_.setStaffPhotos(
        new client::StaffPhotos(backend, terminal->dataDir() / "staff-photos", pad));
    pad->evaluation_.setBackend(backend);
    pad->confirmation_.setBackend(backend);
    pad->camera_ = DocumentCamera::setUp(app);
    listenToKeys(*terminal->keypads(), pad->clerk_, pad->evaluation_);
    return true;
}

void WindowPad::listenToKeys(client::KeypadInput& keys, ClerkDesk& clerk,
                             EvaluationDesk& evaluation) {
    connect(&keys, &client::KeypadInput::callerKey, &clerk,
            [&clerk](const QString& key, const QString& number) { clerk.keypadKey(key, number); });
    connect(&keys, &client::KeypadInput::evaluatorKey, &evaluation, &EvaluationDesk::choose);
}

// The one the set-up made, a child of the engine (QML gets the same object).
WindowPad* WindowPad::create(QQmlEngine* engine, QJSEngine*) {
    auto* pad =
        engine ? engine->findChild<WindowPad*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!pad && engine) {
        pad = new WindowPad(engine);
        pad->camera_ = DocumentCamera::install(*engine); // under --self-test and --screenshot too
    }
    if (pad) QJSEngine::setObjectOwnership(pad, QJSEngine::CppOwnership);
    return pad;
}

} // namespace hall::windowpad
