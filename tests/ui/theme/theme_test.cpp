// The Theme singleton as the QML engine sees it: every declared text / background pair has at
// least 4.5:1 contrast, every text colour is declared on some background, and the elder-mode
// sizes meet 适老化 physically on the target panel.
#include "tests/ui/theme/wcag_contrast.h"

#include <QColor>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QJSValue>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <doctest/doctest.h>
#include <memory>
#include <set>
#include <string>

Q_IMPORT_QML_PLUGIN(Hall_UiPlugin)

using namespace hall::ui::testing;

namespace {

// Loads Theme through a real engine, the way the screens reach it.
class LoadedTheme {
public:
    LoadedTheme() {
        engine_.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&engine_);
        component.setData("import QtQuick\nimport Hall.Ui\nQtObject { property var theme: Theme }",
                          QUrl(QStringLiteral("qrc:/theme_test/Probe.qml")));
        holder_.reset(component.create());
        REQUIRE_MESSAGE(holder_ != nullptr, component.errorString().toStdString());
        theme_ = holder_->property("theme").value<QObject*>();
        REQUIRE(theme_ != nullptr);
    }
    QObject& theme() { return *theme_; }
    QVariant value(const std::string& name) { return theme_->property(name.c_str()); }
    void setElderMode(bool on) { REQUIRE(theme_->setProperty("elderMode", on)); }

private:
    QQmlEngine engine_;
    std::unique_ptr<QObject> holder_;
    QObject* theme_ = nullptr;
};

double luminanceOf(const QColor& colour) {
    REQUIRE(colour.isValid());
    REQUIRE_MESSAGE(colour.alpha() == 255, "translucent colours have no fixed contrast");
    return relativeLuminance(colour.red(), colour.green(), colour.blue());
}

QColor colourProperty(LoadedTheme& loaded, const std::string& name) {
    const QVariant value = loaded.value(name);
    REQUIRE_MESSAGE(value.isValid(), "Theme has no property " << name);
    REQUIRE_MESSAGE(value.metaType().id() == QMetaType::QColor, name << " is not a colour");
    return value.value<QColor>();
}

// Theme.textPairs as [foreground, background] names.
std::vector<std::pair<std::string, std::string>> textPairs(LoadedTheme& loaded) {
    QVariant raw = loaded.value("textPairs");
    if (raw.canConvert<QJSValue>()) raw = raw.value<QJSValue>().toVariant();
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& entry : raw.toList()) {
        const auto names = entry.toStringList();
        REQUIRE_MESSAGE(names.size() == 2, "a text pair is [foreground, background]");
        pairs.emplace_back(names[0].toStdString(), names[1].toStdString());
    }
    return pairs;
}

// Point size as rendered on the target panel: Qt maps pt to px at its logical DPI, the panel
// shows px at its physical DPI.
double physicalPoints(double pointSize, LoadedTheme& loaded) {
    return pointSize * loaded.value("logicalDpi").toDouble() / loaded.value("targetDpi").toDouble();
}

} // namespace

TEST_CASE("the WCAG formula gives the published reference ratios") {
    const double white = relativeLuminance(255, 255, 255);
    const double black = relativeLuminance(0, 0, 0);
    CHECK(contrastRatio(white, black) == doctest::Approx(21.0));
    CHECK(contrastRatio(black, white) == doctest::Approx(21.0));
    // #777777 on white is the classic just-failing grey (4.48:1); #767676 just passes (4.54:1).
    CHECK(contrastRatio(relativeLuminance(0x77, 0x77, 0x77), white) ==
          doctest::Approx(4.48).epsilon(0.01));
    CHECK(contrastRatio(relativeLuminance(0x76, 0x76, 0x76), white) ==
          doctest::Approx(4.54).epsilon(0.01));
    CHECK(contrastRatio(relativeLuminance(0x77, 0x77, 0x77), white) < minimumTextContrast);
}

TEST_CASE("every declared text / background pair has at least 4.5:1 contrast") {
    LoadedTheme loaded;
    const auto pairs = textPairs(loaded);
    REQUIRE(pairs.size() >= 10);
    for (const auto& [foreground, background] : pairs) {
        const double ratio = contrastRatio(luminanceOf(colourProperty(loaded, foreground)),
                                           luminanceOf(colourProperty(loaded, background)));
        INFO(foreground << " on " << background << " = " << ratio << ":1");
        CHECK(ratio >= minimumTextContrast);
    }
}

TEST_CASE("every text colour of the palette is declared on the backgrounds it is used on") {
    LoadedTheme loaded;
    std::set<std::string> foregrounds;
    for (const auto& pair : textPairs(loaded))
        foregrounds.insert(pair.first);
    const QMetaObject* meta = loaded.theme().metaObject();
    int textColours = 0;
    for (int i = 0; i < meta->propertyCount(); ++i) {
        const QMetaProperty property = meta->property(i);
        const std::string name = property.name();
        if (property.metaType().id() != QMetaType::QColor) continue;
        // textOnPrimary, secondaryText, busyText …: the colours text is drawn in.
        const bool endsInText = name.size() > 4 && name.compare(name.size() - 4, 4, "Text") == 0;
        const bool isText = name.rfind("text", 0) == 0 || endsInText;
        if (!isText) continue;
        ++textColours;
        INFO("text colour " << name);
        CHECK(foregrounds.count(name) == 1);
    }
    CHECK(textColours >= 8);
}

TEST_CASE("the theme font is Noto Sans CJK SC and installed") {
    LoadedTheme loaded;
    const QString family = loaded.value("fontFamily").toString();
    CHECK(family == QStringLiteral("Noto Sans CJK SC"));
    // fonts-noto-cjk; without it Qt silently substitutes a font without the Chinese glyphs.
    CHECK(QFontDatabase::families().contains(family));
}

TEST_CASE("elder mode meets the 适老化 minimums physically on the ~102 DPI kiosk panel") {
    LoadedTheme loaded;
    CHECK(loaded.value("targetDpi").toDouble() >= 100);
    loaded.setElderMode(true);
    CHECK(physicalPoints(loaded.value("bodyPointSize").toDouble(), loaded) >= 18.0);
    CHECK(physicalPoints(loaded.value("captionPointSize").toDouble(), loaded) >= 18.0);
    CHECK(physicalPoints(loaded.value("headingPointSize").toDouble(), loaded) >= 30.0);
    CHECK(loaded.value("lineHeight").toDouble() >= 1.3);
    CHECK(loaded.value("touchTarget").toInt() >= 60);

    // Switching back restores the compact sizes: the property really drives them.
    const double elderBody = loaded.value("bodyPointSize").toDouble();
    loaded.setElderMode(false);
    CHECK(loaded.value("bodyPointSize").toDouble() < elderBody);
    CHECK(loaded.value("touchTarget").toInt() < 60);
}
