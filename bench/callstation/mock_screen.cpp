#include "bench/callstation/mock_screen.h"

#include "shared/ui/language_switcher.h"
#include "shared/ui/qr_image_provider.h"

#include <QQmlComponent>

namespace hall::bench {

MockScreen::MockScreen(const char* benchName, const char* qml, QSize size, const ui::AppSpec& app,
                       const QStringList& realArguments) {
    engine_.addImportPath(QStringLiteral("qrc:/"));
    engine_.addImageProvider(QStringLiteral("qr"), new ui::QrImageProvider); // as the app does
    ui::LanguageSwitcher::of(&engine_)->switchTo(QStringLiteral("zh_CN"));
    ui::TerminalApp::addOptions(parser_);
    if (app.addOptions) app.addOptions(parser_);
    if (!parser_.parse(QStringList{QString::fromLatin1(benchName)} + realArguments)) {
        error_ = parser_.errorText().toStdString();
        return;
    }
    ui::AppContext context{
        engine_, realArguments.isEmpty() ? ui::BackendMode::Mock : ui::BackendMode::Real, parser_};
    terminal_ = ui::TerminalApp::create(context);
    if (!terminal_) {
        error_ = "the terminal could not be made";
        return;
    }
    if (app.setUpBackend && !app.setUpBackend(context)) {
        error_ = "the app's set-up failed";
        return;
    }
    backend_ = qobject_cast<client::MockBackend*>(terminal_->backend());
    window_.resize(size);
    const QString file = QString::fromLatin1(qml);
    QQmlComponent component(&engine_,
                            QUrl(file.startsWith(QLatin1String("qrc:"))
                                     ? file
                                     : QStringLiteral("qrc:/Hall/Callstation/qml/") + file));
    screen_ = qobject_cast<QQuickItem*>(component.create());
    if (!screen_) {
        error_ = component.errorString().toStdString();
        return;
    }
    screen_->setParentItem(window_.contentItem());
    screen_->setSize(window_.size());
    QObject::connect(&window_, &QQuickWindow::frameSwapped, [this] {
        ++frames_;
        frameAt_ = std::chrono::steady_clock::now();
    });
}

MockScreen::~MockScreen() {
    delete screen_;
}

bool MockScreen::showAndWaitForFrame() {
    window_.show();
    return spinUntil([this] { return frames_ > 0; });
}

} // namespace hall::bench
