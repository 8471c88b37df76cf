import QtQuick
import Hall.Windowpad

// The thank-you after a rating. For --screenshot (no press guard here).
CitizenScreen {
    Component.onCompleted: {
        Pad.evaluation.guardMs = 0
        Pad.evaluation.beginRating(1, "A012")
        Pad.evaluation.choose(5)
        Pad.evaluation.guardMs = 1000
    }
}
