import QtQuick
import Hall.Windowpad

// The clerk asked the citizen at window 1 to confirm the visit; a signature half written. For
// --screenshot.
CitizenScreen {
    Component.onCompleted: {
        Pad.evaluation.forget() // the shot before left its thank-you up
        Pad.askToSign()
        const ink = Pad.confirmation.strokes
        ink.begin(120, 160)
        for (let i = 1; i <= 40; ++i)
            ink.extend(120 + i * 9, 160 + 50 * Math.sin(i / 3))
        ink.end()
        ink.begin(300, 120)
        ink.extend(340, 230)
        ink.extend(380, 140)
        ink.end()
    }
}
