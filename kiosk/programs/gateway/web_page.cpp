// The page shell and stylesheet: plain HTML and CSS, no scripts at all.
#include "kiosk/programs/gateway/web_page.hpp"

namespace kiosk {

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string escapeUrl(std::string_view text) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kDigits[c >> 4];
            out += kDigits[c & 15];
        }
    }
    return out;
}

std::string renderPage(const PageShell& shell, const std::string& body) {
    Lang lang = shell.lang;
    auto link = [&](std::string_view path, Words words) {
        bool here = shell.current.rfind(path, 0) == 0;
        return std::string("<a href=\"") + std::string(path) + "\"" +
               (here ? " class=\"here\"" : "") + ">" + std::string(words.in(lang)) + "</a>";
    };
    std::string html = "<!doctype html>\n<html lang=\"";
    html += lang == Lang::Vi ? "vi" : "en";
    html += "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
            "content=\"width=device-width, initial-scale=1\"><title>";
    html += escapeHtml(shell.title);
    html += "</title>";
    if (shell.refreshSeconds > 0) {
        html += "<meta http-equiv=\"refresh\" content=\"" + std::to_string(shell.refreshSeconds) +
                "\">";
    }
    html += "<link rel=\"stylesheet\" href=\"/static/gateway.css\"></head><body>"
            "<header><span class=\"brand\">";
    html += Words{"Cổng kiosk xã", "Commune kiosk gateway"}.in(lang);
    html += "</span>";
    if (!shell.userName.empty()) {
        html += "<nav>";
        html += link("/dashboard/kiosks", {"Kiosk", "Kiosks"});
        html += link("/dashboard/usage", {"Sử dụng", "Usage"});
        html += link("/dashboard/skills", {"Kỹ năng số", "Digital skills"});
        if (shell.showInbox) {
            html += link("/inbox", {"Hồ sơ (một cửa)", "Inbox (one-stop)"});
        }
        html += "</nav><form method=\"post\" action=\"/logout\" class=\"who\">"
                "<input type=\"hidden\" name=\"csrf\" value=\"" +
                escapeHtml(shell.csrf) + "\"><span>";
        html += escapeHtml(shell.userName);
        html += "</span> <button>";
        html += Words{"Đăng xuất", "Sign out"}.in(lang);
        html += "</button></form>";
    }
    // The language switch keeps the page: ?lang= sets a cookie and comes back here.
    html += "<a class=\"lang\" href=\"/lang?to=";
    html += lang == Lang::Vi ? "en" : "vi";
    html += "&amp;back=" + escapeHtml(escapeUrl(shell.current)) + "\">";
    html += lang == Lang::Vi ? "English" : "Tiếng Việt";
    html += "</a></header><main>";
    html += body;
    html += "</main></body></html>\n";
    return html;
}

std::string_view gatewayStylesheet() {
    return R"css(
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 0; color: #1a1a1a;
       background: #f6f6f3; font-size: 16px; }
header { display: flex; gap: 1.5em; align-items: center; background: #8b1a1a; color: #fff;
         padding: .6em 1.2em; flex-wrap: wrap; }
header a { color: #fff; text-decoration: none; }
header .brand { font-weight: bold; font-size: 1.15em; }
header nav { display: flex; gap: 1em; }
header nav a.here { border-bottom: 3px solid #ffd54f; }
header .who { margin-left: auto; }
header .lang { border: 1px solid #fff; padding: .1em .5em; border-radius: 4px; }
main { padding: 1em 1.5em; max-width: 1200px; }
h1 { font-size: 1.5em; margin: .3em 0 .6em; }
h2 { font-size: 1.2em; margin: 1.2em 0 .4em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
th { background: #eee; }
tr.problem td { color: #b00000; font-weight: bold; background: #fff0f0; }
tr.warn td { color: #8a5a00; }
td.num, th.num { text-align: right; }
nav.periods { display: flex; gap: 1em; flex-wrap: wrap; margin: .3em 0 1em; }
nav.periods a.here { font-weight: bold; text-decoration: none; color: #1a1a1a; }
.charts { display: flex; flex-direction: column; gap: .5em; }
a.download { display: inline-block; background: #2e6da4; color: #fff; padding: .3em .8em;
             border-radius: 4px; text-decoration: none; }
form.inline { display: flex; gap: .5em; align-items: center; margin: 0; }
form.inline input[type=number] { width: 7em; }
.alerts { background: #fff0f0; border: 2px solid #b00000; padding: .5em 1em; margin-bottom: 1em; }
.alerts h2 { margin-top: .2em; }
.alerts li { color: #b00000; font-weight: bold; }
#kiosks td:nth-child(2) { white-space: nowrap; }
.ok { color: #1b6e20; }
.bad { color: #b00000; font-weight: bold; }
.note { color: #555; font-size: .9em; }
form.filters { display: flex; gap: .8em; flex-wrap: wrap; align-items: end; margin-bottom: 1em; }
label { display: block; font-size: .9em; color: #333; }
input, select, textarea, button { font: inherit; padding: .3em .5em; }
button { background: #8b1a1a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.card { background: #fff; padding: 1em 1.5em; border: 1px solid #ddd; margin-bottom: 1em; }
.error { background: #fff0f0; border-left: 5px solid #b00000; padding: .6em 1em; }
.message { background: #eef8ee; border-left: 5px solid #1b6e20; padding: .6em 1em; }
dl.form dt { font-weight: bold; margin-top: .5em; }
dl.form dd { margin: 0 0 0 1em; }
svg.chart text { font-size: 12px; font-family: inherit; }
.print { background: #fff; max-width: 180mm; margin: auto; padding: 10mm; }
.print .nation { text-align: center; font-weight: bold; }
.print .code { font-family: monospace; font-size: 1.3em; }
.print .qr { float: right; width: 32mm; height: 32mm; }
@page { size: A4; margin: 15mm; }
@media print { header, .noprint { display: none; } body { background: #fff; }
               .print { padding: 0; } }
)css";
}

} // namespace kiosk
