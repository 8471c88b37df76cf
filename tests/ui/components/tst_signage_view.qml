import QtQuick
import QtTest
import QtMultimedia
import Hall.Ui

// SignageView plays a video item: decoded and running (its position moves), with no audio
// output at all; another kind ends the player. `testClip` is a short VP8/WebM clip made at build
// time.
Item {
    id: root
    width: 640
    height: 360

    Component { id: viewComponent; SignageView { anchors.fill: parent } }

    TestCase {
        name: "SignageView"
        when: windowShown

        function test_video_plays_silent_and_ends_for_another_kind() {
            var view = createTemporaryObject(viewComponent, root, {kind: "video", source: testClip})
            var video = null
            tryVerify(function() { video = findChild(view, "signageVideo"); return video !== null })
            verify(video.audioOutput === null)
            tryVerify(function() { return video.position > 300 }, 10000, "the clip runs")
            compare(video.playbackState, MediaPlayer.PlayingState)
            view.kind = "text"
            tryVerify(function() { return findChild(view, "signageVideo") === null })
            view.kind = "video"
            tryVerify(function() {
                video = findChild(view, "signageVideo")
                return video !== null && video.playbackState === MediaPlayer.PlayingState
            }, 10000)
            view.kind = ""
            verify(!view.visible)
            tryVerify(function() { return findChild(view, "signageVideo") === null })
        }
    }
}
