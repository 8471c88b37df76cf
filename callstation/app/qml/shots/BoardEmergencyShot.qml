import QtQuick
import Hall.App
import Hall.Callstation

// A board when the hall sets an emergency message (for --screenshot): it covers everything,
// a call held at the same moment included.
CallBoardScreen {
    // The mock hall outlives the shot: the next screens must not inherit the message.
    Component.onDestruction: if (Terminal.mock) Terminal.backend.setEmergency("")
    Timer {
        interval: 10
        running: Terminal.mock
        onTriggered: {
            Terminal.backend.callNextAt(5)
            Terminal.backend.setEmergency("因消防演练，请所有人员沿疏散指示有序离开大厅。",
                                          "Fire drill: please leave the hall calmly, following the exit signs.")
        }
    }
}
