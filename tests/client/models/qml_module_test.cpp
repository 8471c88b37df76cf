// Hall.Client as QML sees it: the types register, a MockBackend feeds a model, enums resolve.
#include <QQmlComponent>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <doctest/doctest.h>
#include <memory>

Q_IMPORT_QML_PLUGIN(Hall_ClientPlugin)

TEST_CASE("Hall.Client loads in a QML engine and its models bind to a backend") {
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(&engine);
    // No `import QtQml`: it pulls QtQml.Models, which this machine's Qt does not ship; the
    // root is a Hall.Client type instead of a QtObject.
    component.setData(R"(
        import Hall.Client
        MockBackend {
            id: root
            property ServicesModel services: ServicesModel { backend: root }
            property RecentCallsModel calls: RecentCallsModel { backend: root; limit: 5 }
            property ControllerClient client: ControllerClient { host: "127.0.0.1"; port: 7443 }
            property TicketIssuer issuer: TicketIssuer { threshold: 5; blockSize: 20 }
            property int serviceCount: services.count
            property bool mockOnline: root.connectionState === Backend.Online
            property bool clientOffline: client.connectionState === Backend.Offline
        }
    )",
                      QUrl(QStringLiteral("qrc:/test.qml")));
    INFO(component.errorString().toStdString());
    std::unique_ptr<QObject> root(component.create());
    REQUIRE(root);
    CHECK(root->property("serviceCount").toInt() > 0);
    CHECK(root->property("mockOnline").toBool());
    CHECK(root->property("clientOffline").toBool());
}
