import QtQuick
import QtMultimedia

// A playlist video for SignageView: fitted, looped, and silent by construction — the player has
// no audio output at all, because the hall's voice calls numbers and a clip never speaks over
// them. Loaded only while a video plays, so Qt Multimedia stays out of a screen that shows none.
//   source  the video's file
Item {
    id: video

    property url source

    VideoOutput {
        id: output
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
    }
    MediaPlayer {
        id: player
        objectName: "signageVideo"
        source: video.source
        videoOutput: output
        loops: MediaPlayer.Infinite
        onSourceChanged: function() { if (player.source.toString().length > 0) player.play() }
        // Stopped and let go before it goes: a player torn down while it plays can take the
        // process with it (GStreamer, Qt 6.4).
        Component.onDestruction: { stop(); source = "" }
    }
}
