// Alerts in words for the dashboard's red box and the volunteers' JSON feed.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/programs/gateway/dashboard_pages.hpp"

#include <cstdio>
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace kiosk {

std::string culturalHouse(const std::string& village, const std::string& kioskId, Lang lang) {
    if (village.empty()) {
        return "Kiosk " + kioskId;
    }
    if (lang == Lang::En) {
        return village + " cultural house";
    }
    // "Thôn Đông" reads "Nhà văn hóa thôn Đông": the settlement word (Thôn, Xóm, Bản, Tổ) is
    // written in lower case inside the phrase; those words all start with an ASCII letter.
    std::string inPhrase = village;
    if (inPhrase[0] >= 'A' && inPhrase[0] <= 'Z') {
        inPhrase[0] = static_cast<char>(inPhrase[0] - 'A' + 'a');
    }
    return "Nhà văn hóa " + inPhrase;
}

std::string sinceText(std::int64_t since, std::int64_t now) {
    LocalDateTime at = vietnamTimeFromUnix(since);
    char text[32];
    std::snprintf(text, sizeof text, "%d:%02d", at.hour, at.minute);
    std::string out = text;
    if (at.date != vietnamTimeFromUnix(now).date) {
        std::snprintf(text, sizeof text, " %02d/%02d", at.date.day, at.date.month);
        out += text;
    }
    return out;
}

std::string alertText(const Alert& alert, std::int64_t now, Lang lang) {
    bool vi = lang == Lang::Vi;
    std::string place = culturalHouse(alert.village, alert.kioskId, lang) + ": ";
    std::string since = sinceText(alert.since, now);
    std::string count = std::to_string(alert.count);
    if (alert.kind == "silent") {
        if (alert.since == 0) {
            return place + (vi ? "chưa từng gửi tín hiệu" : "has never reported");
        }
        return place + (vi ? "mất liên lạc từ " : "silent since ") + since;
    }
    if (alert.kind == "paper_out") {
        return place + (vi ? "máy in hết giấy từ " : "printer out of paper since ") + since;
    }
    if (alert.kind == "printer_not_connected") {
        return place + (vi ? "mất kết nối máy in từ " : "printer not connected since ") + since;
    }
    if (alert.kind == "printer_cover_open") {
        return place + (vi ? "máy in mở nắp từ " : "printer cover open since ") + since;
    }
    if (alert.kind == "printer_fault") {
        return place + (vi ? "máy in bị lỗi từ " : "printer fault since ") + since;
    }
    if (alert.kind == "reader_fault") {
        return place + (vi ? "đầu đọc thẻ bị lỗi từ " : "card reader fault since ") + since;
    }
    if (alert.kind == "reader_missing") {
        return place + (vi ? "mất đầu đọc thẻ từ " : "card reader missing since ") + since;
    }
    if (alert.kind == "outbox_attention") {
        return place + count +
               (vi ? " hồ sơ không gửi được, cần tình nguyện viên xem"
                   : " dossier(s) cannot be sent and need a volunteer");
    }
    if (alert.kind == "dossiers_waiting") {
        return count + (vi ? " hồ sơ đã nhận quá 1 ngày mà chưa ai xử lý"
                           : " dossier(s) received over a day ago and not yet handled");
    }
    return place + alert.kind;
}

std::string communeParam(const std::string& commune, char lead) {
    return commune.empty() ? std::string() : std::string(1, lead) + "commune=" + escapeUrl(commune);
}

std::string alertsBox(WebContext& context, const std::string& commune, Lang lang) {
    auto alerts = context.fleet->alerts(context.now(), context.silentAfterSeconds, commune);
    if (!alerts) {
        return "<p class=\"error\">" + escapeHtml(alerts.error().message) + "</p>";
    }
    if (alerts->empty()) {
        return "<p class=\"ok\" id=\"alerts\">" +
               std::string(Words{"Không có cảnh báo.", "No alerts."}.in(lang)) + "</p>";
    }
    std::string html = "<section class=\"alerts\" id=\"alerts\"><h2>" +
                       std::string(Words{"Cảnh báo", "Alerts"}.in(lang)) + " (" +
                       std::to_string(alerts->size()) + ")</h2><ul>";
    for (const Alert& alert : *alerts) {
        html += "<li class=\"alert-" + escapeHtml(alert.kind) + "\">" +
                escapeHtml(alertText(alert, context.now(), lang)) + "</li>";
    }
    return html + "</ul></section>";
}

// GET /dashboard/alerts.json: for the volunteer team's tools, which sign in as a viewer.
void registerAlertFeed(httplib::Server& server, WebContext& context) {
    server.Get("/dashboard/alerts.json",
               [&context](const httplib::Request& request, httplib::Response& response) {
                   auto session = requireRole(context, request, response, Role::Viewer);
                   if (!session) {
                       if (response.status == 303) { // a tool wants a status, not the sign-in page
                           response.status = 401;
                           response.headers.erase("Location");
                           response.set_content(R"({"error":"sign in as a viewer first"})",
                                                "application/json");
                       }
                       return;
                   }
                   std::string commune = request.get_param_value("commune");
                   std::int64_t now = context.now();
                   auto alerts = context.fleet->alerts(now, context.silentAfterSeconds, commune);
                   if (!alerts) {
                       response.status = 503;
                       response.set_content(R"({"error":"storage"})", "application/json");
                       return;
                   }
                   nlohmann::json list = nlohmann::json::array();
                   for (const Alert& alert : *alerts) {
                       list.push_back({{"kind", alert.kind},
                                       {"kiosk_id", alert.kioskId},
                                       {"village", alert.village},
                                       {"since", alert.since},
                                       {"count", alert.count},
                                       {"text_vi", alertText(alert, now, Lang::Vi)},
                                       {"text_en", alertText(alert, now, Lang::En)}});
                   }
                   nlohmann::json out{{"generated_at", now},
                                      {"silent_after_s", context.silentAfterSeconds},
                                      {"alerts", list}};
                   response.set_header("Cache-Control", "no-store");
                   response.set_content(out.dump(), "application/json; charset=utf-8");
               });
}

} // namespace kiosk
