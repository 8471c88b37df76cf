import QtQuick
import Hall.Ui
import Hall.App

// The hall's time, HH:mm (Terminal.clock: the box's clock, which follows the hall's NTP; the
// minute is what a citizen compares with opening hours).
BodyText {
    property color ink: Theme.text

    color: ink
    font.pointSize: Theme.headingPointSize
    font.bold: true
    text: Qt.formatTime(Terminal.clock.now, "HH:mm")
}
