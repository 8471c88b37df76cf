#pragma once

#include <QObject>
#include <QPointer>

class QQmlEngine;

namespace hall::ui {

// Sets the Hall.Ui Theme singleton's elder mode from C++ (self-test variants, screenshots,
// --elder), through a tiny QML object living in the same engine as the screens.
class ThemeControl {
public:
    // Fails (isValid() false, the QML error printed) if Hall.Ui cannot be imported.
    explicit ThemeControl(QQmlEngine& engine);
    ~ThemeControl();
    ThemeControl(const ThemeControl&) = delete;
    ThemeControl& operator=(const ThemeControl&) = delete;

    bool isValid() const { return !probe_.isNull(); }
    void setElderMode(bool on);

private:
    QPointer<QObject> probe_;
};

} // namespace hall::ui
