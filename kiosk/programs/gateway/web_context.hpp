// What the gateway's web pages share: the stores, the key, the procedures, and request helpers.
#pragma once

#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/programs/gateway/account_store.hpp"
#include "kiosk/programs/gateway/inbox_store.hpp"
#include "kiosk/programs/gateway/web_page.hpp"

#include <functional>
#include <optional>
#include <string>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace kiosk {

class FleetStore;
struct LessonCatalog;

struct WebContext {
    GatewayStore& store;
    AccountStore& accounts;
    InboxStore& inbox;
    FleetStore* fleet = nullptr;
    X25519Key privateKey{};
    const ProcedureCatalog* procedures = nullptr; // lays the answers out like the form
    bool secureCookies = false;                   // served over TLS
    std::function<std::int64_t()> now;
    std::int64_t silentAfterSeconds = 900;  // a kiosk this long without a heartbeat is silent
    const LessonCatalog* lessons = nullptr; // lesson titles on the usage page
};

// The signed-in person of a request, after the role check; writes the answer (redirect to the
// sign-in page, or 403) and returns nothing when the request may not go on.
std::optional<WebSession> requireRole(WebContext& context, const httplib::Request& request,
                                      httplib::Response& response, Role minimum);
// For POSTs: the form's csrf field must equal the session's token, else 403.
bool checkCsrf(const WebSession& session, const httplib::Request& request,
               httplib::Response& response);
Lang requestLang(const httplib::Request& request);
std::string formValue(const httplib::Request& request, const std::string& name);
PageShell shellFor(const httplib::Request& request, const WebSession& session, std::string title);
void sendPage(httplib::Response& response, int status, std::string html);
std::string csrfField(const WebSession& session);

// The routes: sign-in and out, the language switch, the stylesheet, then each page family.
void registerWebRoutes(httplib::Server& server, WebContext& context);
void registerInboxRoutes(httplib::Server& server, WebContext& context);
void registerDashboardRoutes(httplib::Server& server, WebContext& context);

} // namespace kiosk
