import QtQuick
import Hall.Windowpad

// The document camera live on its test pattern with one page captured (the pattern has no
// sheet in it: the page is the whole picture, and the panel says so). For --screenshot: the
// camera is settled before the picture is taken, and being the app's, it stays open from one
// language and mode to the next.
DocumentCameraPanel {
    Component.onCompleted: {
        if (camera.state !== DocumentCamera.Live) camera.open("test-pattern")
        camera.settle(5000)
        if (camera.pageCount === 0) camera.capture()
        camera.settle(5000)
    }
}
