import QtQuick
import Hall.Windowpad

// The clerk serving the ticket the demo hall's window 1 called. For --screenshot.
ClerkScreen {
    Component.onCompleted: Pad.clerk.start()
}
