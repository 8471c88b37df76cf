import QtQuick
import Hall.Ui

// Text on the call board: light on dark, sized for reading across the hall (`scale` × the
// theme's heading size).
Text {
    property real scale: 1

    font.family: Theme.fontFamily
    font.pointSize: Theme.headingPointSize * scale
    color: Theme.boardText
    elide: Text.ElideRight
    textFormat: Text.PlainText
    verticalAlignment: Text.AlignVCenter
}
