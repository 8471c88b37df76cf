import QtQuick
import Hall.Windowpad

// The five levels after the visit of A012 ended. For --screenshot.
CitizenScreen {
    Component.onCompleted: Pad.evaluation.beginRating(1, "A012")
}
