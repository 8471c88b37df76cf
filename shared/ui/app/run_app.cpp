#include "shared/ui/app/run_app.h"

#include "shared/ui/app/app_control.h"
#include "shared/ui/app/qml_files.h"
#include "shared/ui/app/screenshots.h"
#include "shared/ui/app/self_test.h"
#include "shared/ui/app/theme_control.h"
#include "shared/ui/language_switcher.h"
#include "shared/ui/qr_image_provider.h"

#include <QCommandLineParser>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTextStream>
#include <QtQml/qqmlextensionplugin.h>
// Hall.Ui is linked into every app through this library.
Q_IMPORT_QML_PLUGIN(Hall_UiPlugin)

namespace hall::ui {

namespace {

// The one font of every screen (Theme.fontFamily); Latin digits from any other font look odd
// next to the Chinese text, so it is the application font too.
constexpr auto fontFamily = "Noto Sans CJK SC";

// The checks, and the help text or an error about the command line, need no display: pick the
// offscreen platform for them before QGuiApplication looks for one, unless the caller chose.
void preferOffscreenIfHeadless(QCommandLineParser& parser, int argc, char* argv[],
                               const QList<QCommandLineOption>& headlessOptions) {
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) return;
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    bool headless = !parser.parse(arguments) || parser.isSet(QStringLiteral("help"));
    for (const auto& option : headlessOptions)
        headless = headless || parser.isSet(option);
    if (headless) qputenv("QT_QPA_PLATFORM", "offscreen");
}

struct ShellOptions {
    QCommandLineOption selfTest{QStringLiteral("self-test"),
                                QStringLiteral("Instantiate every QML file (zh_CN and en, elder "
                                               "mode off and on); exit 1 on any QML error or "
                                               "warning.")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QStringLiteral("Render every screen offscreen into <dir> as PNG."), QStringLiteral("dir")};
    QCommandLineOption mock{QStringLiteral("mock"),
                            QStringLiteral("Use the mock backend: no controller, no hardware.")};
    QCommandLineOption language{
        QStringLiteral("language"), QStringLiteral("Start in <code> (zh_CN, en)."),
        QStringLiteral("code"), QString::fromLatin1(LanguageSwitcher::defaultLanguage)};
    QCommandLineOption elder{QStringLiteral("elder"), QStringLiteral("Start in elder mode.")};
    QCommandLineOption only{QStringLiteral("only"),
                            QStringLiteral("Restrict --self-test and --screenshot to the QML files "
                                           "or screens whose url or name contains <text>."),
                            QStringLiteral("text")};
    QCommandLineOption control{QStringLiteral("control"),
                               QStringLiteral("Listen on the local socket <path> for shot, tap and "
                                              "get commands (demos and soak runs)."),
                               QStringLiteral("path")};
};

std::vector<QmlFile> selfTestFiles(const AppSpec& spec, const QString& only) {
    auto files = spec.selfTestFiles.isEmpty() ? qmlFilesUnder(QStringLiteral(":/Hall"))
                                              : describeQmlFiles(spec.selfTestFiles);
    if (!only.isEmpty())
        std::erase_if(files, [&](const QmlFile& f) { return !f.url.toString().contains(only); });
    return files;
}

QList<Screen> screensToShoot(const AppSpec& spec, const QString& only) {
    QList<Screen> screens;
    for (const auto& screen : spec.screens)
        if (only.isEmpty() || screen.name.contains(only) || screen.url.toString().contains(only))
            screens.append(screen);
    return screens;
}

} // namespace

int runApp(int argc, char* argv[], const AppSpec& spec) {
    QCommandLineParser parser;
    parser.setApplicationDescription(spec.displayName.isEmpty() ? spec.name : spec.displayName);
    parser.addHelpOption();
    const ShellOptions options;
    parser.addOptions({options.selfTest, options.screenshot, options.mock, options.language,
                       options.elder, options.only, options.control});
    if (spec.addOptions) spec.addOptions(parser);
    preferOffscreenIfHeadless(parser, argc, argv, {options.selfTest, options.screenshot});

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(spec.name);
    QGuiApplication::setApplicationDisplayName(spec.displayName.isEmpty() ? spec.name
                                                                          : spec.displayName);
    QGuiApplication::setFont(QFont(QString::fromLatin1(fontFamily)));
    // The components draw themselves from Theme; Qt Quick Controls used by app screens get the
    // plain style on every platform so screenshots and self-tests match the kiosks.
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    parser.process(app); // prints help, or the error about an unknown option, and exits

    QTextStream err(stderr);
    QQmlApplicationEngine engine;
    engine.addImageProvider(QStringLiteral("qr"), new QrImageProvider); // the engine owns it
    engine.addImportPath(QStringLiteral("qrc:/"));
    auto* languages = LanguageSwitcher::of(&engine);
    if (!languages->switchTo(parser.value(options.language))) {
        err << "unknown language " << parser.value(options.language)
            << "; available: " << languages->languages().join(QStringLiteral(", ")) << '\n';
        return 2;
    }

    const bool selfTest = parser.isSet(options.selfTest);
    const bool screenshot = parser.isSet(options.screenshot);
    AppContext context{engine,
                       parser.isSet(options.mock) || selfTest || screenshot ? BackendMode::Mock
                                                                            : BackendMode::Real,
                       parser};
    if (spec.setUpBackend && !spec.setUpBackend(context)) return 1;

    const QString only = parser.value(options.only);
    if (selfTest) return runSelfTest(engine, selfTestFiles(spec, only), spec.screenSize);
    if (screenshot)
        return saveScreenshots(engine, screensToShoot(spec, only), parser.value(options.screenshot),
                               spec.screenSize);

    ThemeControl theme(engine);
    theme.setElderMode(parser.isSet(options.elder));
    engine.load(spec.mainQml);
    if (engine.rootObjects().isEmpty()) {
        err << "cannot load " << spec.mainQml.toString() << '\n';
        return 1;
    }
    AppControl control(engine);
    QString controlError;
    if (parser.isSet(options.control) &&
        !control.listen(parser.value(options.control), controlError)) {
        err << controlError << '\n';
        return 1;
    }
    return QGuiApplication::exec();
}

} // namespace hall::ui
