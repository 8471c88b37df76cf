#include "shared/ui/app/self_test.h"

#include "shared/ui/app/hosted_qml.h"
#include "shared/ui/app/theme_control.h"
#include "shared/ui/app/warning_log.h"
#include "shared/ui/language_switcher.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTextStream>

namespace hall::ui {

namespace {

// Languages every app ships: the hall's, and English for visitors.
const QStringList requiredLanguages{QStringLiteral("zh_CN"), QStringLiteral("en")};

// A singleton cannot be instantiated as a component; importing its module and reading the
// type creates it, which runs its bindings.
void loadSingletonProbe(QQmlComponent& component, const QmlFile& file) {
    const QString source =
        QStringLiteral("import QtQuick\nimport %1\nQtObject { property var probe: %2 }\n")
            .arg(file.uri, file.typeName);
    component.setData(source.toUtf8(),
                      QUrl(QStringLiteral("qrc:/hall-self-test/%1Probe.qml").arg(file.typeName)));
}

} // namespace

int runSelfTest(QQmlEngine& engine, const std::vector<QmlFile>& files, QSize windowSize) {
    QTextStream out(stdout);
    WarningLog log;
    int problems = 0;
    auto fail = [&](const QString& what, const QStringList& messages) {
        ++problems;
        out << "FAIL " << what << '\n';
        for (const auto& message : messages)
            out << "    " << message << '\n';
        out.flush();
    };

    if (files.empty()) {
        fail(QStringLiteral("no QML files to test (none under qrc:/Hall/ or none matched)"), {});
        return 1;
    }
    ThemeControl theme(engine);
    if (!theme.isValid()) {
        fail(QStringLiteral("Hall.Ui cannot be imported"), log.since(0));
        return 1;
    }
    auto* languages = LanguageSwitcher::of(&engine);
    for (const auto& language : requiredLanguages)
        if (!languages->languages().contains(language))
            fail(QStringLiteral("no translations for %1 in the resources (:/i18n/*_%1.qm)")
                     .arg(language),
                 {});

    QQuickWindow host;
    host.resize(windowSize);
    int variants = 0;
    for (const auto& language : requiredLanguages) {
        const int beforeSwitch = log.count();
        if (!languages->switchTo(language) || log.count() > beforeSwitch) {
            fail(QStringLiteral("switching to %1").arg(language), log.since(beforeSwitch));
            continue;
        }
        for (const bool elder : {false, true}) {
            const QString variant =
                QStringLiteral("[%1, elder mode %2]").arg(language, elder ? "on" : "off");
            const int beforeTheme = log.count();
            theme.setElderMode(elder);
            if (log.count() > beforeTheme)
                fail(QStringLiteral("setting elder mode ") + variant, log.since(beforeTheme));
            ++variants;
            for (const auto& file : files) {
                const int before = log.count();
                QStringList errors;
                {
                    QQmlComponent component(&engine);
                    if (file.singleton)
                        loadSingletonProbe(component, file);
                    else
                        component.loadUrl(file.url);
                    HostedQml hosted(component, host, QSize());
                    errors = hosted.errors();
                    if (auto* window = hosted.window()) {
                        window->grabWindow(); // a render pass: polish, layout, text shaping
                        // The citizen flips elder mode on a live screen: bindings that only
                        // break on change (binding loops, layouts) show up here.
                        theme.setElderMode(!elder);
                        window->grabWindow();
                        theme.setElderMode(elder);
                    }
                    settle(0);
                }
                settle(0);
                errors += log.since(before);
                if (!errors.isEmpty())
                    fail(file.url.toString() + QLatin1Char(' ') + variant, errors);
            }
        }
    }
    theme.setElderMode(false);
    languages->switchTo(QStringLiteral("zh_CN"));

    out << "self-test: " << files.size() << " QML files x " << variants
        << " variants (languages x elder mode): "
        << (problems == 0 ? QStringLiteral("OK") : QStringLiteral("%1 failed").arg(problems))
        << '\n';
    return problems == 0 ? 0 : 1;
}

} // namespace hall::ui
