import QtQuick
import Hall.Ui

// The hall's time, HH:mm, updated every few seconds (the terminal's clock follows the hall's
// NTP; the minute is what a citizen compares with opening hours).
BodyText {
    id: clock

    property date now: new Date()
    property color ink: Theme.text

    color: ink
    font.pointSize: Theme.headingPointSize
    font.bold: true
    text: Qt.formatTime(now, "HH:mm")

    Timer {
        interval: 5000
        running: true
        repeat: true
        onTriggered: clock.now = new Date()
    }
}
