#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need. Idempotent: when everything is
# present it only asks dpkg (well under a second) and touches nothing.
set -euo pipefail

packages=(
  # build
  g++ cmake ninja-build ccache pkg-config
  # libraries
  libsqlite3-dev libssl-dev libtomlplusplus-dev libhowardhinnant-date-dev libcli11-dev nlohmann-json3-dev
  libboost-dev libsystemd-dev
  # device drivers: USB readers, PC/SC smart cards; the Qt bridge the apps use
  libusb-1.0-0-dev libpcsclite-dev qt6-base-dev
  # the call announcer: espeak-ng speaks the default voice packs at build time, ALSA plays
  libespeak-ng-dev espeak-ng-data libasound2-dev
  # document printers: libcups to build; cupsd, its filters (gziptoany) and the lp tools for the
  # tests' private cupsd and for technicians
  libcups2-dev cups cups-client cups-bsd
  # ticket printer twin: PNG rendering of printed tickets (libpng) with their QR codes drawn by
  # libqrencode; zbarimg reads the QR back from the PNG in the tests
  libpng-dev libqrencode-dev zbar-tools
  # the terminal apps: Qt Quick with its controls, the controller link (WebSockets over TLS),
  # translations (lupdate/lrelease), the pinyin engine of the on-screen keyboard, argon2id for the
  # technician PIN (libsodium), and the CJK font every screen uses
  qt6-declarative-dev qt6-declarative-dev-tools qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-qpa-plugins
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript qml6-module-qtqml-models
  qml6-module-qttest qml6-module-qtqml
  libgooglepinyin0-dev libsodium-dev fonts-noto-cjk
  # signage videos: Qt Multimedia's QML types on GStreamer (demuxers and VP8/VP9 in base/good,
  # H.264 through libav); gst-launch-1.0 makes the tests' clips
  qml6-module-qtmultimedia gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  gstreamer1.0-tools
  # the document camera (高拍仪): frames through GStreamer's appsink (the plugins above), page
  # crop and deskew with OpenCV's core, imgproc and imgcodecs modules (not all of libopencv-dev),
  # the pages' PDF with libharu; poppler's pdfinfo and pdfimages read the PDF back in the tests
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libhpdf-dev poppler-utils
  # tests
  doctest-dev
  # tests: a real pcscd with the vsmartcard virtual reader, emulated USB devices, libFuzzer
  pcscd vsmartcard-vpcd umockdev libumockdev-dev clang libclang-rt-14-dev
  # run time: the hall's time zone rules
  tzdata
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "bootstrap: missing packages: ${missing[*]}" >&2
  echo "bootstrap: run as root (or install them) and try again" >&2
  exit 1
fi
echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=900 update -qq
apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
