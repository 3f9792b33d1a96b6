// Sign-in, sign-out, the language switch and the stylesheet; the helpers every page uses.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/programs/gateway/web_context.hpp"

#include <httplib.h>

namespace kiosk {
namespace {

constexpr const char* kSessionCookie = "kg_session";
constexpr const char* kLoginCookie = "kg_login"; // pre-session CSRF token of the sign-in form
constexpr const char* kLangCookie = "kg_lang";

std::string cookie(const httplib::Request& request, const std::string& name) {
    std::string header = request.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        std::size_t end = header.find(';', at);
        if (end == std::string::npos) {
            end = header.size();
        }
        std::string part = header.substr(at, end - at);
        std::size_t start = part.find_first_not_of(' ');
        if (start != std::string::npos) {
            part = part.substr(start);
        }
        if (part.rfind(name + "=", 0) == 0) {
            return part.substr(name.size() + 1);
        }
        at = end + 1;
    }
    return {};
}

std::string cookieHeader(const WebContext& context, const std::string& name,
                         const std::string& value, std::int64_t maxAge) {
    std::string header = name + "=" + value +
                         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(maxAge);
    if (context.secureCookies) {
        header += "; Secure";
    }
    return header;
}

// Only our own paths: an open redirect would let a link elsewhere borrow our sign-in page.
std::string safeBack(const std::string& back) {
    if (back.empty() || back[0] != '/' ||
        (back.size() > 1 && (back[1] == '/' || back[1] == '\\'))) {
        return "/dashboard/kiosks";
    }
    return back;
}

std::string loginPage(Lang lang, const std::string& csrf, const std::string& message,
                      const std::string& back) {
    std::string body = "<div class=\"card\"><h1>";
    body += Words{"Đăng nhập", "Sign in"}.in(lang);
    body += "</h1>";
    if (!message.empty()) {
        body += "<p class=\"error\">" + escapeHtml(message) + "</p>";
    }
    body += "<form method=\"post\" action=\"/login?back=" + escapeHtml(escapeUrl(back)) +
            "\"><input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\"><label>";
    body += Words{"Tên đăng nhập", "User name"}.in(lang);
    body +=
        "<br><input name=\"name\" id=\"name\" autocomplete=\"username\" required></label><label>";
    body += Words{"Mật khẩu", "Password"}.in(lang);
    body += "<br><input name=\"password\" id=\"password\" type=\"password\" "
            "autocomplete=\"current-password\" required></label><p><button id=\"signin\">";
    body += Words{"Đăng nhập", "Sign in"}.in(lang);
    body += "</button></p></form></div>";
    PageShell shell;
    shell.lang = lang;
    shell.title = std::string(Words{"Đăng nhập", "Sign in"}.in(lang));
    shell.current = "/login";
    return renderPage(shell, body);
}

void securityHeaders(httplib::Response& response) {
    // No scripts anywhere; styles only from our own stylesheet; nothing may frame the pages.
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
}

} // namespace

Lang requestLang(const httplib::Request& request) {
    return cookie(request, kLangCookie) == "en" ? Lang::En : Lang::Vi;
}

std::string formValue(const httplib::Request& request, const std::string& name) {
    if (request.has_param(name.c_str())) {
        return request.get_param_value(name.c_str());
    }
    httplib::Params form;
    httplib::detail::parse_query_text(request.body, form);
    auto found = form.find(name);
    return found == form.end() ? std::string() : found->second;
}

void sendPage(httplib::Response& response, int status, std::string html) {
    response.status = status;
    securityHeaders(response);
    response.set_header("Cache-Control", "no-store");
    response.set_content(std::move(html), "text/html; charset=utf-8");
}

std::string csrfField(const WebSession& session) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + escapeHtml(session.csrfToken) + "\">";
}

PageShell shellFor(const httplib::Request& request, const WebSession& session, std::string title) {
    PageShell shell;
    shell.lang = requestLang(request);
    shell.title = std::move(title);
    shell.userName = session.account.name;
    shell.showInbox = session.account.role != Role::Viewer;
    shell.current = request.path;
    shell.csrf = session.csrfToken;
    return shell;
}

std::optional<WebSession> requireRole(WebContext& context, const httplib::Request& request,
                                      httplib::Response& response, Role minimum) {
    auto session = context.accounts.session(cookie(request, kSessionCookie), context.now());
    if (!session || !session->has_value()) {
        response.status = 303;
        response.set_header("Location", "/login?back=" + escapeUrl(request.path));
        return std::nullopt;
    }
    if (static_cast<int>((*session)->account.role) < static_cast<int>(minimum)) {
        Lang lang = requestLang(request);
        sendPage(response, 403,
                 renderPage(shellFor(request, **session, "403"),
                            std::string("<h1>403</h1><p class=\"error\">") +
                                std::string(Words{"Tài khoản này không được mở trang này.",
                                                  "This account may not open this page."}
                                                .in(lang)) +
                                "</p>"));
        return std::nullopt;
    }
    return *session;
}

bool checkCsrf(const WebSession& session, const httplib::Request& request,
               httplib::Response& response) {
    if (equalSecrets(formValue(request, "csrf"), session.csrfToken)) {
        return true;
    }
    Lang lang = requestLang(request);
    // Every form posts to its page's path plus one segment (…/status, …/population): back is
    // the page the form came from.
    std::string back = request.path.substr(0, request.path.rfind('/'));
    sendPage(response, 403,
             renderPage(shellFor(request, session, "403"),
                        "<h1>403</h1><p class=\"error\" id=\"error\">" +
                            std::string(Words{"Biểu mẫu không hợp lệ (CSRF): nó không được gửi từ "
                                              "trang của cổng, nên không có gì bị thay đổi.",
                                              "The form is not valid (CSRF): it was not sent "
                                              "from the gateway's own page, so nothing was "
                                              "changed."}
                                            .in(lang)) +
                            "</p><p><a href=\"" + escapeHtml(back.empty() ? "/" : back) + "\">" +
                            std::string(Words{"Quay lại", "Back"}.in(lang)) + "</a></p>"));
    return false;
}

void registerWebRoutes(httplib::Server& server, WebContext& context) {
    server.Get("/static/gateway.css", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("Cache-Control", "max-age=3600");
        response.set_content(std::string(gatewayStylesheet()), "text/css; charset=utf-8");
    });
    server.Get("/", [](const httplib::Request&, httplib::Response& response) {
        response.status = 303;
        response.set_header("Location", "/dashboard/kiosks");
    });
    server.Get("/lang", [&context](const httplib::Request& request, httplib::Response& response) {
        std::string to = request.get_param_value("to") == "en" ? "en" : "vi";
        response.set_header("Set-Cookie", cookieHeader(context, kLangCookie, to, 365 * 86400));
        response.status = 303;
        response.set_header("Location", safeBack(request.get_param_value("back")));
    });
    server.Get("/login", [&context](const httplib::Request& request, httplib::Response& response) {
        std::string csrf = sha256Hex(randomBytes(32));
        response.set_header("Set-Cookie", cookieHeader(context, kLoginCookie, csrf, 3600));
        sendPage(response, 200,
                 loginPage(requestLang(request), csrf, "", request.get_param_value("back")));
    });
    server.Post("/login", [&context](const httplib::Request& request, httplib::Response& response) {
        Lang lang = requestLang(request);
        std::string back = request.get_param_value("back");
        std::string expected = cookie(request, kLoginCookie);
        if (expected.empty() || !equalSecrets(formValue(request, "csrf"), expected)) {
            sendPage(response, 403,
                     loginPage(lang, expected,
                               std::string(Words{"Biểu mẫu không hợp lệ, xin tải lại trang.",
                                                 "The form is not valid; please reload the page."}
                                               .in(lang)),
                               back));
            return;
        }
        auto result = context.accounts.signIn(formValue(request, "name"),
                                              formValue(request, "password"), context.now());
        if (!result) {
            sendPage(response, 503, loginPage(lang, expected, result.error().message, back));
            return;
        }
        if (result->outcome == SignIn::LockedOut) {
            std::string until = formatClock(vietnamTimeFromUnix(result->lockedUntil));
            sendPage(response, 429,
                     loginPage(lang, expected,
                               std::string(Words{"Sai mật khẩu quá nhiều lần: tài khoản tạm khóa "
                                                 "đến ",
                                                 "Too many wrong passwords: the account is locked "
                                                 "until "}
                                               .in(lang)) +
                                   until,
                               back));
            return;
        }
        if (result->outcome == SignIn::Refused) {
            sendPage(response, 401,
                     loginPage(lang, expected,
                               std::string(Words{"Sai tên đăng nhập hoặc mật khẩu.",
                                                 "Wrong user name or password."}
                                               .in(lang)),
                               back));
            return;
        }
        response.set_header("Set-Cookie",
                            cookieHeader(context, kSessionCookie, result->token, 8 * 3600));
        response.status = 303;
        response.set_header("Location", safeBack(request.get_param_value("back")));
    });
    server.Post(
        "/logout", [&context](const httplib::Request& request, httplib::Response& response) {
            auto session = context.accounts.session(cookie(request, kSessionCookie), context.now());
            if (session && session->has_value() && !checkCsrf(**session, request, response)) {
                return;
            }
            context.accounts.signOut(cookie(request, kSessionCookie));
            response.set_header("Set-Cookie", cookieHeader(context, kSessionCookie, "", 0));
            response.status = 303;
            response.set_header("Location", "/login");
        });
}

} // namespace kiosk
