import QtQuick
import Hall.Ui
import Hall.Windowpad

// Signing in: the hall's staff to tap, then the PIN. For --screenshot.
Rectangle {
    color: Theme.background
    ClerkSignIn {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        desk: Pad.clerk
    }
}
