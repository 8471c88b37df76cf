// The clerk's screen beyond call-serve-finish, on the mock backend (a real engine on the demo
// hall, the pad standing in for window 1's): a parked citizen listed and called back, a number
// called as typed, and the citizen face's view of the clerk — photo from the content store,
// the rating citizens gave them.
#include "shared/client/mock_backend.h"
#include "shared/client/staff_photos.h"
#include "tests/support/qt_event_wait.h"
#include "tests/windowpad/pad_rig.h"
#include "windowpad/clerk_desk.h"
#include "windowpad/evaluation_desk.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <doctest/doctest.h>

using hall::testing::waitUntil;
using hall::windowpad::ClerkDesk;
using hall::windowpad::EvaluationDesk;
using namespace std::chrono_literals;

namespace {

struct Clerk {
    hall::client::MockBackend backend;
    ClerkDesk desk;
    Clerk() {
        backend.setDevice(hall::testing::kWindowOnePad);
        desk.setBackend(&backend);
        desk.signIn(QStringLiteral("BJ1001"), QString::fromLatin1(hall::client::kDemoStaffPin));
        settle();
        REQUIRE(desk.signedIn());
    }
    void settle() {
        REQUIRE(waitUntil([&] { return !desk.busy(); }, 2s));
    }
    QString number() const { return desk.ticket().value(QStringLiteral("number")).toString(); }
    // The call lock of the last call let go, as 3 s would.
    void afterCallLock() {
        REQUIRE(waitUntil([&] { return !desk.callLocked(); }, 5s));
    }
};

} // namespace

TEST_CASE("a parked citizen is listed with their time and called back from the list") {
    Clerk clerk;
    hall::testing::citizenTakesNumber(clerk.backend);
    hall::testing::citizenTakesNumber(clerk.backend);
    clerk.desk.callNext();
    clerk.settle();
    const QString parked = clerk.number();
    clerk.desk.park(15);
    clerk.settle();
    CHECK_FALSE(clerk.desk.hasTicket());
    REQUIRE(clerk.desk.held().size() == 1);
    const auto row = clerk.desk.held().first().toMap();
    CHECK(row.value(QStringLiteral("number")).toString() == parked);
    CHECK(row.value(QStringLiteral("parkedUntil")).toDateTime().isValid());

    // Called back before its time, by its number from the list: no reason asked.
    clerk.afterCallLock();
    clerk.desk.callNumber(parked, {});
    clerk.settle();
    REQUIRE(clerk.desk.hasTicket());
    CHECK(clerk.number() == parked);
    CHECK(clerk.desk.held().isEmpty());
}

TEST_CASE("a number typed as digits calls the window's ticket; the letters are the window's") {
    Clerk clerk;
    CHECK(clerk.desk.numberPrefixes().size() == 2); // window 1 serves two services
    hall::testing::citizenTakesNumber(clerk.backend);
    const auto prefix = clerk.desk.numberPrefixes().first();
    clerk.desk.callNumber(QStringLiteral("999"), {});
    clerk.settle();
    CHECK_FALSE(clerk.desk.hasTicket());
    CHECK_FALSE(clerk.desk.message().isEmpty());
    // The first ticket of the day: "1", as a caller keypad types it.
    clerk.desk.callNumber(QStringLiteral("1"), {});
    clerk.settle();
    REQUIRE(clerk.desk.hasTicket());
    CHECK(clerk.number().startsWith(prefix));
}

TEST_CASE("the citizen face shows the clerk's photo from the content store and their rating") {
    Clerk clerk;
    CHECK(clerk.desk.staffRating().isEmpty()); // nobody rated them yet
    CHECK(clerk.desk.staffPhoto().isEmpty());

    // The hall manager uploads the photo the configuration names for 王丽娟 (s01.jpg).
    const QByteArray jpeg = QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(200, 'p');
    clerk.backend.addContent(QStringLiteral("s01.jpg"), QStringLiteral("image/jpeg"), jpeg);
    QTemporaryDir dir;
    hall::client::StaffPhotos photos(&clerk.backend, dir.path().toStdString());
    clerk.desk.setStaffPhotos(&photos);
    REQUIRE(waitUntil([&] { return !clerk.desk.staffPhoto().isEmpty(); }, 2s));
    QFile file(clerk.desk.staffPhoto().toLocalFile());
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == jpeg);

    // Two visits rated 5 and 4: 4.5 over two.
    EvaluationDesk evaluation;
    evaluation.setBackend(&clerk.backend);
    evaluation.setProperty("guardMs", 0);
    for (int level : {5, 4}) {
        hall::testing::citizenTakesNumber(clerk.backend);
        clerk.afterCallLock();
        clerk.desk.callNext();
        clerk.settle();
        clerk.desk.finish();
        clerk.settle();
        REQUIRE(waitUntil([&] { return evaluation.stage() == EvaluationDesk::Stage::Rating; }, 2s));
        REQUIRE(evaluation.choose(level));
        REQUIRE(waitUntil([&] { return evaluation.stage() == EvaluationDesk::Stage::Thanks; }, 2s));
        evaluation.forget();
    }
    REQUIRE(waitUntil([&] { return clerk.desk.staffRating().value(QStringLiteral("visits")) == 2; },
                      3s));
    CHECK(clerk.desk.staffRating().value(QStringLiteral("average")).toDouble() ==
          doctest::Approx(4.5));
    // Signed out: nobody's photo or rating on the citizen face, and the screen is told so.
    QSignalSpy photoChanged(&clerk.desk, &ClerkDesk::photoChanged);
    clerk.desk.signOut();
    REQUIRE(waitUntil([&] { return !clerk.desk.signedIn(); }, 3s));
    CHECK(clerk.desk.staffPhoto().isEmpty());
    CHECK(photoChanged.count() >= 1);
    CHECK(clerk.desk.staffRating().isEmpty());
}
