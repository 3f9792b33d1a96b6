// Server-rendered HTML for the gateway's web pages: escaping, the two languages, the page shell.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

enum class Lang { Vi, En };

// Vietnamese first: every text on a page exists in both, and `Lang` picks one.
struct Words {
    std::string_view vi;
    std::string_view en;
    std::string_view in(Lang lang) const { return lang == Lang::Vi ? vi : en; }
};

std::string escapeHtml(std::string_view text);
std::string escapeUrl(std::string_view text);

struct PageShell {
    Lang lang = Lang::Vi;
    std::string title;
    std::string userName;   // empty = not signed in (no navigation)
    bool showInbox = false; // officers and admins
    std::string current;    // path of the current page, for the language switch and the nav
    std::string csrf;       // the session's token, for the sign-out form
    int refreshSeconds = 0; // > 0: the page reloads itself (no script needed)
};

// A whole page: doctype, the stylesheet link, the header and navigation, then `body`.
std::string renderPage(const PageShell& shell, const std::string& body);

// The stylesheet served at /static/gateway.css (no inline styles: the CSP forbids them).
std::string_view gatewayStylesheet();

} // namespace kiosk
