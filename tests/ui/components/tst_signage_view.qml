import QtQuick
import QtTest
import QtMultimedia
import Hall.Ui

// SignageView plays a video item: decoded and running (its position moves), muted, fitted in
// the area; another kind stops it. `testClip` is a short VP8/WebM clip made at build time.
Item {
    id: root
    width: 640
    height: 360

    Component { id: viewComponent; SignageView { anchors.fill: parent } }

    TestCase {
        name: "SignageView"
        when: windowShown

        function test_video_plays_muted_and_stops_for_another_kind() {
            var view = createTemporaryObject(viewComponent, root, {kind: "video", source: testClip})
            var video = findChild(view, "signageVideo")
            verify(video !== null)
            verify(video.visible)
            verify(video.muted)
            tryVerify(function() { return video.position > 300 }, 10000, "the clip runs")
            compare(video.playbackState, MediaPlayer.PlayingState)
            view.kind = "image"
            tryCompare(video, "playbackState", MediaPlayer.StoppedState)
            verify(!video.visible)
            view.kind = "video"
            tryCompare(video, "playbackState", MediaPlayer.PlayingState)
            view.kind = ""
            verify(!view.visible)
            tryCompare(video, "playbackState", MediaPlayer.StoppedState)
        }
    }
}
