import QtQuick
import Hall.Windowpad

// 不满意 pressed: the hall's reasons, one chosen. For --screenshot (no press guard here).
CitizenScreen {
    Component.onCompleted: {
        Pad.evaluation.guardMs = 0
        Pad.evaluation.beginRating(1, "A012")
        Pad.evaluation.choose(2)
        Pad.evaluation.toggleReason(Pad.evaluation.reasons[0])
        Pad.evaluation.guardMs = 1000
    }
}
