// The Kiosks page: every kiosk's state, problems first and in red; and the dashboard's routes.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/programs/gateway/dashboard_pages.hpp"

#include <algorithm>
#include <cstdio>
#include <httplib.h>

namespace kiosk {

void registerAlertFeed(httplib::Server& server, WebContext& context);
void registerUsagePages(httplib::Server& server, WebContext& context);
void registerSkillsPages(httplib::Server& server, WebContext& context);

namespace {

std::string printerWords(const std::string& state, Lang lang) {
    if (state == "ready") {
        return std::string(Words{"Sẵn sàng", "Ready"}.in(lang));
    }
    if (state == "paper_low") {
        return std::string(Words{"Sắp hết giấy", "Paper low"}.in(lang));
    }
    if (state == "paper_out") {
        return std::string(Words{"Hết giấy", "Out of paper"}.in(lang));
    }
    if (state == "cover_open") {
        return std::string(Words{"Mở nắp", "Cover open"}.in(lang));
    }
    if (state == "not_connected") {
        return std::string(Words{"Không kết nối", "Not connected"}.in(lang));
    }
    if (state == "fault") {
        return std::string(Words{"Bị lỗi", "Fault"}.in(lang));
    }
    return "—";
}

std::string readerWords(const std::string& state, Lang lang) {
    if (state == "ready") {
        return std::string(Words{"Sẵn sàng", "Ready"}.in(lang));
    }
    if (state == "not_connected") {
        return std::string(Words{"Không kết nối", "Not connected"}.in(lang));
    }
    if (state == "fault") {
        return std::string(Words{"Bị lỗi", "Fault"}.in(lang));
    }
    return "—";
}

std::string seenText(std::int64_t lastSeen, Lang lang) {
    if (lastSeen == 0) {
        return std::string(Words{"chưa bao giờ", "never"}.in(lang));
    }
    LocalDateTime at = vietnamTimeFromUnix(lastSeen);
    char text[32];
    std::snprintf(text, sizeof text, "%d:%02d %02d/%02d/%04d", at.hour, at.minute, at.date.day,
                  at.date.month, at.date.year);
    return text;
}

// 2 = a problem someone must go and fix (red), 1 = soon (paper low), 0 = fine.
int kioskSeverity(const KioskStatusRow& kiosk, const std::vector<Alert>& alerts) {
    for (const Alert& alert : alerts) {
        if (alert.kioskId == kiosk.kioskId) {
            return 2;
        }
    }
    return kiosk.printer == "paper_low" ? 1 : 0;
}

std::string kiosksPage(WebContext& context, const std::string& commune, Lang lang) {
    std::string html = alertsBox(context, commune, lang) + "<h1>" +
                       std::string(Words{"Các kiosk", "Kiosks"}.in(lang)) + "</h1>";
    std::int64_t now = context.now();
    auto kiosks = context.fleet->kiosks(commune);
    auto alerts = context.fleet->alerts(now, context.silentAfterSeconds, commune);
    if (!kiosks || !alerts) {
        return html + "<p class=\"error\">" +
               escapeHtml(!kiosks ? kiosks.error().message : alerts.error().message) + "</p>";
    }
    std::vector<std::pair<int, const KioskStatusRow*>> order;
    for (const KioskStatusRow& kiosk : *kiosks) {
        order.emplace_back(kioskSeverity(kiosk, *alerts), &kiosk);
    }
    // Problems first; then the store's order (commune, village, kiosk id).
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    int problems = 0;
    for (const auto& [severity, kiosk] : order) {
        problems += severity == 2 ? 1 : 0;
    }
    html +=
        "<p class=\"note\">" + std::to_string(kiosks->size()) + " kiosk · " +
        std::to_string(problems) + " " + std::string(Words{"có sự cố", "with a problem"}.in(lang)) +
        " · " + std::string(Words{"Mất liên lạc khi quá ", "Silent after "}.in(lang)) +
        std::to_string(context.silentAfterSeconds / 60) +
        std::string(Words{" phút không có tín hiệu.", " minutes without a heartbeat."}.in(lang)) +
        "</p>";
    html += "<table id=\"kiosks\"><tr>";
    for (Words heading :
         {Words{"Nơi đặt", "Place"}, Words{"Kiosk", "Kiosk"}, Words{"Tín hiệu cuối", "Last seen"},
          Words{"Kết nối", "Online"}, Words{"Máy in", "Printer"},
          Words{"Đầu đọc thẻ", "Card reader"}, Words{"Gói nội dung", "Content pack"},
          Words{"Hồ sơ chờ gửi", "Dossiers waiting to send"},
          Words{"Hồ sơ mới tại xã", "New dossiers at the commune"},
          Words{"Phiên bản", "App version"}}) {
        html += "<th>" + std::string(heading.in(lang)) + "</th>";
    }
    html += "</tr>";
    for (const auto& [severity, kiosk] : order) {
        bool online = kiosk->lastSeen > 0 && now - kiosk->lastSeen <= context.silentAfterSeconds;
        bool printerBad = kiosk->printer == "paper_out" || kiosk->printer == "cover_open" ||
                          kiosk->printer == "not_connected" || kiosk->printer == "fault";
        std::string rowClass = severity == 2 ? "problem" : (severity == 1 ? "warn" : "fine");
        std::string pending = std::to_string(kiosk->outboxPending);
        if (kiosk->outboxAttention > 0) {
            pending += " (" + std::to_string(kiosk->outboxAttention) + " " +
                       std::string(Words{"cần xem", "need attention"}.in(lang)) + ")";
        }
        html +=
            "<tr class=\"" + rowClass + "\" id=\"kiosk-" + escapeHtml(kiosk->kioskId) + "\"><td>" +
            escapeHtml(culturalHouse(kiosk->village, kiosk->kioskId, lang)) + "</td><td>" +
            escapeHtml(kiosk->kioskId) + "</td><td>" + seenText(kiosk->lastSeen, lang) +
            "</td><td class=\"" + (online ? "ok" : "bad") + "\">" +
            std::string(online ? Words{"Trực tuyến", "Online"}.in(lang)
                               : Words{"Mất liên lạc", "Offline"}.in(lang)) +
            "</td><td" + (printerBad ? " class=\"bad\"" : "") + ">" +
            printerWords(kiosk->printer, lang) +
            (printerBad && kiosk->printerSince > 0
                 ? std::string(Words{" từ ", " since "}.in(lang)) +
                       sinceText(kiosk->printerSince, now)
                 : "") +
            "</td><td" +
            (kiosk->reader == "not_connected" || kiosk->reader == "fault" ? " class=\"bad\"" : "") +
            ">" + readerWords(kiosk->reader, lang) + "</td><td>" +
            (kiosk->contentSequence > 0 ? "#" + std::to_string(kiosk->contentSequence) : "—") +
            "</td><td>" + pending + "</td><td>" + std::to_string(kiosk->dossiersNew) + "</td><td>" +
            escapeHtml(kiosk->appVersion.empty() ? "—" : kiosk->appVersion) + "</td></tr>";
    }
    html += "</table>";
    if (kiosks->empty()) {
        html += "<p class=\"note\">" +
                std::string(Words{"Chưa có kiosk nào. Thêm bằng: kiosk-gateway kiosk place …",
                                  "No kiosks yet. Add one with: kiosk-gateway kiosk place …"}
                                .in(lang)) +
                "</p>";
    }
    return html;
}

} // namespace

void registerDashboardRoutes(httplib::Server& server, WebContext& context) {
    server.Get("/dashboard/kiosks", [&context](const httplib::Request& request,
                                               httplib::Response& response) {
        auto session = requireRole(context, request, response, Role::Viewer);
        if (!session) {
            return;
        }
        Lang lang = requestLang(request);
        PageShell shell =
            shellFor(request, *session, std::string(Words{"Kiosk", "Kiosks"}.in(lang)));
        shell.refreshSeconds = 60; // a wall screen in the volunteers' room stays current
        sendPage(response, 200,
                 renderPage(shell, kiosksPage(context, request.get_param_value("commune"), lang)));
    });
    server.Get("/dashboard", [](const httplib::Request&, httplib::Response& response) {
        response.status = 303;
        response.set_header("Location", "/dashboard/kiosks");
    });
    registerAlertFeed(server, context);
    registerUsagePages(server, context);
    registerSkillsPages(server, context);
}

} // namespace kiosk
