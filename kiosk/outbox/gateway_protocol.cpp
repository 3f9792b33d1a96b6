// JSON bodies of the gateway API and the request signature.
#include "kiosk/outbox/gateway_protocol.hpp"

#include "kiosk/dossier/dossier.hpp"
#include "kiosk/dossier/dossier_status.hpp"
#include "kiosk/dossier/local_time.hpp"

#include <nlohmann/json.hpp>
#include <regex>

namespace kiosk {
namespace {

using nlohmann::json;

Result<json> parseObject(const std::string& body) {
    json document = json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return makeError("malformed_json", "the body is not a JSON object");
    }
    return document;
}

std::optional<std::string> stringField(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return std::nullopt;
    }
    return it->get<std::string>();
}

Error missing(const char* key) {
    return makeError("bad_request", std::string("\"") + key + "\" is missing or not a string");
}

} // namespace

std::string submitBody(const SubmitRequest& request) {
    return json{{"idempotency_key", request.idempotencyKey},
                {"kiosk_id", request.kioskId},
                {"local_reference", request.localReference},
                {"procedure_code", request.procedureCode},
                {"submitted_at", request.submittedAt},
                {"sealed_payload", toBase64(request.sealedPayload)}}
        .dump();
}

Result<SubmitRequest> parseSubmitBody(const std::string& body) {
    auto document = parseObject(body);
    if (!document) {
        return document.error();
    }
    SubmitRequest request;
    std::pair<const char*, std::string*> fields[] = {{"idempotency_key", &request.idempotencyKey},
                                                     {"kiosk_id", &request.kioskId},
                                                     {"local_reference", &request.localReference},
                                                     {"procedure_code", &request.procedureCode},
                                                     {"submitted_at", &request.submittedAt}};
    for (auto& [key, target] : fields) {
        auto value = stringField(*document, key);
        if (!value || value->empty()) {
            return missing(key);
        }
        *target = *value;
    }
    static const std::regex kKey("[0-9a-f]{32}");
    if (!std::regex_match(request.idempotencyKey, kKey)) {
        return makeError("bad_request", "\"idempotency_key\" must be 32 lowercase hex digits");
    }
    if (!parseCompact(request.submittedAt)) {
        return makeError("bad_request", "\"submitted_at\" must be yyyyMMddHHmmss");
    }
    auto sealed = stringField(*document, "sealed_payload");
    if (!sealed) {
        return missing("sealed_payload");
    }
    auto bytes = fromBase64(*sealed);
    if (!bytes) {
        return makeError("bad_request", "\"sealed_payload\" is not base64");
    }
    request.sealedPayload = std::move(*bytes);
    return request;
}

std::string submitReceiptBody(const SubmitReceipt& receipt) {
    return json{{"dossier_code", receipt.dossierCode},
                {"received_at", receipt.receivedAt},
                {"appointment_at", receipt.appointmentAt},
                {"status", receipt.status},
                {"replayed", receipt.replayed}}
        .dump();
}

Result<SubmitReceipt> parseSubmitReceipt(const std::string& body) {
    auto document = parseObject(body);
    if (!document) {
        return document.error();
    }
    // Every field is checked against docs/gateway-api.md before any of it is stored: the
    // dossier code is printed on receipts and by kioskctl, so a code with an escape sequence,
    // a line break or kilobytes of text must never get in.
    auto code = stringField(*document, "dossier_code");
    if (!code || !isDossierCode(*code)) {
        return makeError("malformed_reply", "the gateway's dossier code is not unit-YYMMDD-NNNN");
    }
    auto received = stringField(*document, "received_at");
    auto appointment = stringField(*document, "appointment_at");
    if (!received || !parseCompact(*received) || !appointment || !parseCompact(*appointment)) {
        return makeError("malformed_reply", "the gateway's times are not yyyyMMddHHmmss");
    }
    SubmitReceipt receipt;
    receipt.dossierCode = *code;
    receipt.receivedAt = *received;
    receipt.appointmentAt = *appointment;
    if (document->contains("status")) {
        auto status = stringField(*document, "status");
        if (!status || !dossierStatusFromCode(*status)) {
            return makeError("malformed_reply", "the gateway's status is not an OpenCPS state");
        }
        receipt.status = *status;
    } else {
        receipt.status = "new";
    }
    auto replayed = document->find("replayed");
    if (replayed != document->end() && !replayed->is_boolean()) {
        return makeError("malformed_reply", "the gateway's \"replayed\" is not true or false");
    }
    receipt.replayed = replayed != document->end() && replayed->get<bool>();
    return receipt;
}

std::string statusReplyBody(const StatusReply& reply) {
    json body{{"dossier_code", reply.dossierCode},
              {"status", reply.status},
              {"received_at", reply.receivedAt},
              {"appointment_at", reply.appointmentAt}};
    if (!reply.statusReason.empty()) {
        body["status_reason"] = reply.statusReason;
    }
    json opened = json::array();
    for (const auto& [office, count] : reply.openedBy) {
        opened.push_back({{"office", office}, {"count", count}});
    }
    body["opened"] = {{"count", reply.openedCount}, {"by", opened}};
    return body.dump();
}

Result<StatusReply> parseStatusReply(const std::string& body) {
    auto document = parseObject(body);
    if (!document) {
        return document.error();
    }
    auto code = stringField(*document, "dossier_code");
    auto status = stringField(*document, "status");
    if (!code || !isDossierCode(*code) || !status || !dossierStatusFromCode(*status)) {
        return makeError("malformed_reply",
                         "the gateway's status reply lacks a valid dossier code or state");
    }
    StatusReply reply;
    reply.dossierCode = *code;
    reply.status = *status;
    // The times are optional in a status reply, but when present they must be times.
    for (auto [key, target] : {std::pair{"received_at", &reply.receivedAt},
                               std::pair{"appointment_at", &reply.appointmentAt}}) {
        if (!document->contains(key)) {
            continue;
        }
        auto value = stringField(*document, key);
        if (!value || (!value->empty() && !parseCompact(*value))) {
            return makeError("malformed_reply", "the gateway's times are not yyyyMMddHHmmss");
        }
        *target = *value;
    }
    reply.statusReason = stringField(*document, "status_reason").value_or("");
    // The access record is optional (older gateways do not send it); a malformed one is ignored
    // rather than hiding the status the resident asked for.
    const json& root = *document;
    if (root.contains("opened") && root["opened"].is_object()) {
        const json& opened = root["opened"];
        if (opened.contains("count") && opened["count"].is_number_integer()) {
            reply.openedCount = opened["count"].get<std::int64_t>();
        }
        if (opened.contains("by") && opened["by"].is_array()) {
            for (const json& entry : opened["by"]) {
                if (entry.is_object() && entry.contains("office") && entry["office"].is_string() &&
                    entry.contains("count") && entry["count"].is_number_integer()) {
                    reply.openedBy.emplace_back(entry["office"].get<std::string>(),
                                                entry["count"].get<std::int64_t>());
                }
            }
        }
    }
    return reply;
}

std::string errorBody(const std::string& code, const std::string& message) {
    return json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

std::string signRequest(const std::string& secret, const std::string& method,
                        const std::string& path, const std::string& timestamp,
                        const std::string& body) {
    return hmacSha256Hex(secret,
                         method + "\n" + path + "\n" + timestamp + "\n" + sha256Hex(asBytes(body)));
}

} // namespace kiosk
