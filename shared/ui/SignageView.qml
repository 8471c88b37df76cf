import QtQuick

// One item of the hall's playlist (Terminal.signage in the apps): an image, fitted and never
// cropped, a video, fitted, silent (the hall's voice calls numbers: a clip never speaks over
// them) and looped for as long as its playlist entry lasts, or a text slide, as large as the
// area allows. Nothing when nothing plays (kind "").
//   kind    "image", "video", "text" or ""
//   source  the image's or the video's file
//   text    the slide's words
// The colours are the screen's: a board's dark panel, the ticket machine's white card.
Rectangle {
    id: view

    property string kind
    property url source
    property string text
    property color ink: Theme.text

    visible: kind.length > 0 // a screen may ask for more (room to read it)
    color: Theme.surface
    radius: Theme.radius
    clip: true

    Image {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        visible: view.kind === "image"
        source: view.kind === "image" ? view.source : ""
        fillMode: Image.PreserveAspectFit
        cache: false // the file of an id never changes, but a removed one must not linger
    }
    // Made only while a video plays, and from a file of its own: a media player that exists for
    // nothing would start the multimedia back end, and a screen without video never even loads
    // Qt Multimedia (a second off every terminal's start-up).
    Loader {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        active: view.kind === "video" && view.visible
        source: "SignageVideo.qml"
        onLoaded: item.source = Qt.binding(() => view.source)
    }
    Text {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        visible: view.kind === "text"
        text: view.text
        color: view.ink
        font.family: Theme.fontFamily
        font.pointSize: Theme.headingPointSize * 1.4
        fontSizeMode: Text.Fit
        minimumPointSize: Theme.bodyPointSize
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        lineHeight: Theme.lineHeight
    }
}
