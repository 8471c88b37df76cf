import QtQuick
import Hall.Windowpad

// The citizen's face while the window serves: who serves, the number. For --screenshot.
CitizenScreen {
    Component.onCompleted: {
        Pad.evaluation.forget() // what the shots before left up
        if (Pad.confirmation.stage !== ConfirmationDesk.Idle) Pad.confirmation.cancel()
    }
}
