import QtQuick
import Hall.App
import Hall.Callstation

// The board the moment a ticket is called (the pop-up over the lists): for --screenshot. The
// call comes once the board is up, as a call does.
CallBoardScreen {
    Timer {
        interval: 10
        running: Terminal.mock
        onTriggered: Terminal.backend.callNextAt(5)
    }
}
