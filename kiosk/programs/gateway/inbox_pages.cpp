// The officer's inbox: list, one dossier laid out like its form, print view, JSON export, status.
#include "kiosk/dossier/dossier_status.hpp"
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/programs/gateway/qr_svg.hpp"
#include "kiosk/programs/gateway/web_context.hpp"

#include <array>
#include <cstdio>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <set>

namespace kiosk {
namespace {

struct StatusChoice {
    std::string_view name;
    Words words;
};

constexpr std::array<StatusChoice, 5> kChoices{{
    {"received", {"Đã tiếp nhận", "Received"}},
    {"processing", {"Đang giải quyết", "Being processed"}},
    {"more_papers", {"Cần bổ sung giấy tờ", "More papers needed"}},
    {"result_ready", {"Đã có kết quả", "Result ready"}},
    {"returned", {"Đã trả kết quả", "Returned"}},
}};

std::string statusWords(const std::string& code, Lang lang) {
    auto status = dossierStatusFromCode(code);
    if (!status) {
        return code;
    }
    LocalText text = dossierStatusLabel(*status);
    return lang == Lang::Vi ? text.vi : text.en;
}

// "20261125143006" -> "14:30 25/11/2026"
std::string readableTime(const std::string& compact) {
    auto time = parseCompact(compact);
    if (!time) {
        return compact;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%02d:%02d %02d/%02d/%04d", time->hour, time->minute,
                  time->date.day, time->date.month, time->date.year);
    return text;
}

std::string localText(const LocalText& text, Lang lang) {
    return lang == Lang::Vi || text.en.empty() ? text.vi : text.en;
}

std::string answerText(const nlohmann::json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    return value.dump();
}

// The answers laid out like the procedure's form: its groups and labels, in its order, with
// picker values shown by their label; anything the form does not know comes last.
std::string formLayout(const nlohmann::json& payload, const Procedure* procedure,
                       const ProcedureCatalog* catalog, Lang lang) {
    const nlohmann::json answers = payload.value("DuLieuBieuMau", nlohmann::json::object());
    std::string html;
    std::set<std::string> shown;
    if (procedure != nullptr) {
        for (const FieldGroup& group : procedure->groups) {
            html += "<h2>" + escapeHtml(localText(group.title, lang)) + "</h2><dl class=\"form\">";
            for (const Field& field : group.fields) {
                shown.insert(field.id);
                std::string value;
                if (answers.contains(field.id)) {
                    value = answerText(answers[field.id]);
                    if (field.picker && catalog != nullptr) {
                        if (const PickerList* list = catalog->findList(*field.picker)) {
                            if (const PickerItem* item = list->find(value)) {
                                value = localText(item->label, lang);
                            }
                        }
                    }
                }
                html += "<dt>" + escapeHtml(localText(field.label, lang)) + "</dt><dd>" +
                        (value.empty() ? "—" : escapeHtml(value)) + "</dd>";
            }
            html += "</dl>";
        }
    }
    std::string rest;
    for (const auto& [key, value] : answers.items()) {
        if (!shown.contains(key)) {
            rest +=
                "<dt>" + escapeHtml(key) + "</dt><dd>" + escapeHtml(answerText(value)) + "</dd>";
        }
    }
    if (!rest.empty()) {
        html += std::string("<h2>") +
                std::string(Words{"Thông tin khác", "Other answers"}.in(lang)) +
                "</h2><dl class=\"form\">" + rest + "</dl>";
    }
    if (payload.contains("TaiLieuNop") && payload["TaiLieuNop"].is_array()) {
        html += std::string("<h2>") +
                std::string(Words{"Giấy tờ mang đến", "Papers to bring"}.in(lang)) + "</h2><ul>";
        for (const auto& paper : payload["TaiLieuNop"]) {
            // The payload's codes (kiosk/dossier/dossier.cpp) in the words on the paper.
            std::string form = paper.value("LoaiBan", "");
            if (form == "ban_chinh") {
                form = std::string(Words{"bản chính", "original"}.in(lang));
            } else if (form == "ban_sao") {
                form = std::string(Words{"bản sao", "copy"}.in(lang));
            }
            html += "<li>" + escapeHtml(paper.value("TenTepDinhKem", "")) + " (" +
                    escapeHtml(form) + " × " + std::to_string(paper.value("SoLuong", 1)) + ")</li>";
        }
        html += "</ul>";
    }
    return html;
}

// Decrypts in memory only: the plaintext is parsed and the buffer wiped at once.
std::optional<nlohmann::json> decrypt(const WebContext& context, const StoredDossier& dossier) {
    auto plain = openSealed(context.privateKey, dossier.sealedPayload);
    if (!plain) {
        return std::nullopt;
    }
    auto payload = nlohmann::json::parse(plain->begin(), plain->end(), nullptr, false);
    std::fill(plain->begin(), plain->end(), 0);
    if (payload.is_discarded()) {
        return std::nullopt;
    }
    return payload;
}

std::string procedureName(const WebContext& context, const std::string& code,
                          const nlohmann::json* payload, Lang lang) {
    if (context.procedures != nullptr) {
        if (const Procedure* p = context.procedures->findProcedure(code)) {
            return localText(p->name, lang);
        }
    }
    if (payload != nullptr && payload->contains("TenTTHC")) {
        return payload->value("TenTTHC", code);
    }
    return code;
}

std::string inboxList(WebContext& context, const httplib::Request& request, Lang lang) {
    InboxFilter filter;
    filter.day = request.get_param_value("day");
    filter.procedure = request.get_param_value("procedure");
    filter.village = request.get_param_value("village");
    filter.status = request.get_param_value("status");
    std::string html =
        "<h1>" + std::string(Words{"Hồ sơ nhận từ kiosk", "Dossiers from the kiosks"}.in(lang)) +
        "</h1>";
    if (request.has_param("updated")) {
        html +=
            "<p class=\"message\">" +
            std::string(Words{"Đã cập nhật trạng thái hồ sơ ", "Status updated for "}.in(lang)) +
            escapeHtml(request.get_param_value("updated")) + "</p>";
    }
    auto select = [&](const std::string& name, Words label,
                      const std::vector<std::pair<std::string, std::string>>& options,
                      const std::string& chosen) {
        std::string out = "<label>" + std::string(label.in(lang)) + "<br><select name=\"" + name +
                          "\"><option value=\"\">" + std::string(Words{"Tất cả", "All"}.in(lang)) +
                          "</option>";
        for (const auto& [value, text] : options) {
            out += "<option value=\"" + escapeHtml(value) + "\"" +
                   (value == chosen ? " selected" : "") + ">" + escapeHtml(text) + "</option>";
        }
        return out + "</select></label>";
    };
    std::vector<std::pair<std::string, std::string>> procedures;
    if (context.procedures != nullptr) {
        for (const Procedure& p : context.procedures->procedures) {
            procedures.emplace_back(p.code, localText(p.name, lang));
        }
    }
    std::vector<std::pair<std::string, std::string>> villages;
    if (auto known = context.inbox.villages()) {
        for (const std::string& v : *known) {
            villages.emplace_back(v, v);
        }
    }
    std::vector<std::pair<std::string, std::string>> statuses;
    for (std::string_view code :
         {"new", "receiving", "processing", "correcting", "releasing", "done"}) {
        statuses.emplace_back(std::string(code), statusWords(std::string(code), lang));
    }
    html += "<form class=\"filters\" method=\"get\" action=\"/inbox\"><label>" +
            std::string(Words{"Ngày (yyyyMMdd)", "Day (yyyyMMdd)"}.in(lang)) +
            "<br><input name=\"day\" value=\"" + escapeHtml(filter.day) +
            "\" size=\"10\"></label>" +
            select("procedure", {"Thủ tục", "Procedure"}, procedures, filter.procedure) +
            select("village", {"Thôn", "Village"}, villages, filter.village) +
            select("status", {"Trạng thái", "Status"}, statuses, filter.status) + "<button>" +
            std::string(Words{"Lọc", "Filter"}.in(lang)) + "</button></form>";
    auto rows = context.inbox.list(filter);
    if (!rows) {
        return html + "<p class=\"error\">" + escapeHtml(rows.error().message) + "</p>";
    }
    html += "<table id=\"inbox\"><tr><th>" +
            std::string(Words{"Mã hồ sơ", "Dossier code"}.in(lang)) + "</th><th>" +
            std::string(Words{"Nhận lúc", "Received"}.in(lang)) + "</th><th>" +
            std::string(Words{"Thủ tục", "Procedure"}.in(lang)) + "</th><th>" +
            std::string(Words{"Thôn", "Village"}.in(lang)) + "</th><th>" +
            std::string(Words{"Trạng thái", "Status"}.in(lang)) + "</th><th>" +
            std::string(Words{"Lượt mở", "Openings"}.in(lang)) + "</th></tr>";
    for (const InboxRow& row : *rows) {
        html += "<tr><td><a href=\"/inbox/dossier/" + escapeHtml(escapeUrl(row.dossierCode)) +
                "\">" + escapeHtml(row.dossierCode) + "</a></td><td>" +
                readableTime(row.receivedAt) + "</td><td>" +
                escapeHtml(procedureName(context, row.procedureCode, nullptr, lang)) + "</td><td>" +
                escapeHtml(row.village.empty() ? row.kioskId : row.village) + "</td><td>" +
                escapeHtml(statusWords(row.status, lang)) +
                (row.statusReason.empty() ? "" : ": " + escapeHtml(row.statusReason)) +
                "</td><td>" + std::to_string(row.openings) + "</td></tr>";
    }
    html += "</table><p class=\"note\">" + std::to_string(rows->size()) + " " +
            std::string(Words{"hồ sơ", "dossier(s)"}.in(lang)) + "</p>";
    return html;
}

std::string dossierPage(WebContext& context, const WebSession& session,
                        const StoredDossier& dossier, const nlohmann::json* payload, Lang lang) {
    const Procedure* procedure = context.procedures != nullptr
                                     ? context.procedures->findProcedure(dossier.procedureCode)
                                     : nullptr;
    std::string code = escapeHtml(dossier.dossierCode);
    std::string url = "/inbox/dossier/" + escapeHtml(escapeUrl(dossier.dossierCode));
    std::string html =
        "<h1>" + escapeHtml(procedureName(context, dossier.procedureCode, payload, lang)) +
        "</h1><div class=\"card\"><p>" + std::string(Words{"Mã hồ sơ", "Dossier code"}.in(lang)) +
        ": <b id=\"code\">" + code + "</b> · " +
        std::string(Words{"Nhận lúc", "Received"}.in(lang)) + " " +
        readableTime(dossier.receivedAt) + " · " +
        std::string(Words{"Hẹn trả", "Appointment"}.in(lang)) + " " +
        readableTime(dossier.appointmentAt) + " · " +
        std::string(Words{"Kiosk", "Kiosk"}.in(lang)) + " " + escapeHtml(dossier.kioskId) + " · " +
        escapeHtml(dossier.localReference) + "</p><p>" +
        std::string(Words{"Trạng thái", "Status"}.in(lang)) + ": <b id=\"status\">" +
        escapeHtml(statusWords(dossier.status, lang)) + "</b></p><p class=\"noprint\"><a href=\"" +
        url + "/print\">" + std::string(Words{"Bản in A4", "A4 print view"}.in(lang)) +
        "</a> · <a href=\"" + url + "/export.json\">" +
        std::string(Words{"Xuất JSON", "Export JSON"}.in(lang)) + "</a></p></div>";
    if (payload == nullptr) {
        html += "<p class=\"error\">" +
                std::string(Words{"Hồ sơ không giải mã được bằng khóa của cổng.",
                                  "The dossier does not open with the gateway's key."}
                                .in(lang)) +
                "</p>";
    } else {
        html += "<div class=\"card\">" + formLayout(*payload, procedure, context.procedures, lang) +
                "</div>";
    }
    html += "<div class=\"card noprint\"><h2>" +
            std::string(Words{"Cập nhật trạng thái", "Set the status"}.in(lang)) +
            "</h2><form method=\"post\" action=\"" + url + "/status\">" + csrfField(session) +
            "<label>" + std::string(Words{"Trạng thái mới", "New status"}.in(lang)) +
            "<br><select name=\"status\" id=\"new-status\">";
    for (const StatusChoice& choice : kChoices) {
        html += "<option value=\"" + std::string(choice.name) + "\">" +
                std::string(choice.words.in(lang)) + "</option>";
    }
    html += "</select></label><label>" +
            std::string(Words{"Lý do / giấy tờ cần bổ sung (người dân sẽ thấy trên kiosk)",
                              "Reason / papers needed (the resident sees this on the kiosk)"}
                            .in(lang)) +
            "<br><textarea name=\"reason\" id=\"reason\" rows=\"3\" cols=\"60\" "
            "maxlength=\"300\"></textarea></label>"
            "<p><button id=\"set-status\">" +
            std::string(Words{"Lưu", "Save"}.in(lang)) + "</button></p></form></div>";
    return html;
}

std::string printPage(WebContext& context, const StoredDossier& dossier,
                      const nlohmann::json* payload) {
    // The print view is always Vietnamese: it goes into the commune's paper file.
    const Procedure* procedure = context.procedures != nullptr
                                     ? context.procedures->findProcedure(dossier.procedureCode)
                                     : nullptr;
    std::string html =
        "<div class=\"print\">" + qrCodeSvg(dossier.dossierCode, 30) +
        "<p class=\"nation\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p>"
        "<h1>PHIẾU HỒ SƠ NỘP TẠI KIOSK</h1><p>" +
        escapeHtml(procedureName(context, dossier.procedureCode, payload, Lang::Vi)) + " (" +
        escapeHtml(dossier.procedureCode) + ")</p><p>Mã hồ sơ: <span class=\"code\">" +
        escapeHtml(dossier.dossierCode) + "</span><br>Nhận lúc " +
        readableTime(dossier.receivedAt) + " · Hẹn trả " + readableTime(dossier.appointmentAt) +
        "<br>Kiosk " + escapeHtml(dossier.kioskId) + " · Số tham chiếu " +
        escapeHtml(dossier.localReference) + "</p>";
    if (payload != nullptr) {
        html += formLayout(*payload, procedure, context.procedures, Lang::Vi);
    }
    html += "<p class=\"note noprint\">Nhấn Ctrl+P để in (khổ A4).</p></div>";
    return html;
}

} // namespace

void registerInboxRoutes(httplib::Server& server, WebContext& context) {
    server.Get("/inbox", [&context](const httplib::Request& request, httplib::Response& response) {
        auto session = requireRole(context, request, response, Role::Officer);
        if (!session) {
            return;
        }
        Lang lang = requestLang(request);
        sendPage(
            response, 200,
            renderPage(shellFor(request, *session, std::string(Words{"Hồ sơ", "Inbox"}.in(lang))),
                       inboxList(context, request, lang)));
    });

    // One handler for the three ways of opening a dossier; each is recorded as an opening.
    server.Get(
        R"(/inbox/dossier/([^/]+)(/print|/export\.json)?)",
        [&context](const httplib::Request& request, httplib::Response& response) {
            auto session = requireRole(context, request, response, Role::Officer);
            if (!session) {
                return;
            }
            Lang lang = requestLang(request);
            std::string how = request.matches[2].str();
            std::string code = request.matches[1].str();
            auto opened = context.inbox.open(code, session->account,
                                             how.empty() ? "view" : how.substr(1), context.now());
            if (!opened || !opened->has_value()) {
                sendPage(
                    response, opened ? 404 : 503,
                    renderPage(
                        shellFor(request, *session, "404"),
                        "<p class=\"error\">" +
                            std::string(Words{"Không có hồ sơ này.", "No such dossier."}.in(lang)) +
                            "</p>"));
                return;
            }
            const StoredDossier& dossier = **opened;
            auto payload = decrypt(context, dossier);
            if (how == "/export.json") {
                nlohmann::json out{{"dossier_code", dossier.dossierCode},
                                   {"received_at", dossier.receivedAt},
                                   {"appointment_at", dossier.appointmentAt},
                                   {"status", dossier.status},
                                   {"kiosk_id", dossier.kioskId},
                                   {"local_reference", dossier.localReference},
                                   {"payload", payload ? *payload : nlohmann::json()}};
                response.set_header("Cache-Control", "no-store");
                response.set_header("Content-Disposition",
                                    "attachment; filename=\"" + dossier.dossierCode + ".json\"");
                response.set_content(out.dump(2), "application/json; charset=utf-8");
                return;
            }
            std::string body =
                how == "/print"
                    ? printPage(context, dossier, payload ? &*payload : nullptr)
                    : dossierPage(context, *session, dossier, payload ? &*payload : nullptr, lang);
            sendPage(response, 200,
                     renderPage(shellFor(request, *session, dossier.dossierCode), body));
        });

    server.Post(R"(/inbox/dossier/([^/]+)/status)", [&context](const httplib::Request& request,
                                                               httplib::Response& response) {
        auto session = requireRole(context, request, response, Role::Officer);
        if (!session || !checkCsrf(*session, request, response)) {
            return;
        }
        Lang lang = requestLang(request);
        std::string code = request.matches[1].str();
        auto status = officerStatusFromName(formValue(request, "status"));
        Status done = status ? context.inbox.setStatus(code, *status, formValue(request, "reason"),
                                                       session->account, context.now())
                             : Status(makeError("bad_status", "unknown status"));
        if (!done) {
            std::string message = done.error().code == "reason_required"
                                      ? std::string(Words{"Xin ghi rõ giấy tờ cần bổ sung.",
                                                          "Please say which papers are needed."}
                                                        .in(lang))
                                      : done.error().message;
            sendPage(response, 400,
                     renderPage(shellFor(request, *session, code),
                                "<p class=\"error\" id=\"error\">" + escapeHtml(message) +
                                    "</p><p><a href=\"/inbox/dossier/" +
                                    escapeHtml(escapeUrl(code)) + "\">←</a></p>"));
            return;
        }
        response.status = 303;
        response.set_header("Location", "/inbox?updated=" + escapeUrl(code));
    });
}

} // namespace kiosk
