import QtQuick
import Hall.Windowpad

// Calling a given number: the window's letters, the digits typed, the reason. For --screenshot.
ClerkScreen {
    id: clerk
    Component.onCompleted: clerk.enterNumber("12")
}
