import QtQuick
import QtQuick.Layouts
import Hall.Ui

// One of the clerk's secondary actions: one touch, the same size as its neighbours.
TouchButton {
    Layout.fillWidth: true
    kind: "secondary"
}
