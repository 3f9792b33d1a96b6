// The Digital skills page: lesson completions per village against its adults; admins enter them.
#include "kiosk/programs/gateway/dashboard_pages.hpp"
#include "kiosk/programs/gateway/svg_chart.hpp"

#include <algorithm>
#include <charconv>
#include <httplib.h>
#include <map>

namespace kiosk {
namespace {

struct VillageSkills {
    std::int64_t adults = -1; // -1 = not entered yet
    std::int64_t completions = 0;
    std::int64_t suppressed = 0;
};

// Completions per 100 adults. The log is anonymous, so one adult who finishes three lessons
// counts three times: the figure is a measure of reach, not a head count, and the page says so.
std::int64_t perHundred(const VillageSkills& village) {
    return village.adults > 0 ? village.completions * 100 / village.adults : 0;
}

std::string skillsPage(WebContext& context, const WebSession& session,
                       const httplib::Request& request, Lang lang) {
    std::string commune = request.get_param_value("commune");
    std::string html = alertsBox(context, commune, lang) + "<h1>" +
                       std::string(Words{"Kỹ năng số", "Digital skills"}.in(lang)) + "</h1>";
    if (request.has_param("saved")) {
        html += "<p class=\"message\">" +
                std::string(Words{"Đã lưu số người lớn của ", "Saved the adults of "}.in(lang)) +
                escapeHtml(request.get_param_value("saved")) + "</p>";
    }
    html += "<p class=\"note\">" +
            std::string(
                Words{"Mục tiêu của chiến dịch: mọi người lớn đều có kỹ năng số cơ bản. Kiosk "
                      "ghi nhận ẩn danh, nên đây là số lượt hoàn thành bài học trên 100 người "
                      "lớn (một người học ba bài được tính ba lượt), không phải số người.",
                      "The campaign's goal: every adult with basic digital skills. Kiosks count "
                      "anonymously, so this is lesson completions per 100 adults (one person "
                      "finishing three lessons counts three times), not a head count."}
                    .in(lang)) +
            "</p>";
    auto completions = context.fleet->completionsByVillage(commune);
    auto populations = context.fleet->populations();
    auto places = context.inbox.kiosks();
    if (!completions || !populations || !places) {
        return html + "<p class=\"error\">" +
               std::string(
                   Words{"Không đọc được số liệu.", "The figures cannot be read."}.in(lang)) +
               "</p>";
    }
    std::map<std::string, VillageSkills> villages;
    for (const KioskPlace& place : *places) {
        if (commune.empty() || place.commune == commune) {
            villages[place.village];
        }
    }
    for (const auto& row : *completions) {
        villages[row.village].completions = row.completions;
        villages[row.village].suppressed = row.suppressed;
    }
    for (const VillagePopulation& row : *populations) {
        // A province-wide list holds every commune's villages: show only this one's.
        if (commune.empty() || villages.contains(row.village)) {
            villages[row.village].adults = row.adults;
        }
    }
    VillageSkills total{0, 0, 0};
    for (const auto& [name, village] : villages) {
        total.adults += std::max<std::int64_t>(village.adults, 0);
        total.completions += village.completions;
        total.suppressed += village.suppressed;
    }
    bool admin = session.account.role == Role::Admin;
    html +=
        "<table id=\"skills\"><tr><th>" + std::string(Words{"Thôn", "Village"}.in(lang)) +
        "</th><th class=\"num\">" + std::string(Words{"Người lớn", "Adults"}.in(lang)) +
        "</th><th class=\"num\">" +
        std::string(Words{"Lượt hoàn thành bài học", "Lesson completions"}.in(lang)) +
        "</th><th class=\"num\">" +
        std::string(Words{"Lượt / 100 người lớn", "Per 100 adults"}.in(lang)) + "</th>" +
        (admin ? "<th>" + std::string(Words{"Sửa số người lớn", "Set adults"}.in(lang)) + "</th>"
               : std::string()) +
        "</tr>";
    std::vector<ChartBar> bars;
    std::int64_t average = perHundred(total);
    for (const auto& [name, village] : villages) {
        // Far behind: under half the commune's rate, or no completions at all.
        bool behind =
            village.adults > 0 && (perHundred(village) * 2 < average || village.completions == 0);
        html += std::string("<tr") + (behind ? " class=\"problem\"" : "") + "><td>" +
                escapeHtml(name) + "</td><td class=\"num\">" +
                (village.adults < 0 ? "—" : std::to_string(village.adults)) +
                "</td><td class=\"num\">" + (village.suppressed > 0 ? "≥ " : "") +
                std::to_string(village.completions) + "</td><td class=\"num\">" +
                (village.adults > 0 ? std::to_string(perHundred(village)) : "—") + "</td>";
        if (admin) {
            html += "<td><form class=\"inline\" method=\"post\" "
                    "action=\"/dashboard/skills/population\">" +
                    csrfField(session) + "<input type=\"hidden\" name=\"village\" value=\"" +
                    escapeHtml(name) +
                    "\"><input type=\"number\" min=\"0\" name=\"adults\" value=\"" +
                    (village.adults < 0 ? std::string() : std::to_string(village.adults)) +
                    "\" required><button>" + std::string(Words{"Lưu", "Save"}.in(lang)) +
                    "</button></form></td>";
        }
        html += "</tr>";
        if (village.adults > 0) {
            bars.push_back({name, perHundred(village), village.suppressed > 0, behind});
        }
    }
    html += "<tr><th>" + std::string(Words{"Cả xã", "Whole commune"}.in(lang)) +
            "</th><td class=\"num\">" + std::to_string(total.adults) + "</td><td class=\"num\">" +
            (total.suppressed > 0 ? "≥ " : "") + std::to_string(total.completions) +
            "</td><td class=\"num\">" + (total.adults > 0 ? std::to_string(average) : "—") +
            "</td>" + (admin ? "<td></td>" : "") + "</tr></table>";
    std::string title(Words{"Lượt hoàn thành trên 100 người lớn, theo thôn (đỏ: tụt lại)",
                            "Completions per 100 adults, by village (red: behind)"}
                          .in(lang));
    html += "<h2>" + title + "</h2>";
    if (bars.empty()) {
        html += "<p class=\"note\">" +
                std::string(Words{"Chưa có số người lớn của thôn nào: quản trị viên nhập ở bảng "
                                  "trên.",
                                  "No village's adults entered yet: an admin enters them in the "
                                  "table above."}
                                .in(lang)) +
                "</p>";
    } else {
        html += barChartSvg("chart-skills", title, bars);
    }
    if (admin) {
        html += "<div class=\"card\"><h2>" +
                std::string(Words{"Thêm thôn", "Add a village"}.in(lang)) +
                "</h2><form class=\"inline\" method=\"post\" "
                "action=\"/dashboard/skills/population\">" +
                csrfField(session) + "<label>" + std::string(Words{"Thôn", "Village"}.in(lang)) +
                " <input name=\"village\" required maxlength=\"120\"></label><label>" +
                std::string(Words{"Người lớn", "Adults"}.in(lang)) +
                " <input type=\"number\" min=\"0\" name=\"adults\" required></label><button>" +
                std::string(Words{"Lưu", "Save"}.in(lang)) + "</button></form></div>";
    }
    return html;
}

} // namespace

void registerSkillsPages(httplib::Server& server, WebContext& context) {
    server.Get("/dashboard/skills", [&context](const httplib::Request& request,
                                               httplib::Response& response) {
        auto session = requireRole(context, request, response, Role::Viewer);
        if (!session) {
            return;
        }
        Lang lang = requestLang(request);
        sendPage(response, 200,
                 renderPage(shellFor(request, *session,
                                     std::string(Words{"Kỹ năng số", "Digital skills"}.in(lang))),
                            skillsPage(context, *session, request, lang)));
    });
    server.Post("/dashboard/skills/population", [&context](const httplib::Request& request,
                                                           httplib::Response& response) {
        auto session = requireRole(context, request, response, Role::Admin);
        if (!session || !checkCsrf(*session, request, response)) {
            return;
        }
        Lang lang = requestLang(request);
        std::string village = formValue(request, "village");
        std::string text = formValue(request, "adults");
        std::int64_t adults = -1;
        auto parsed = std::from_chars(text.data(), text.data() + text.size(), adults);
        Status saved = parsed.ec == std::errc() && parsed.ptr == text.data() + text.size()
                           ? context.fleet->setPopulation(village, adults)
                           : Status(makeError("bad_population", "not a number"));
        if (!saved) {
            sendPage(response, 400,
                     renderPage(shellFor(request, *session, "400"),
                                "<p class=\"error\" id=\"error\">" +
                                    std::string(Words{"Xin nhập tên thôn và số người lớn (số "
                                                      "nguyên, không âm).",
                                                      "Please enter a village and its adults (a "
                                                      "whole number, not negative)."}
                                                    .in(lang)) +
                                    "</p><p><a href=\"/dashboard/skills\">←</a></p>"));
            return;
        }
        response.status = 303;
        response.set_header("Location", "/dashboard/skills?saved=" + escapeUrl(village));
    });
}

} // namespace kiosk
