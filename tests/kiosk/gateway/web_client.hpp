// Test helper: a browser-like HTTP client for the gateway's pages (keeps cookies, reads CSRF).
#pragma once

#include <httplib.h>
#include <map>
#include <string>

namespace kiosk::testing {

class WebClient {
public:
    explicit WebClient(int port)
        : client_("127.0.0.1", port) {}

    // httplib waits 5 s by default; the province-scale benchmark reads slower pages than that.
    void setReadTimeout(int seconds) { client_.set_read_timeout(seconds, 0); }

    httplib::Result get(const std::string& path) {
        auto result = client_.Get(path.c_str(), headers());
        keepCookies(result);
        return result;
    }
    httplib::Result post(const std::string& path, const httplib::Params& form) {
        auto result = client_.Post(path.c_str(), headers(), form);
        keepCookies(result);
        return result;
    }
    // Signs in through the real form; returns the HTTP status of the POST.
    int signIn(const std::string& name, const std::string& password) {
        auto page = get("/login");
        auto result =
            post("/login",
                 {{"csrf", field(page->body, "csrf")}, {"name", name}, {"password", password}});
        return result ? result->status : 0;
    }
    // The value of the first hidden input named `name` in a page.
    static std::string field(const std::string& html, const std::string& name) {
        std::string marker = "name=\"" + name + "\" value=\"";
        auto at = html.find(marker);
        if (at == std::string::npos) {
            return {};
        }
        at += marker.size();
        return html.substr(at, html.find('"', at) - at);
    }
    std::map<std::string, std::string> cookies;

private:
    httplib::Headers headers() const {
        std::string jar;
        for (const auto& [name, value] : cookies) {
            jar += (jar.empty() ? "" : "; ") + name + "=" + value;
        }
        return jar.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", jar}};
    }
    void keepCookies(const httplib::Result& result) {
        if (!result) {
            return;
        }
        for (const auto& [key, value] : result->headers) {
            if (key != "Set-Cookie") {
                continue;
            }
            auto equals = value.find('=');
            auto end = value.find(';');
            std::string name = value.substr(0, equals);
            std::string content = value.substr(equals + 1, end - equals - 1);
            if (content.empty()) {
                cookies.erase(name);
            } else {
                cookies[name] = content;
            }
        }
    }
    httplib::Client client_;
};

} // namespace kiosk::testing
