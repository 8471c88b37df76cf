#include "shared/ui/app/screenshots.h"

#include "shared/ui/app/hosted_qml.h"
#include "shared/ui/app/theme_control.h"
#include "shared/ui/app/warning_log.h"
#include "shared/ui/language_switcher.h"

#include <QDir>
#include <QImage>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTextStream>

namespace hall::ui {

namespace {

// Time for the first frame and anything a screen starts on completion (loaders, models).
constexpr int settleMilliseconds = 100;

} // namespace

int saveScreenshots(QQmlEngine& engine, const QList<Screen>& screens, const QString& directory,
                    QSize size) {
    QTextStream out(stdout);
    if (screens.isEmpty()) {
        out << "screenshot: the app registers no screens (or none matched)\n";
        return 1;
    }
    if (!QDir().mkpath(directory)) {
        out << "screenshot: cannot create the directory " << directory << '\n';
        return 1;
    }
    WarningLog log;
    ThemeControl theme(engine);
    if (!theme.isValid()) return 1;
    auto* languages = LanguageSwitcher::of(&engine);
    int failures = 0;
    int written = 0;
    QQuickWindow host;
    host.resize(size);
    for (const auto& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
        if (!languages->switchTo(language)) {
            ++failures;
            continue;
        }
        for (const bool elder : {false, true}) {
            theme.setElderMode(elder);
            for (const auto& screen : screens) {
                const QString file = QDir(directory).filePath(
                    QStringLiteral("%1_%2%3.png")
                        .arg(screen.name, language, elder ? "_elder" : ""));
                const int before = log.count();
                const QSize shotSize = screen.size.isValid() ? screen.size : size;
                host.resize(shotSize);
                QStringList errors;
                {
                    QQmlComponent component(&engine, screen.url);
                    HostedQml hosted(component, host, shotSize);
                    errors = hosted.errors();
                    if (hosted.window() == nullptr && errors.isEmpty())
                        errors.append(screen.url.toString() +
                                      QStringLiteral(": the root is neither an Item nor a Window"));
                    if (errors.isEmpty()) {
                        settle(settleMilliseconds);
                        const QImage image = hosted.window()->grabWindow();
                        if (image.isNull())
                            errors.append(QStringLiteral("grabbing the window gave no image"));
                        else if (!image.save(file, "PNG"))
                            errors.append(QStringLiteral("cannot write ") + file);
                        else
                            ++written;
                    }
                }
                settle(0);
                errors += log.since(before);
                if (!errors.isEmpty()) {
                    ++failures;
                    out << "FAIL screen " << screen.name << " (" << screen.url.toString() << ") ["
                        << language << (elder ? ", elder mode" : "") << "]\n";
                    for (const auto& error : errors)
                        out << "    " << error << '\n';
                } else {
                    out << "wrote " << file << '\n';
                }
            }
        }
    }
    theme.setElderMode(false);
    languages->switchTo(QStringLiteral("zh_CN"));
    out << "screenshot: " << written << " images, " << failures << " failures\n";
    return failures == 0 ? 0 : 1;
}

} // namespace hall::ui
