import QtQuick
import Hall.App
import Hall.Callstation

// One window's LED strip, drawn one pixel per LED for an LED screen a video box feeds (192×32
// or 256×64): the words and colour the controller sends to the strips on the hall bus
// (WindowStrip), without anti-aliasing (an LED is on or off), centred when they fit and
// scrolling left as strips do when they do not; a fresh call blinks (a whole on+off cycle is
// 500 ms, as on the bus). The red look is for single-colour strips: every text in red.
Rectangle {
    id: box

    property int window: Station.window
    property string look: Station.ledLook

    color: "black"
    clip: true

    WindowStrip {
        id: strip
        backend: Terminal.backend
        window: box.window
    }

    readonly property var ledColours: ({ "red": "#ff0000", "green": "#00ff00", "yellow": "#ffff00" })

    Text {
        id: label

        readonly property bool fits: implicitWidth <= box.width
        property real offset: 0 // how far the text has moved left, while it scrolls

        text: strip.text
        color: box.look === "red" ? box.ledColours.red : (box.ledColours[strip.colour] || box.ledColours.red)
        // The strip's height in LEDs, less a row above and below: CJK glyphs need the height.
        font.pixelSize: Math.round(box.height * 0.875)
        font.hintingPreference: Font.PreferFullHinting
        renderType: Text.NativeRendering
        antialiasing: false
        anchors.verticalCenter: parent.verticalCenter
        x: fits ? Math.round((box.width - implicitWidth) / 2) : Math.round(-offset)
        opacity: strip.blink && !blinkPhase.lit ? 0 : 1

        // Too long for the strip: its start is shown for a moment, then it moves out to the
        // left and comes back in from the right, about 32 LEDs a second, as strips scroll.
        SequentialAnimation {
            id: scrolling
            running: !label.fits
            loops: Animation.Infinite
            PropertyAction { target: label; property: "offset"; value: 0 }
            PauseAnimation { duration: 1500 }
            NumberAnimation {
                target: label; property: "offset"
                from: 0; to: label.implicitWidth
                duration: label.implicitWidth * 1000 / 32
            }
            NumberAnimation {
                target: label; property: "offset"
                from: -box.width; to: 0
                duration: box.width * 1000 / 32
            }
        }
        onTextChanged: if (!fits) scrolling.restart()
    }

    Timer {
        id: blinkPhase
        property bool lit: true
        interval: 250
        repeat: true
        running: strip.blink
        onRunningChanged: lit = true
        onTriggered: lit = !lit
    }
}
