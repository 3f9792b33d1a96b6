// The Usage page: per village and per procedure or lesson, by week, month or quarter; CSV too.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/lesson/lesson_loader.hpp"
#include "kiosk/programs/gateway/dashboard_pages.hpp"
#include "kiosk/programs/gateway/svg_chart.hpp"
#include "kiosk/programs/gateway/usage_period.hpp"

#include <array>
#include <httplib.h>
#include <map>

namespace kiosk {
namespace {

struct UsageMetric {
    std::string_view code;
    Words words;
};

// The columns of the per-village table, in the order a commune report reads them.
constexpr std::array<UsageMetric, 7> kUsageMetrics{{
    {"sessions", {"Lượt sử dụng", "Sessions"}},
    {"dossiers", {"Hồ sơ đã gửi", "Dossiers sent"}},
    {"lookups", {"Tra cứu hồ sơ", "Dossier lookups"}},
    {"lessons_started", {"Bài học bắt đầu", "Lessons started"}},
    {"lessons_completed", {"Bài học hoàn thành", "Lessons completed"}},
    {"assisted", {"Có người hỗ trợ", "Assisted"}},
    {"ratings", {"Lượt đánh giá", "Ratings"}},
}};

struct UsageSum {
    std::int64_t count = 0;
    std::int64_t suppressed = 0; // days whose count was too small to publish
};

struct UsageRequest {
    UsagePeriod period;
    std::string commune;
};

UsageRequest usageRequestOf(WebContext& context, const httplib::Request& request) {
    PeriodKind kind =
        periodKindFromName(request.get_param_value("period")).value_or(PeriodKind::Month);
    CivilDate day = vietnamTimeFromUnix(context.now()).date;
    if (auto chosen = parseDate(request.get_param_value("at"))) {
        day = *chosen;
    }
    return {usagePeriod(kind, day), request.get_param_value("commune")};
}

std::string usageQuery(PeriodKind kind, const CivilDate& at, const std::string& commune) {
    return "?period=" + std::string(periodKindName(kind)) + "&amp;at=" + formatIsoDate(at) +
           (commune.empty() ? "" : "&amp;commune=" + escapeUrl(commune));
}

std::string itemName(WebContext& context, const std::string& metric, const std::string& item,
                     Lang lang) {
    auto pick = [lang](const LocalText& text) {
        return lang == Lang::Vi || text.en.empty() ? text.vi : text.en;
    };
    if (metric == "dossiers" && context.procedures != nullptr) {
        if (const Procedure* procedure = context.procedures->findProcedure(item)) {
            return pick(procedure->name);
        }
    }
    if (metric.rfind("lessons_", 0) == 0 && context.lessons != nullptr) {
        if (const Lesson* lesson = context.lessons->find(item)) {
            return pick(lesson->title);
        }
    }
    return item;
}

std::string sumCell(const UsageSum& sum) {
    return "<td class=\"num\">" + std::string(sum.suppressed > 0 ? "≥ " : "") +
           std::to_string(sum.count) + "</td>";
}

std::string usagePage(WebContext& context, const UsageRequest& wanted, Lang lang) {
    const UsagePeriod& period = wanted.period;
    std::string label = lang == Lang::Vi ? periodLabelVi(period) : periodLabelEn(period);
    std::string html = alertsBox(context, wanted.commune, lang) + "<h1>" +
                       std::string(Words{"Sử dụng kiosk", "Kiosk usage"}.in(lang)) + " — " +
                       escapeHtml(label) + "</h1><nav class=\"periods\">";
    for (auto [kind, words] : {std::pair{PeriodKind::Week, Words{"Tuần", "Week"}},
                               {PeriodKind::Month, Words{"Tháng", "Month"}},
                               {PeriodKind::Quarter, Words{"Quý", "Quarter"}}}) {
        html += "<a id=\"period-" + std::string(periodKindName(kind)) +
                "\" href=\"/dashboard/usage" + usageQuery(kind, period.first, wanted.commune) +
                "\"" + (kind == period.kind ? " class=\"here\"" : "") + ">" +
                std::string(words.in(lang)) + "</a>";
    }
    html += "<a id=\"previous\" href=\"/dashboard/usage" +
            usageQuery(period.kind, period.previous, wanted.commune) + "\">← " +
            std::string(Words{"Kỳ trước", "Previous"}.in(lang)) + "</a><a id=\"next\" " +
            "href=\"/dashboard/usage" + usageQuery(period.kind, period.next, wanted.commune) +
            "\">" + std::string(Words{"Kỳ sau", "Next"}.in(lang)) +
            " →</a><a class=\"download\" id=\"csv\" href=\"/dashboard/usage.csv" +
            usageQuery(period.kind, period.first, wanted.commune) + "\">" +
            std::string(Words{"Tải CSV", "Download CSV"}.in(lang)) + "</a></nav>";
    html += "<form class=\"filters\" method=\"get\" action=\"/dashboard/usage\"><label>" +
            std::string(Words{"Kỳ", "Period"}.in(lang)) + "<br><select name=\"period\">";
    for (auto [kind, words] : {std::pair{PeriodKind::Week, Words{"Tuần", "Week"}},
                               {PeriodKind::Month, Words{"Tháng", "Month"}},
                               {PeriodKind::Quarter, Words{"Quý", "Quarter"}}}) {
        html += "<option value=\"" + std::string(periodKindName(kind)) + "\"" +
                (kind == period.kind ? " selected" : "") + ">" + std::string(words.in(lang)) +
                "</option>";
    }
    html += "</select></label><label>" +
            std::string(Words{"Có ngày", "Containing the day"}.in(lang)) +
            "<br><input type=\"date\" name=\"at\" value=\"" + formatIsoDate(period.first) +
            "\"></label>" +
            (wanted.commune.empty() ? std::string()
                                    : "<input type=\"hidden\" name=\"commune\" value=\"" +
                                          escapeHtml(wanted.commune) + "\">") +
            "<button>" + std::string(Words{"Xem", "Show"}.in(lang)) + "</button></form>";

    auto rows = context.fleet->usage(formatIsoDate(period.first), formatIsoDate(period.last),
                                     wanted.commune);
    if (!rows) {
        return html + "<p class=\"error\">" + escapeHtml(rows.error().message) + "</p>";
    }
    std::map<std::string, std::map<std::string, UsageSum>> byVillage; // village -> metric
    std::map<std::string, UsageSum> byProcedure;
    std::map<std::string, UsageSum> byLesson;
    for (const FleetStore::UsageRow& row : *rows) {
        UsageSum& cell = byVillage[row.village][row.metric];
        cell.count += row.count;
        cell.suppressed += row.suppressed;
        if (row.metric == "dossiers" && !row.item.empty()) {
            byProcedure[row.item].count += row.count;
            byProcedure[row.item].suppressed += row.suppressed;
        }
        if (row.metric == "lessons_completed" && !row.item.empty()) {
            byLesson[row.item].count += row.count;
            byLesson[row.item].suppressed += row.suppressed;
        }
    }
    html += "<h2>" + std::string(Words{"Theo thôn", "By village"}.in(lang)) +
            "</h2><table id=\"usage-villages\"><tr><th>" +
            std::string(Words{"Thôn", "Village"}.in(lang)) + "</th>";
    for (const UsageMetric& metric : kUsageMetrics) {
        html += "<th class=\"num\">" + std::string(metric.words.in(lang)) + "</th>";
    }
    html += "</tr>";
    std::map<std::string, UsageSum> total;
    std::vector<ChartBar> sessionBars;
    for (const auto& [village, metrics] : byVillage) {
        html += "<tr><td>" + escapeHtml(village) + "</td>";
        for (const UsageMetric& metric : kUsageMetrics) {
            auto found = metrics.find(std::string(metric.code));
            UsageSum sum = found == metrics.end() ? UsageSum{} : found->second;
            total[std::string(metric.code)].count += sum.count;
            total[std::string(metric.code)].suppressed += sum.suppressed;
            html += sumCell(sum);
        }
        html += "</tr>";
        auto sessions = metrics.find("sessions");
        sessionBars.push_back({village, sessions == metrics.end() ? 0 : sessions->second.count,
                               sessions != metrics.end() && sessions->second.suppressed > 0,
                               false});
    }
    html += "<tr><th>" + std::string(Words{"Cộng", "Total"}.in(lang)) + "</th>";
    for (const UsageMetric& metric : kUsageMetrics) {
        html += sumCell(total[std::string(metric.code)]);
    }
    html += "</tr></table>";
    if (byVillage.empty()) {
        html +=
            "<p class=\"note\">" +
            std::string(
                Words{"Chưa có số liệu cho kỳ này.", "No figures for this period yet."}.in(lang)) +
            "</p>";
    }
    auto bars = [&](const std::map<std::string, UsageSum>& sums, const std::string& metric) {
        std::vector<ChartBar> out;
        for (const auto& [item, sum] : sums) {
            out.push_back(
                {itemName(context, metric, item, lang), sum.count, sum.suppressed > 0, false});
        }
        return out;
    };
    std::string sessionsTitle(Words{"Lượt sử dụng theo thôn", "Sessions by village"}.in(lang));
    std::string proceduresTitle(
        Words{"Hồ sơ đã gửi theo thủ tục", "Dossiers sent by procedure"}.in(lang));
    std::string lessonsTitle(
        Words{"Bài học hoàn thành theo bài", "Lessons completed by lesson"}.in(lang));
    html += "<div class=\"charts\"><h2>" + sessionsTitle + "</h2>" +
            barChartSvg("chart-sessions", sessionsTitle, sessionBars) + "<h2>" + proceduresTitle +
            "</h2>" +
            barChartSvg("chart-procedures", proceduresTitle, bars(byProcedure, "dossiers")) +
            "<h2>" + lessonsTitle + "</h2>" +
            barChartSvg("chart-lessons", lessonsTitle, bars(byLesson, "lessons_completed")) +
            "</div><p class=\"note\">" +
            std::string(Words{"≥: có ngày số lượt quá nhỏ nên kiosk không công bố (để không ai bị "
                              "nhận ra); con số thật có thể lớn hơn một chút.",
                              "≥: on some days the count was too small for the kiosk to publish "
                              "(so nobody can be recognised); the true figure may be a little "
                              "higher."}
                            .in(lang)) +
            "</p>";
    return html;
}

// A spreadsheet would run a cell starting with = + - @ as a formula: such text gets a quote.
std::string csvCell(const std::string& text) {
    std::string cell = text;
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) {
        cell = "'" + cell;
    }
    if (cell.find_first_of(",\"\n\r") == std::string::npos) {
        return cell;
    }
    std::string quoted = "\"";
    for (char c : cell) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

} // namespace

void registerUsagePages(httplib::Server& server, WebContext& context) {
    server.Get("/dashboard/usage", [&context](const httplib::Request& request,
                                              httplib::Response& response) {
        auto session = requireRole(context, request, response, Role::Viewer);
        if (!session) {
            return;
        }
        Lang lang = requestLang(request);
        sendPage(
            response, 200,
            renderPage(shellFor(request, *session, std::string(Words{"Sử dụng", "Usage"}.in(lang))),
                       usagePage(context, usageRequestOf(context, request), lang)));
    });
    server.Get("/dashboard/usage.csv", [&context](const httplib::Request& request,
                                                  httplib::Response& response) {
        auto session = requireRole(context, request, response, Role::Viewer);
        if (!session) {
            return;
        }
        UsageRequest wanted = usageRequestOf(context, request);
        std::string from = formatIsoDate(wanted.period.first);
        std::string to = formatIsoDate(wanted.period.last);
        auto rows = context.fleet->usage(from, to, wanted.commune);
        if (!rows) {
            response.status = 503;
            response.set_content("storage: " + rows.error().message, "text/plain; charset=utf-8");
            return;
        }
        // A byte-order mark so that a spreadsheet opened by double-click reads the diacritics
        // as UTF-8.
        std::string csv = "\xEF\xBB\xBF"
                          "from,to,village,metric,item,item_name,count,suppressed_days\r\n";
        for (const FleetStore::UsageRow& row : *rows) {
            csv += from + "," + to + "," + csvCell(row.village) + "," + row.metric + "," +
                   csvCell(row.item) + "," +
                   csvCell(itemName(context, row.metric, row.item, Lang::Vi)) + "," +
                   std::to_string(row.count) + "," + std::to_string(row.suppressed) + "\r\n";
        }
        response.set_header("Cache-Control", "no-store");
        response.set_header("Content-Disposition",
                            "attachment; filename=\"usage-" + periodSlug(wanted.period) + ".csv\"");
        response.set_content(csv, "text/csv; charset=utf-8");
    });
}

} // namespace kiosk
